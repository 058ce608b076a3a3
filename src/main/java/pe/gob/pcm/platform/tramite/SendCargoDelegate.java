package pe.gob.pcm.platform.tramite;

import static pe.gob.pcm.platform.tramite.ReceptionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.pide.PideClients;
import pe.gob.segdi.wsiopidetramite.ws.CargoTramite;
import pe.gob.segdi.wsiopidetramite.ws.RespuestaCargoTramite;

/**
 * Sends the signed cargo back to the sender through the PIDE (cargoResponse). "Already
 * registered" counts as delivered (a retry after a lost answer); any other refusal or a
 * transport fault fails the job, which is retried and then becomes an incident.
 */
@Component("sendCargo")
public class SendCargoDelegate implements JavaDelegate {

  private final ReceptionMapper receptions;
  private final DocumentStore documents;
  private final PideClients pide;

  public SendCargoDelegate(ReceptionMapper receptions, DocumentStore documents, PideClients pide) {
    this.receptions = receptions;
    this.documents = documents;
    this.pide = pide;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReceptionMapper.ReceptionStatus r = receptions.find(((Number) execution.getVariable(RECEPTION_ID)).longValue());
    CargoTramite cargo = new CargoTramite();
    cargo.setVrucentrem(r.vrucentrec()); // the entity sending the cargo
    cargo.setVrucentrec(r.vrucentrem()); // the original sender
    cargo.setVcuo(r.vcuo());
    cargo.setVcuoref(r.vcuoref());
    cargo.setVnumregstd(r.vnumregstd());
    cargo.setVanioregstd(r.vanioregstd());
    cargo.setDfecregstd(r.dfecregstd() == null ? null : WireMapping.toXml(r.dfecregstd()));
    cargo.setVuniorgstd(r.vuniorgstd());
    cargo.setVusuregstd(r.vusuregstd());
    cargo.setBcarstd(documents.content(r.cargoDocumentId()));
    cargo.setVobs(r.vobs());
    cargo.setCflgest(r.cflgest());
    RespuestaCargoTramite answer = pide.tramite().cargoResponse(cargo);
    if (!"0000".equals(answer.getVcodres()) && !CargoReceipt.REPEATED.equals(answer.getVdesres())) {
      throw new IllegalStateException("La PIDE no aceptó el cargo del CUO " + r.vcuo() + " ("
          + answer.getVcodres() + "): " + answer.getVdesres());
    }
  }
}

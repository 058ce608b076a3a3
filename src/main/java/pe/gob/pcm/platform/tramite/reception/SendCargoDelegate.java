package pe.gob.pcm.platform.tramite.reception;


import static pe.gob.pcm.platform.tramite.reception.ReceptionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.mgd.MgdCargo;
import pe.gob.pcm.platform.pide.PideTramite;

/**
 * Sends the signed cargo back to the sender through the PIDE (cargoResponse). "Already
 * registered" counts as delivered (a retry after a lost answer); any other refusal or a
 * transport fault fails the job, which is retried and then becomes an incident.
 */
@Component("sendCargo")
public class SendCargoDelegate implements JavaDelegate {

  private final ReceptionMapper receptions;
  private final DocumentStore documents;
  private final PideTramite pide;

  public SendCargoDelegate(ReceptionMapper receptions, DocumentStore documents, PideTramite pide) {
    this.receptions = receptions;
    this.documents = documents;
    this.pide = pide;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReceptionStatus r = receptions.find(((Number) execution.getVariable(RECEPTION_ID)).longValue());
    // the entity sending the cargo is the receiver of the document; it goes back to its sender
    MgdCargo cargo = new MgdCargo(r.receiverRuc(), r.senderRuc(), r.cuo(), r.cuoReference(),
        r.registrationNumber(), r.registrationYear(), r.registeredAt(), r.registrationUnit(),
        r.registeredBy(), documents.content(r.cargoDocumentId()), r.observation(), r.state());
    PideTramite.Answer answer = pide.sendCargo(cargo);
    if (!answer.accepted() && !MgdCargo.REPEATED.equals(answer.message())) {
      throw new IllegalStateException("La PIDE no aceptó el cargo del CUO " + r.cuo() + " ("
          + answer.code() + "): " + answer.message());
    }
  }
}

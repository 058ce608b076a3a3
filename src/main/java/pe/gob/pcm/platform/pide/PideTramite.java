package pe.gob.pcm.platform.pide;

import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.mgd.MgdCargo;
import pe.gob.pcm.platform.mgd.MgdDocument;
import pe.gob.segdi.wsiopidetramite.ws.ConsultaTramite;
import pe.gob.segdi.wsiopidetramite.ws.RespuestaConsultaTramite;
import pe.gob.segdi.wsiopidetramite.ws.RespuestaTramite;

/**
 * The PIDE's PcmIMgdTramite in domain words: send a document, send a cargo back, ask how a sent
 * document stands. A transport fault is passed on unchanged (the calling job is retried).
 */
@Component
public class PideTramite {

  /** The PIDE's (or the receiver's) answer: {@code 0000} accepted, anything else refused. */
  public record Answer(String code, String message) {
    public boolean accepted() {
      return "0000".equals(code);
    }
  }

  /** An answer to a status query, with the receiver's state of the document (P, R, O) when found. */
  public record Status(String code, String message, String state) {
    public boolean found() {
      return "0000".equals(code);
    }
  }

  private final PideClients clients;

  public PideTramite(PideClients clients) {
    this.clients = clients;
  }

  public Answer send(MgdDocument document) {
    RespuestaTramite answer = clients.tramite(document.senderRuc()).recepcionarTramiteResponse(MgdWire.toPide(document));
    return new Answer(answer.getVcodres(), answer.getVdesres());
  }

  public Answer sendCargo(MgdCargo cargo) {
    pe.gob.segdi.wsiopidetramite.ws.RespuestaCargoTramite answer = clients.tramite(cargo.senderRuc()).cargoResponse(MgdWire.toPide(cargo));
    return new Answer(answer.getVcodres(), answer.getVdesres());
  }

  public Status status(String senderRuc, String receiverRuc, String cuo) {
    ConsultaTramite query = new ConsultaTramite();
    query.setVrucentrem(senderRuc);
    query.setVrucentrec(receiverRuc);
    query.setVcuo(cuo);
    RespuestaConsultaTramite answer = clients.tramite(senderRuc).consultarTramiteResponse(query);
    return new Status(answer.getVcodres(), answer.getVdesres(), answer.getCflgest());
  }
}

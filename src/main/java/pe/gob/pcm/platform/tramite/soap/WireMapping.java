package pe.gob.pcm.platform.tramite.soap;

import pe.gob.pcm.platform.pide.MgdWire;
import pe.gob.pcm.platform.tramite.reception.ReceptionStatus;
import pe.gob.segdi.wsiotramite.ws.RespuestaConsultaTramite;

/** wsiotramite's answers in wire names; its requests are read by {@link MgdWire}. */
final class WireMapping {

  private WireMapping() {}

  static RespuestaConsultaTramite toWire(ReceptionStatus status, byte[] cargo) {
    RespuestaConsultaTramite answer = new RespuestaConsultaTramite();
    answer.setVcodres("0000");
    answer.setVdesres("CONSULTA EXITOSA");
    answer.setVcuo(status.cuo());
    answer.setVcuoref(status.cuoReference());
    answer.setVnumregstd(status.registrationNumber());
    answer.setVanioregstd(status.registrationYear());
    answer.setVuniorgstd(status.registrationUnit());
    answer.setDfecregstd(MgdWire.toXml(status.registeredAt()));
    answer.setVusuregstd(status.registeredBy());
    answer.setVobs(status.observation());
    answer.setBcarstd(cargo);
    answer.setCflgest(status.state());
    return answer;
  }
}

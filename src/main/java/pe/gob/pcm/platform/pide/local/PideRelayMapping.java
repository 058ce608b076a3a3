package pe.gob.pcm.platform.pide.local;

import pe.gob.segdi.wsiopidetramite.ws.CargoTramite;
import pe.gob.segdi.wsiopidetramite.ws.RecepcionTramite;

/** Between the PIDE-side and the entity-side shapes of the same messages (field for field). */
final class PideRelayMapping {

  private PideRelayMapping() {}

  static pe.gob.segdi.wsiotramite.ws.RecepcionTramite toEntity(RecepcionTramite in) {
    pe.gob.segdi.wsiotramite.ws.RecepcionTramite out = new pe.gob.segdi.wsiotramite.ws.RecepcionTramite();
    out.setVrucentrem(in.getVrucentrem());
    out.setVrucentrec(in.getVrucentrec());
    out.setVnomentemi(in.getVnomentemi());
    out.setVuniorgrem(in.getVuniorgrem());
    out.setVcuo(in.getVcuo());
    out.setVcuoref(in.getVcuoref());
    out.setCcodtipdoc(in.getCcodtipdoc());
    out.setVnumdoc(in.getVnumdoc());
    out.setDfecdoc(in.getDfecdoc());
    out.setVuniorgdst(in.getVuniorgdst());
    out.setVnomdst(in.getVnomdst());
    out.setVnomcardst(in.getVnomcardst());
    out.setVasu(in.getVasu());
    out.setSnumanx(in.getSnumanx());
    out.setSnumfol(in.getSnumfol());
    out.setVurldocanx(in.getVurldocanx());
    out.setBpdfdoc(in.getBpdfdoc());
    out.setVnomdoc(in.getVnomdoc());
    int i = 1;
    for (pe.gob.segdi.wsiopidetramite.ws.DocumentoAnexo annex : in.getLstanexos()) {
      pe.gob.segdi.wsiotramite.ws.DocumentoAnexo copy = new pe.gob.segdi.wsiotramite.ws.DocumentoAnexo();
      copy.setSiddocanx(i++);
      copy.setVnomdoc(annex.getVnomdoc());
      out.getLstanexos().add(copy);
    }
    out.setCtipdociderem(in.getCtipdociderem());
    out.setVnumdociderem(in.getVnumdociderem());
    return out;
  }

  static pe.gob.segdi.wsiotramite.ws.CargoTramite toEntity(CargoTramite in) {
    pe.gob.segdi.wsiotramite.ws.CargoTramite out = new pe.gob.segdi.wsiotramite.ws.CargoTramite();
    out.setVcuo(in.getVcuo());
    out.setVcuoref(in.getVcuoref());
    out.setVnumregstd(in.getVnumregstd());
    out.setVanioregstd(in.getVanioregstd());
    out.setDfecregstd(in.getDfecregstd());
    out.setVuniorgstd(in.getVuniorgstd());
    out.setVusuregstd(in.getVusuregstd());
    out.setBcarstd(in.getBcarstd());
    out.setVobs(in.getVobs());
    out.setCflgest(in.getCflgest());
    out.setVdesanxstdrec(in.getVdesanxstdrec());
    return out;
  }

  static pe.gob.segdi.wsiopidetramite.ws.RespuestaConsultaTramite toPide(
      pe.gob.segdi.wsiotramite.ws.RespuestaConsultaTramite in) {
    pe.gob.segdi.wsiopidetramite.ws.RespuestaConsultaTramite out =
        new pe.gob.segdi.wsiopidetramite.ws.RespuestaConsultaTramite();
    out.setVcodres(in.getVcodres());
    out.setVdesres(in.getVdesres());
    out.setVcuo(in.getVcuo());
    out.setVcuoref(in.getVcuoref());
    out.setVnumregstd(in.getVnumregstd());
    out.setVanioregstd(in.getVanioregstd());
    out.setVuniorgstd(in.getVuniorgstd());
    out.setDfecregstd(in.getDfecregstd());
    out.setVusuregstd(in.getVusuregstd());
    out.setBcarstd(in.getBcarstd());
    out.setVobs(in.getVobs());
    out.setCflgest(in.getCflgest());
    return out;
  }
}

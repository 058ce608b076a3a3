package pe.gob.pcm.platform.tramite;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import javax.xml.datatype.XMLGregorianCalendar;
import pe.gob.segdi.wsiotramite.ws.DocumentoAnexo;
import pe.gob.segdi.wsiotramite.ws.RecepcionTramite;
import pe.gob.segdi.wsiotramite.ws.RespuestaConsultaTramite;

/** The one place where the contract's wire names meet the platform's domain names. */
final class WireMapping {

  private WireMapping() {}

  static IncomingDocument toDomain(RecepcionTramite wire) {
    List<String> annexes = wire.getLstanexos() == null ? List.of()
        : wire.getLstanexos().stream().filter(Objects::nonNull).map(DocumentoAnexo::getVnomdoc).toList();
    return new IncomingDocument(
        trim(wire.getVrucentrem()), trim(wire.getVrucentrec()), trim(wire.getVnomentemi()),
        trim(wire.getVuniorgrem()), trim(wire.getVcuo()), blankToNull(wire.getVcuoref()),
        trim(wire.getCcodtipdoc()), trim(wire.getVnumdoc()), toOffset(wire.getDfecdoc()),
        blankToNull(wire.getVuniorgdst()), blankToNull(wire.getVnomdst()),
        blankToNull(wire.getVnomcardst()), trim(wire.getVasu()), wire.getSnumanx(),
        wire.getSnumfol(), blankToNull(wire.getVurldocanx()), wire.getBpdfdoc(),
        trim(wire.getVnomdoc()), annexes, trim(wire.getCtipdociderem()),
        trim(wire.getVnumdociderem()));
  }

  static CargoReceipt.Cargo toDomain(pe.gob.segdi.wsiotramite.ws.CargoTramite wire) {
    OffsetDateTime registered = toOffset(wire.getDfecregstd());
    return new CargoReceipt.Cargo(trim(wire.getVcuo()), trim(wire.getVnumregstd()), trim(wire.getVanioregstd()),
        registered == null ? null : registered.atZoneSameInstant(java.time.ZoneId.of("America/Lima")).toLocalDateTime(),
        trim(wire.getVuniorgstd()), trim(wire.getVusuregstd()), wire.getBcarstd(), blankToNull(wire.getVobs()),
        trim(wire.getCflgest()));
  }

  static RespuestaConsultaTramite toWire(ReceptionMapper.ReceptionStatus status, byte[] cargo) {
    RespuestaConsultaTramite answer = new RespuestaConsultaTramite();
    answer.setVcodres("0000");
    answer.setVdesres("CONSULTA EXITOSA");
    answer.setVcuo(status.vcuo());
    answer.setVcuoref(status.vcuoref());
    answer.setVnumregstd(status.vnumregstd());
    answer.setVanioregstd(status.vanioregstd());
    answer.setVuniorgstd(status.vuniorgstd());
    answer.setDfecregstd(status.dfecregstd() == null ? null : toXml(status.dfecregstd()));
    answer.setVusuregstd(status.vusuregstd());
    answer.setVobs(status.vobs());
    answer.setBcarstd(cargo);
    answer.setCflgest(status.cflgest());
    return answer;
  }

  static XMLGregorianCalendar toXml(java.time.LocalDateTime time) {
    try {
      return javax.xml.datatype.DatatypeFactory.newInstance()
          .newXMLGregorianCalendar(time.atZone(java.time.ZoneId.of("America/Lima")).toOffsetDateTime().toString());
    } catch (javax.xml.datatype.DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OffsetDateTime toOffset(XMLGregorianCalendar calendar) {
    if (calendar == null) {
      return null;
    }
    // A date without zone is read as Lima time, the State's.
    if (calendar.getTimezone() == javax.xml.datatype.DatatypeConstants.FIELD_UNDEFINED) {
      calendar.setTimezone(-5 * 60);
    }
    return calendar.toGregorianCalendar().toZonedDateTime().toOffsetDateTime();
  }

  private static String trim(String value) {
    return value == null ? null : value.strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

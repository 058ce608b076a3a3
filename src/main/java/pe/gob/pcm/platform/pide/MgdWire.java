package pe.gob.pcm.platform.pide;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import pe.gob.pcm.platform.calendar.PeruTime;
import pe.gob.pcm.platform.mgd.MgdCargo;
import pe.gob.pcm.platform.mgd.MgdDocument;

/**
 * The one place where the wire names of the document messages (wsiotramite's and the PIDE's
 * PcmIMgdTramite, field for field the same) meet the platform's domain names, and where the
 * contract's dates are read and written in Lima time.
 */
public final class MgdWire {

  private MgdWire() {}

  /** A document received by wsiotramite. */
  public static MgdDocument toDocument(pe.gob.segdi.wsiotramite.ws.RecepcionTramite wire) {
    List<String> annexes = wire.getLstanexos() == null ? List.of()
        : wire.getLstanexos().stream().filter(Objects::nonNull)
            .map(pe.gob.segdi.wsiotramite.ws.DocumentoAnexo::getVnomdoc).toList();
    return new MgdDocument(
        trim(wire.getVrucentrem()), trim(wire.getVrucentrec()), trim(wire.getVnomentemi()),
        trim(wire.getVuniorgrem()), trim(wire.getVcuo()), blankToNull(wire.getVcuoref()),
        trim(wire.getCcodtipdoc()), trim(wire.getVnumdoc()), toOffset(wire.getDfecdoc()),
        blankToNull(wire.getVuniorgdst()), blankToNull(wire.getVnomdst()),
        blankToNull(wire.getVnomcardst()), trim(wire.getVasu()), wire.getSnumanx(),
        wire.getSnumfol(), blankToNull(wire.getVurldocanx()), wire.getBpdfdoc(),
        trim(wire.getVnomdoc()), annexes, trim(wire.getCtipdociderem()),
        trim(wire.getVnumdociderem()));
  }

  /** A cargo received by wsiotramite (whose message names neither entity: the CUO says which document). */
  public static MgdCargo toCargo(pe.gob.segdi.wsiotramite.ws.CargoTramite wire) {
    return new MgdCargo(null, null, trim(wire.getVcuo()),
        blankToNull(wire.getVcuoref()), trim(wire.getVnumregstd()), trim(wire.getVanioregstd()),
        PeruTime.local(toOffset(wire.getDfecregstd())), trim(wire.getVuniorgstd()),
        trim(wire.getVusuregstd()), wire.getBcarstd(), blankToNull(wire.getVobs()),
        trim(wire.getCflgest()));
  }

  /** A document sent through the PIDE. */
  static pe.gob.segdi.wsiopidetramite.ws.RecepcionTramite toPide(MgdDocument d) {
    pe.gob.segdi.wsiopidetramite.ws.RecepcionTramite wire = new pe.gob.segdi.wsiopidetramite.ws.RecepcionTramite();
    wire.setVrucentrem(d.senderRuc());
    wire.setVrucentrec(d.receiverRuc());
    wire.setVnomentemi(d.senderName());
    wire.setVuniorgrem(d.senderUnit());
    wire.setVcuo(d.cuo());
    wire.setVcuoref(d.cuoReference());
    wire.setCcodtipdoc(d.documentType());
    wire.setVnumdoc(d.documentNumber());
    wire.setDfecdoc(d.documentDate() == null ? null
        : datatypes().newXMLGregorianCalendar(GregorianCalendar.from(d.documentDate().toZonedDateTime())));
    wire.setVuniorgdst(d.destinationUnit());
    wire.setVnomdst(d.addresseeName());
    wire.setVnomcardst(d.addresseePosition());
    wire.setVasu(d.subject());
    wire.setSnumanx(d.annexCount());
    for (String name : d.annexNames()) {
      pe.gob.segdi.wsiopidetramite.ws.DocumentoAnexo annex = new pe.gob.segdi.wsiopidetramite.ws.DocumentoAnexo();
      annex.setVnomdoc(name);
      wire.getLstanexos().add(annex);
    }
    wire.setVurldocanx(d.annexUrl());
    wire.setSnumfol(d.folios());
    wire.setBpdfdoc(d.pdf());
    wire.setVnomdoc(d.pdfName());
    wire.setCtipdociderem(d.senderIdType());
    wire.setVnumdociderem(d.senderIdNumber());
    return wire;
  }

  /** A cargo sent back through the PIDE. */
  static pe.gob.segdi.wsiopidetramite.ws.CargoTramite toPide(MgdCargo c) {
    pe.gob.segdi.wsiopidetramite.ws.CargoTramite wire = new pe.gob.segdi.wsiopidetramite.ws.CargoTramite();
    wire.setVrucentrem(c.senderRuc());
    wire.setVrucentrec(c.receiverRuc());
    wire.setVcuo(c.cuo());
    wire.setVcuoref(c.cuoReference());
    wire.setVnumregstd(c.registrationNumber());
    wire.setVanioregstd(c.registrationYear());
    wire.setDfecregstd(toXml(c.registeredAt()));
    wire.setVuniorgstd(c.unit());
    wire.setVusuregstd(c.user());
    wire.setBcarstd(c.pdf());
    wire.setVobs(c.observation());
    wire.setCflgest(c.state());
    return wire;
  }

  /** A Lima wall-clock time as the contract's dateTime, with its offset. */
  public static XMLGregorianCalendar toXml(LocalDateTime time) {
    return time == null ? null : datatypes().newXMLGregorianCalendar(PeruTime.offset(time).toString());
  }

  /** The contract's dateTime; one without zone is read as Lima time, the State's. */
  static OffsetDateTime toOffset(XMLGregorianCalendar calendar) {
    if (calendar == null) {
      return null;
    }
    if (calendar.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
      calendar.setTimezone(PeruTime.ZONE.getRules().getOffset(java.time.Instant.now()).getTotalSeconds() / 60);
    }
    return calendar.toGregorianCalendar().toZonedDateTime().toOffsetDateTime();
  }

  private static DatatypeFactory datatypes() {
    try {
      return DatatypeFactory.newInstance();
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String trim(String value) {
    return value == null ? null : value.strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

package pe.gob.pcm.platform.mgd;


import java.time.OffsetDateTime;
import java.util.List;

/**
 * A document one entity sends another through the PIDE, in the platform's own words: what the
 * MGD model asks of every document. The wire names of the State's contracts ({@code vrucentrem},
 * {@code bpdfdoc}…) stop at the SOAP edges (pide.MgdWire).
 */
public record MgdDocument(
    String senderRuc,
    String receiverRuc,
    String senderName,
    String senderUnit,
    String cuo,
    String cuoReference,
    String documentType,
    String documentNumber,
    OffsetDateTime documentDate,
    String destinationUnit,
    String addresseeName,
    String addresseePosition,
    String subject,
    int annexCount,
    int folios,
    String annexUrl,
    byte[] pdf,
    String pdfName,
    List<String> annexNames,
    String senderIdType,
    String senderIdNumber) {}

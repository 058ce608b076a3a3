package pe.gob.pcm.platform.tramite;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A document another entity sends through the PIDE, in the platform's own words. The wire names
 * of the State's contract ({@code vrucentrem}, {@code bpdfdoc}…) stop at {@link WireMapping}.
 */
public record IncomingDocument(
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

package pe.gob.pcm.platform.document;

import java.time.LocalDateTime;

/** A document's metadata (never its bytes): what process variables and listings carry. */
public record StoredDocument(
    String id,
    String tenantId,
    String fileName,
    String mediaType,
    long sizeBytes,
    String sha256,
    String uploadedBy,
    LocalDateTime uploadedAt,
    String processInstanceId,
    String signatureStatus,
    String signatureSigner) {}

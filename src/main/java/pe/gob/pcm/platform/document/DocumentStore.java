package pe.gob.pcm.platform.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pe.gob.pcm.platform.security.PlatformUser;
import pe.gob.pcm.platform.validation.FieldChecks;

/**
 * The platform's document store: every file uploaded in any process, with SHA-256, size, media
 * type, uploader and time. Processes keep only the document id in their variables.
 */
@Service
public class DocumentStore {

  public static final String PDF = "application/pdf";
  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  private final DocumentMapper mapper;
  private final HistoryService history;
  private final IdentityService identity;
  private final long maxBytes;

  public DocumentStore(DocumentMapper mapper, HistoryService history, IdentityService identity,
      DocumentProperties properties) {
    this.mapper = mapper;
    this.history = history;
    this.identity = identity;
    this.maxBytes = properties.maxBytes();
  }

  /**
   * Stores a PDF for an entity (tenant), uploaded by a user or a system channel. Uploading the same bytes again under the same name,
   * before a process used the first copy, returns the first copy: retries are harmless.
   */
  @Transactional
  public StoredDocument storePdf(String uploaderId, String tenantId, String fileName,
      byte[] content) {
    StoredDocument document = checkedPdf(uploaderId, tenantId, fileName, content);
    StoredDocument retry = mapper.findUnattached(uploaderId, document.sha256(), document.fileName());
    if (retry != null && java.util.Objects.equals(retry.tenantId(), tenantId)) {
      return retry;
    }
    mapper.insert(document, content);
    return document;
  }

  /**
   * A PDF checked as {@link #storePdf} checks it, with its id, hash and time, but not stored:
   * for a caller that starts the process first and then stores the document already bound to
   * it ({@link #storeAttached}), in one transaction, where a retry cannot find an earlier copy.
   */
  public StoredDocument checkedPdf(String uploaderId, String tenantId, String fileName, byte[] content) {
    String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
    FieldChecks checks = new FieldChecks();
    checks.check("archivo", "Archivo", content == null || content.length == 0
        ? "está vacío" : null);
    if (content != null && content.length > 0) {
      checks.check("archivo", "Archivo", content.length > maxBytes
          ? "supera el tamaño máximo de " + (maxBytes / (1024 * 1024)) + " MB" : null);
      checks.check("archivo", "Archivo", !startsWith(content, PDF_MAGIC)
          ? "no es un PDF" : null);
    }
    checks.check("nombre", "Nombre del archivo", name.isEmpty() ? "es obligatorio"
        : name.length() > 255 ? "no debe superar 255 caracteres" : null);
    checks.throwIfAny();
    return new StoredDocument(UUID.randomUUID().toString(), tenantId, name, PDF,
        content.length, sha256(content), uploaderId, LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS),
        null, null, null);
  }

  /** Stores a document from {@link #checkedPdf} bound to the process instance that uses it. */
  @Transactional
  public StoredDocument storeAttached(StoredDocument checked, byte[] content, String processInstanceId) {
    StoredDocument document = new StoredDocument(checked.id(), checked.tenantId(), checked.fileName(),
        checked.mediaType(), checked.sizeBytes(), checked.sha256(), checked.uploadedBy(), checked.uploadedAt(),
        processInstanceId, null, null);
    mapper.insert(document, content);
    return document;
  }

  public Optional<StoredDocument> find(String id) {
    return id == null || id.length() > 36 ? Optional.empty() : Optional.ofNullable(mapper.find(id));
  }

  /** The document's bytes, or null if there is no such document. */
  public byte[] content(String id) {
    DocumentMapper.Content content = mapper.content(id);
    return content == null ? null : content.bytes();
  }

  /**
   * Why the document a form names by its code cannot be used by this entity's process instance,
   * in Spanish; null when it can. The code is what «Subir documento» gave the user.
   */
  public String usableProblem(String id, String entityRuc, String processInstanceId) {
    if (id == null || id.isBlank()) {
      return "es obligatorio: suba el PDF en «Subir documento» y pegue su código";
    }
    StoredDocument document = find(id.strip()).orElse(null);
    if (document == null) {
      return "no corresponde a ningún documento subido";
    }
    if (document.tenantId() != null && !document.tenantId().equals(entityRuc)) {
      return "el documento pertenece a otra entidad";
    }
    if (!PDF.equals(document.mediaType())) {
      return "debe ser un PDF";
    }
    if (document.processInstanceId() != null && !document.processInstanceId().equals(processInstanceId)) {
      return "el documento ya se usó en otro trámite o solicitud";
    }
    return null;
  }

  /** Binds a document to the process instance that uses it; false if another process has it. */
  public boolean attach(String id, String processInstanceId) {
    return mapper.attach(id, processInstanceId) == 1;
  }

  public void recordSignature(String id, String status, String signer) {
    mapper.recordSignature(id, status, signer);
  }

  /**
   * Keeps what the verifier found: the summary on the document (status, signers, the Spanish
   * sentence) and one row per signature (signer, times, PAdES level, status, reason), replacing
   * those of an earlier check.
   */
  public void recordSignature(String id, pe.gob.pcm.platform.signature.SignatureVerification result) {
    mapper.recordSignatureSummary(id, result.status().name(), truncate(result.signerName(), 250),
        truncate(result.message(), 2000));
    mapper.deleteSignatures(id);
    for (var check : result.signatures()) {
      mapper.insertSignature(id, new pe.gob.pcm.platform.signature.SignatureCheck(check.position(),
          truncate(check.signerName(), 250), truncate(check.signerSerialNumber(), 64), check.claimedSigningTime(),
          check.timestampTime(), truncate(check.level(), 32), check.status(), truncate(check.message(), 2000),
          check.revision(), check.revisions(), check.revokedAt()));
    }
  }

  /** The signatures found on the document at its last check, in signing order (none if never checked). */
  public java.util.List<pe.gob.pcm.platform.signature.SignatureCheck> signatures(String id) {
    return mapper.signatures(id);
  }

  /** The Spanish sentence of the document's last signature check, or null. */
  public String signatureMessage(String id) {
    return mapper.signatureMessage(id);
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /**
   * Whether the user may read the document: administrators; its uploader; users of its entity;
   * and users who can see the process instance using it (PCM staff the procedure is routed to),
   * as decided by Camunda's own authorization and tenant checks.
   */
  public boolean canRead(PlatformUser user, StoredDocument document) {
    if (user.isAdmin() || user.id().equals(document.uploadedBy())) {
      return true;
    }
    if (!user.isPcmSide() && document.tenantId() != null
        && user.tenantIds().contains(document.tenantId())) {
      return true;
    }
    return document.processInstanceId() != null && canSeeProcess(user, document.processInstanceId());
  }

  /** Whether Camunda's authorization and tenant checks let the user see the process instance. */
  public boolean canSeeProcess(PlatformUser user, String processInstanceId) {
    if (user.isAdmin()) {
      return true;
    }
    identity.setAuthentication(user.id(), user.groupIds(), user.tenantIds());
    try {
      return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    } finally {
      identity.clearAuthentication();
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}

package pe.gob.pcm.platform.tramite;

import static pe.gob.pcm.platform.tramite.ReceptionProcess.*;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pe.gob.pcm.platform.config.EntityTenantIdProvider;
import pe.gob.pcm.platform.config.PlatformProperties;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.document.StoredDocument;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.validation.FieldChecks;

/**
 * Receives a document from the PIDE: checks it, stores it after the MGD model and starts the
 * reception process, all in one transaction, so a document is either fully received (record,
 * PDF, process) or not at all.
 */
@Service
public class ReceptionService {

  /** What the sender is answered. */
  public record Outcome(boolean accepted, String message) {}

  static final String CHANNEL_USER = "wsiotramite";

  private final ReceptionMapper mapper;
  private final DocumentStore documents;
  private final HostedEntities entities;
  private final RuntimeService runtime;
  private final TramiteProperties properties;
  private final long maxPdfBytes;
  private final Clock clock = Clock.system(ZoneId.of("America/Lima"));

  public ReceptionService(ReceptionMapper mapper, DocumentStore documents, HostedEntities entities,
      RuntimeService runtime, TramiteProperties properties, PlatformProperties platform) {
    this.mapper = mapper;
    this.documents = documents;
    this.entities = entities;
    this.runtime = runtime;
    this.properties = properties;
    this.maxPdfBytes = platform.documents().maxSize().toBytes();
  }

  /** Refusal of the metadata, or empty when the document may be stored. */
  public Optional<String> refusal(IncomingDocument document) {
    FieldChecks checks = MgdValidation.check(document, properties.documentTypes(), maxPdfBytes, clock);
    if (checks.hasErrors()) {
      return Optional.of(checks.errors().get(0).message());
    }
    if (!entities.isHosted(document.receiverRuc())) {
      return Optional.of("vrucentrec (RUC de la entidad receptora): la entidad "
          + document.receiverRuc() + " no recibe documentos en esta plataforma.");
    }
    return Optional.empty();
  }

  /** An already received copy of this document (same sender, same CUO), if any. */
  public Optional<Outcome> alreadyReceived(IncomingDocument document) {
    return Optional.ofNullable(mapper.findBySenderAndCuo(document.senderRuc(), document.cuo()))
        .map(existing -> success(existing.vcuo(), existing.vrucentrec()));
  }

  /**
   * Stores a checked document and starts its reception. A concurrent delivery of the same CUO
   * makes this fail on the unique key; the caller then answers with {@link #alreadyReceived}.
   */
  @Transactional
  public Outcome receive(IncomingDocument document) {
    ReceptionMapper.Key reception = new ReceptionMapper.Key();
    mapper.insertReception(document, reception);
    ReceptionMapper.Key external = new ReceptionMapper.Key();
    mapper.insertExternalDocument(reception.id, document,
        document.documentDate().atZoneSameInstant(ZoneId.of("America/Lima")).toLocalDateTime(), external);
    for (int i = 0; i < document.annexNames().size(); i++) {
      mapper.insertAnnex(external.id, i + 1, document.annexNames().get(i));
    }
    // the PDF is stored once the process exists, already bound to it (one UPDATE less)
    StoredDocument pdf = documents.checkedPdf(CHANNEL_USER, document.receiverRuc(), document.pdfName(), document.pdf());

    Map<String, Object> variables = new HashMap<>();
    variables.put(EntityTenantIdProvider.ENTITY_RUC, document.receiverRuc());
    variables.put(RECEPTION_ID, reception.id);
    variables.put(CUO, document.cuo());
    variables.put(MAIN_DOCUMENT, pdf.id());
    variables.put("senderRuc", document.senderRuc());
    variables.put("senderName", document.senderName());
    variables.put("senderUnit", document.senderUnit());
    variables.put("documentType", properties.documentTypes().get(document.documentType()));
    variables.put("documentNumber", document.documentNumber());
    variables.put("documentDate", document.documentDate().toLocalDate().toString());
    variables.put("subject", document.subject());
    variables.put("addressee", document.addresseeName());
    variables.put("folios", document.folios());
    variables.put("annexCount", document.annexCount());
    String processInstanceId = runtime.startProcessInstanceByKey(KEY, document.cuo(), variables).getId();
    documents.storeAttached(pdf, document.pdf(), processInstanceId);
    mapper.insertMainDocument(external.id, document.pdfName(), pdf.id());
    mapper.attachProcess(reception.id, processInstanceId);
    return success(document.cuo(), document.receiverRuc());
  }

  public Optional<ReceptionMapper.ReceptionStatus> status(String cuo) {
    return cuo == null ? Optional.empty() : Optional.ofNullable(mapper.findByCuo(cuo.strip()));
  }

  /** The signed cargo's bytes, once issued. */
  public byte[] cargo(ReceptionMapper.ReceptionStatus status) {
    return status.cargoDocumentId() == null ? null : documents.content(status.cargoDocumentId());
  }

  private Outcome success(String cuo, String receiverRuc) {
    String name = entities.name(receiverRuc).orElse(receiverRuc);
    return new Outcome(true, "Documento con CUO " + cuo + " recibido por " + name
        + "; queda pendiente de recepción formal por su Mesa de Partes.");
  }
}

package pe.gob.pcm.platform.tramite.reception;

import static pe.gob.pcm.platform.tramite.reception.ReceptionProcess.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import pe.gob.pcm.platform.calendar.PeruTime;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.document.StoredDocument;
import pe.gob.pcm.platform.entity.EntityTenantIdProvider;
import pe.gob.pcm.platform.entity.EntityState;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.mgd.MgdDocument;
import pe.gob.pcm.platform.mgd.MgdRules;
import pe.gob.pcm.platform.validation.FieldChecks;

/**
 * Receives a document from the PIDE: checks it, stores it after the MGD model and starts the
 * reception process, all in one transaction, so a document is either fully received (record,
 * PDF, process) or not at all. A resend is answered as the first delivery was.
 */
@Service
public class ReceptionService {

  private static final Logger LOG = LoggerFactory.getLogger(ReceptionService.class);

  /** What the sender is answered. */
  public record Outcome(boolean accepted, String message) {}

  static final String CHANNEL_USER = "wsiotramite";

  private final ReceptionMapper mapper;
  private final DocumentStore documents;
  private final HostedEntities entities;
  private final RuntimeService runtime;
  private final MgdRules rules;
  private final TransactionTemplate transaction;

  public ReceptionService(ReceptionMapper mapper, DocumentStore documents, HostedEntities entities,
      RuntimeService runtime, MgdRules rules, TransactionTemplate transaction) {
    this.mapper = mapper;
    this.documents = documents;
    this.entities = entities;
    this.runtime = runtime;
    this.rules = rules;
    this.transaction = transaction;
  }

  /**
   * The intake of one document: refused (with the first problem, naming the wire field), received,
   * or, for a resend of the same sender and CUO, answered with the earlier reception.
   */
  public Outcome intake(MgdDocument document) {
    Optional<String> refusal = refusal(document);
    if (refusal.isPresent()) {
      LOG.info("Recepción rechazada (CUO {}): {}", document.cuo(), refusal.get());
      return new Outcome(false, refusal.get());
    }
    try {
      Outcome received = transaction.execute(status -> receive(document));
      LOG.info("Recepción registrada: CUO {} de la entidad {}", document.cuo(), document.senderRuc());
      return received;
    } catch (DuplicateKeyException resent) {
      // A resend, or the same CUO twice at once: the first statement of receive (the reception
      // row, unique per sender and CUO) refused it and nothing was written. Asking first would
      // cost every intake a query for the rare resend.
      return find(document.senderRuc(), document.cuo())
          .map(existing -> success(existing.cuo(), existing.receiverRuc()))
          .orElseGet(() -> new Outcome(false, "No se pudo registrar el documento; reintente."));
    }
  }

  private Optional<String> refusal(MgdDocument document) {
    FieldChecks checks = rules.check(document);
    if (checks.hasErrors()) {
      return Optional.of(checks.errors().get(0).message());
    }
    Optional<EntityState> receiver = entities.state(document.receiverRuc());
    if (receiver.isEmpty()) {
      return Optional.of("vrucentrec (RUC de la entidad receptora): la entidad "
          + document.receiverRuc() + " no recibe documentos en esta plataforma.");
    }
    if (receiver.get() == EntityState.SUSPENDIDA) {
      return Optional.of("vrucentrec (RUC de la entidad receptora): la entidad "
          + document.receiverRuc() + " está suspendida en la plataforma y no recibe documentos;"
          + " el documento no fue registrado.");
    }
    return Optional.empty();
  }

  private Outcome receive(MgdDocument document) {
    ReceptionMapper.Key reception = new ReceptionMapper.Key();
    mapper.insertReception(document, PeruTime.localNow(), reception);
    ReceptionMapper.Key external = new ReceptionMapper.Key();
    mapper.insertExternalDocument(reception.id, document, PeruTime.local(document.documentDate()), external);
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
    variables.put("documentType", rules.documentTypes().get(document.documentType()));
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

  /** The latest reception of a CUO (what a status query asks), if any. */
  public Optional<ReceptionStatus> status(String cuo) {
    return cuo == null ? Optional.empty() : Optional.ofNullable(mapper.findByCuo(cuo.strip()));
  }

  /** The reception of the document a sender sent with this CUO, if any. */
  public Optional<ReceptionStatus> find(String senderRuc, String cuo) {
    return senderRuc == null || cuo == null ? Optional.empty()
        : Optional.ofNullable(mapper.findBySenderAndCuo(senderRuc, cuo.strip()));
  }

  /**
   * Registers a pending reception without its Mesa de Partes (the MPV conformance tests do, for
   * their own test documents); false if it was no longer pending.
   */
  public boolean register(long receptionId, String number, String year, String unit, String user) {
    return mapper.register(receptionId, number, year, PeruTime.localNow(), unit, user) == 1;
  }

  /** The signed cargo's bytes, once issued. */
  public byte[] cargo(ReceptionStatus status) {
    return status.cargoDocumentId() == null ? null : documents.content(status.cargoDocumentId());
  }

  private Outcome success(String cuo, String receiverRuc) {
    String name = entities.name(receiverRuc).orElse(receiverRuc);
    return new Outcome(true, "Documento con CUO " + cuo + " recibido por " + name
        + "; queda pendiente de recepción formal por su Mesa de Partes.");
  }
}

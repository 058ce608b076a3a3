package pe.gob.pcm.platform.tramite.dispatch;

import pe.gob.pcm.platform.tramite.reception.ReceptionMapper;
import pe.gob.pcm.platform.mgd.MgdRules;

import static pe.gob.pcm.platform.validation.ProcessInputs.text;
import static pe.gob.pcm.platform.tramite.dispatch.DispatchProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.document.StoredDocument;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.Identifiers;

/**
 * The dispatch forms: "Enviar documento" (start: checks, then the outgoing record in state P)
 * and the sender's corrections (after a PIDE refusal, or after the receiver's observation).
 */
@Component("dispatchChecks")
public class DispatchChecks implements ExecutionListener, TaskListener {

  private final DispatchMapper mapper;
  private final DocumentStore documents;
  private final MgdRules rules;
  private final pe.gob.pcm.platform.pide.PideEntities entities;

  public DispatchChecks(DispatchMapper mapper, DocumentStore documents, MgdRules rules,
      pe.gob.pcm.platform.pide.PideEntities entities) {
    this.entities = entities;
    this.mapper = mapper;
    this.documents = documents;
    this.rules = rules;
  }

  /** The start form only chooses the destination's category: the PIDE then fills the options. */
  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getTenantId() == null) {
      new FieldChecks().check(DESTINATION_RUC, "Entidad remitente", "su usuario no pertenece a una entidad")
          .throwIfAny();
    }
  }

  /** The rule of each task completed with this listener, by its BPMN id. */
  private final java.util.Map<String, java.util.function.Consumer<DelegateTask>> byTask = java.util.Map.of(
      "Task_PrepareDocument", this::prepare,
      "Task_CorrectRefused", this::correct,
      "Task_CorrectObserved", this::correct);

  @Override
  public void notify(DelegateTask task) {
    java.util.function.Consumer<DelegateTask> rule = byTask.get(task.getTaskDefinitionKey());
    if (rule == null) {
      throw new IllegalStateException("dispatchChecks no tiene regla para la tarea " + task.getTaskDefinitionKey());
    }
    rule.accept(task);
  }

  /** "Preparar el documento a enviar": checks, then the outgoing record in state P. */
  private void prepare(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String sender = execution.getTenantId();
    String destination = text(execution, DESTINATION_RUC);
    FieldChecks checks = new FieldChecks();
    if (sender == null) {
      checks.check(DESTINATION_RUC, "Entidad remitente", "su usuario no pertenece a una entidad");
    }
    checks.check(DESTINATION_RUC, "RUC de la entidad destinataria", Identifiers.rucProblem(destination));
    if (destination != null && destination.equals(sender)) {
      checks.check(DESTINATION_RUC, "RUC de la entidad destinataria", "no puede ser su propia entidad");
    } else if (Identifiers.rucProblem(destination) == null && !interoperates(destination)) {
      checks.check(DESTINATION_RUC, "RUC de la entidad destinataria",
          "la entidad no está registrada en la PIDE para interoperar");
    }
    checks.check(DOCUMENT_TYPE, "Tipo de documento",
        knownType(text(execution, DOCUMENT_TYPE)) ? null : "elija un tipo de la lista");
    checks.check(DOCUMENT_NUMBER, "Número de documento", Identifiers.textProblem(text(execution, DOCUMENT_NUMBER), 100));
    checks.check(SUBJECT, "Asunto", Identifiers.textProblem(text(execution, SUBJECT), 500));
    checks.check(SENDER_UNIT, "Unidad remitente", Identifiers.textProblem(text(execution, SENDER_UNIT), 250));
    optional(checks, execution, DESTINATION_UNIT, "Unidad de destino", 150);
    optional(checks, execution, ADDRESSEE, "Destinatario", 100);
    optional(checks, execution, ADDRESSEE_POSITION, "Cargo del destinatario", 100);
    Integer folios = number(execution, FOLIOS);
    checks.check(FOLIOS, "Folios", folios == null || folios < 1 ? "debe ser un número mayor que 0" : null);
    checks.check(SIGNER_DNI, "DNI de quien firma el documento", Identifiers.dniProblem(text(execution, SIGNER_DNI)));
    checkDocument(checks, task, sender);
    java.util.List<StoredDocument> annexes = annexes(checks, execution, sender);
    checks.throwIfAny();

    String documentId = text(execution, MAIN_DOCUMENT).strip();
    documents.attach(documentId, execution.getProcessInstanceId());
    ReceptionMapper.Key key = new ReceptionMapper.Key();
    mapper.insert(new DispatchMapper.Dispatch(0, sender, destination, null, null, null, "P",
        text(execution, DOCUMENT_TYPE), text(execution, DOCUMENT_NUMBER), text(execution, SUBJECT),
        text(execution, SENDER_UNIT), text(execution, DESTINATION_UNIT), text(execution, ADDRESSEE),
        text(execution, ADDRESSEE_POSITION), folios, "1", text(execution, SIGNER_DNI).strip(), documentId, null, null, null, null, null, null,
        null, null, String.valueOf(execution.getVariable("initiator")), execution.getProcessInstanceId()), key);
    execution.setVariable(DISPATCH_ID, key.id);
    // stored encrypted in the dispatch record (vnumdociderem): not kept as a process variable
    execution.removeVariable(SIGNER_DNI);
    execution.setProcessBusinessKey("DESPACHO-" + sender + "-" + key.id);
    int order = 1;
    for (StoredDocument annex : annexes) {
      documents.attach(annex.id(), execution.getProcessInstanceId());
      mapper.insertAnnex(key.id, new DispatchMapper.Annex(order++, annex.fileName(), annex.id()));
    }
    if (!annexes.isEmpty()) {
      mapper.setAnnexToken(key.id, AnnexTokens.next());
    }
  }

  /** Optional annex codes, separated by commas or spaces: each an uploaded PDF of the entity. */
  private java.util.List<StoredDocument> annexes(FieldChecks checks, DelegateExecution execution, String entityRuc) {
    String codes = text(execution, ANNEXES);
    java.util.List<StoredDocument> found = new java.util.ArrayList<>();
    if (codes == null || codes.isBlank()) {
      return found;
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    for (String code : codes.strip().split("[,;\\s]+")) {
      StoredDocument annex = documents.find(code).orElse(null);
      if (annex == null || (annex.tenantId() != null && !annex.tenantId().equals(entityRuc))) {
        checks.check(ANNEXES, "Códigos de los anexos", "«" + code + "» no corresponde a un documento subido por su entidad");
      } else if (annex.fileName().length() > 100) {
        checks.check(ANNEXES, "Códigos de los anexos", "el nombre de «" + annex.fileName() + "» supera 100 caracteres");
      } else if (!names.add(annex.fileName())) {
        checks.check(ANNEXES, "Códigos de los anexos", "dos anexos no pueden llamarse igual («" + annex.fileName() + "»)");
      } else {
        found.add(annex);
      }
    }
    return found;
  }

  /** "Corregir el envío" (after a PIDE refusal): the same record, corrected. */
  private void correct(DelegateTask task) {
    FieldChecks checks = new FieldChecks()
        .check(DOCUMENT_NUMBER, "Número de documento", Identifiers.textProblem(text(task, DOCUMENT_NUMBER), 100))
        .check(SUBJECT, "Asunto", Identifiers.textProblem(text(task, SUBJECT), 500));
    checkDocument(checks, task, task.getTenantId());
    checks.throwIfAny();
    String documentId = text(task, MAIN_DOCUMENT).strip();
    documents.attach(documentId, task.getProcessInstanceId());
    long id = ((Number) task.getVariable(DISPATCH_ID)).longValue();
    mapper.correct(id, text(task, DOCUMENT_NUMBER), text(task, SUBJECT), documentId);
  }

  private boolean knownType(String code) {
    return code != null && (entities.documentTypes().containsKey(code) || rules.isKnownType(code));
  }

  /** Listed by the PIDE; when the PIDE lists nothing at all (down), the send itself will tell. */
  private boolean interoperates(String ruc) {
    if (entities.find(ruc).isPresent()) {
      return true;
    }
    return pe.gob.pcm.platform.pide.PideEntities.CATEGORIES.keySet().stream()
        .allMatch(category -> entities.byCategory(category).isEmpty());
  }

  private void checkDocument(FieldChecks checks, VariableScope scope, String entityRuc) {
    String pid = scope instanceof DelegateExecution e ? e.getProcessInstanceId()
        : ((DelegateTask) scope).getProcessInstanceId();
    checks.check(MAIN_DOCUMENT, "Código del documento (PDF)",
        documents.usableProblem(text(scope, MAIN_DOCUMENT), entityRuc, pid));
  }

  private static void optional(FieldChecks checks, VariableScope scope, String name, String label, int max) {
    String value = text(scope, name);
    if (value != null && value.length() > max) {
      checks.check(name, label, "no debe superar " + max + " caracteres");
    }
  }

  private static Integer number(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return value == null ? null : Integer.valueOf(value.toString().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

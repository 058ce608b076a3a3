package pe.gob.pcm.platform.colabora;

import static pe.gob.pcm.platform.validation.ProcessInputs.text;
import static pe.gob.pcm.platform.validation.ProcessInputs.actor;
import static pe.gob.pcm.platform.colabora.ColaboraProcess.*;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.entity.EntityState;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.notification.Notifications;
import pe.gob.pcm.platform.security.Role;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.Identifiers;

/**
 * Server-side checks of every Colabora form: the model calls it ({@code ${colaboraChecks}}) at
 * the start event and on completing each user task. A refusal throws
 * {@link pe.gob.pcm.platform.validation.InvalidInputException}: Tasklist shows its Spanish
 * message, and the engine transaction (with anything the platform wrote) rolls back. Wired as a
 * delegate rather than a method expression because the engine wraps exceptions thrown inside
 * expressions, which would turn a 400 "fix these fields" into a 500.
 */
@Component("colaboraChecks")
public class ColaboraChecks implements ExecutionListener, TaskListener {

  private static final Set<String> POSITION_CODES =
      Set.of("SECRETARIO_GENERAL", "GERENTE_GENERAL", "GERENTE_MUNICIPAL", "JEFE_TI", "OTRO");
  private static final Set<String> CATEGORIES = Set.of("1", "2", "3", "4", "5", "6", "7", "8");
  private static final Set<String> REVIEW_DECISIONS = Set.of(APPROVE, OBSERVE, REJECT);
  private static final Set<String> A1_DECISIONS = Set.of(APPROVE, OBSERVE);
  private static final int OBSERVATION_MAX = 2000;
  private static final String PROCEDURE_NAME = "Colabora: usuario máster";
  private static final Consumer<DelegateTask> NO_CHECKS = task -> { };
  private static final Map<String, String> DOCUMENT_LABELS = Map.of(
      A3_DOCUMENT, "Código del Formato A-3",
      DESIGNATION_DOCUMENT, "Código de la resolución o contrato",
      A1_DOCUMENT, "Código del Formato A-1");

  private final DocumentStore documents;
  private final HostedEntities entities;
  /**
   * The rule run on completing each user task, found by the task's BPMN id. Any other task key
   * runs no checks, as the previous {@code switch} default did: every user task of the model that
   * is wired to this listener has an entry here.
   */
  private final Map<String, Consumer<DelegateTask>> taskChecks;

  private final Notifications notifications;

  public ColaboraChecks(DocumentStore documents, HostedEntities entities, Notifications notifications) {
    this.documents = documents;
    this.entities = entities;
    this.notifications = notifications;
    this.taskChecks = Map.ofEntries(
        Map.entry("Task_ReviewRequest", this::completeReview),
        Map.entry("Task_ReviewA1", this::completeServiceReview),
        Map.entry("Task_CorrectA3", task -> checkDocumentFields(task, A3_DOCUMENT)),
        Map.entry("Task_AnswerObservation", task -> checkDocumentFields(task, A3_DOCUMENT, DESIGNATION_DOCUMENT)),
        Map.entry("Task_SubmitA1", task -> checkDocumentFields(task, A1_DOCUMENT)));
  }

  @Override
  public void notify(DelegateExecution execution) {
    validateRequest(execution);
  }

  /** Completion of a Colabora user task: the checks of its form. */
  @Override
  public void notify(DelegateTask task) {
    taskChecks.getOrDefault(task.getTaskDefinitionKey(), NO_CHECKS).accept(task);
  }

  /** Start of the process: the request form. */
  void validateRequest(DelegateExecution execution) {
    String ruc = text(execution, ENTITY_RUC);
    FieldChecks checks = new FieldChecks()
        .check(ENTITY_RUC, "RUC de la entidad", ruc, Identifiers::rucProblem)
        .check(ENTITY_NAME, "Nombre de la entidad", Identifiers.textProblem(text(execution, ENTITY_NAME), 250))
        .check(OFFICER_NAME, "Nombre del funcionario", Identifiers.textProblem(text(execution, OFFICER_NAME), 200))
        .check(OFFICER_DNI, "DNI del funcionario", text(execution, OFFICER_DNI), Identifiers::dniProblem)
        .check(OFFICER_POSITION_CODE, "Cargo del funcionario",
            POSITION_CODES.contains(text(execution, OFFICER_POSITION_CODE)) ? null : "elija un cargo de la lista")
        .check(OFFICER_POSITION, "Denominación del cargo", Identifiers.textProblem(text(execution, OFFICER_POSITION), 200))
        .check(OFFICER_EMAIL, "Correo electrónico", text(execution, OFFICER_EMAIL), Identifiers::emailProblem)
        .check(OFFICER_MOBILE, "Celular", text(execution, OFFICER_MOBILE), Identifiers::mobileProblem);
    boolean joining = Role.REQUESTER_TENANT.equals(execution.getTenantId());
    if (joining) {
      checks.check(ENTITY_CATEGORY, "Categoría de la entidad",
          CATEGORIES.contains(text(execution, ENTITY_CATEGORY)) ? null : "elija la categoría de la entidad");
      checks.check(ENTITY_SECTOR, "Sector", optionalText(text(execution, ENTITY_SECTOR), 120));
    } else if (Identifiers.rucProblem(ruc) == null) {
      checks.check(ENTITY_RUC, "RUC de la entidad", entities.ownershipProblem(ruc.strip(), execution.getTenantId()));
    }
    checkDocument(checks, execution, A3_DOCUMENT, DOCUMENT_LABELS.get(A3_DOCUMENT), ruc);
    checkDocument(checks, execution, DESIGNATION_DOCUMENT, DOCUMENT_LABELS.get(DESIGNATION_DOCUMENT), ruc);
    checks.throwIfAny();
    if (joining) {
      requestJoin(execution, ruc.strip());
    }

    attach(execution, A3_DOCUMENT);
    attach(execution, DESIGNATION_DOCUMENT);
    execution.setVariable(ENTITY_RUC, ruc.strip());
    // kept sealed while the request runs; the master-user record stores them encrypted
    pe.gob.pcm.platform.privacy.SealedVariables.seal(execution, OFFICER_DNI, OFFICER_EMAIL, OFFICER_MOBILE);
    execution.setProcessBusinessKey("COLABORA-" + ruc + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
  }

  /**
   * Records the entity not hosted yet as asking to join; refused when it is hosted or another
   * request for it is running. A request whose process ended without cleaning up (deleted by an
   * administrator) no longer holds the RUC.
   */
  private void requestJoin(DelegateExecution execution, String ruc) {
    String processInstanceId = execution.getProcessInstanceId();
    entities.find(ruc)
        .filter(row -> row.state() == EntityState.SOLICITANTE && row.requestProcessInstanceId() != null
            && !row.requestProcessInstanceId().equals(processInstanceId))
        .filter(row -> execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(row.requestProcessInstanceId()).count() == 0)
        .ifPresent(row -> entities.withdrawRequest(ruc, row.requestProcessInstanceId()));
    String category = text(execution, ENTITY_CATEGORY);
    String sector = text(execution, ENTITY_SECTOR);
    String problem = entities.requestJoin(new HostedEntities.EntityDetails(ruc, text(execution, ENTITY_NAME).strip(),
        Integer.valueOf(category), sector == null || sector.isBlank() ? null : sector.strip(), null),
        pe.gob.pcm.platform.validation.ProcessInputs.currentUser(text(execution, INITIATOR)), processInstanceId);
    new FieldChecks().check(ENTITY_RUC, "RUC de la entidad", problem).throwIfAny();
  }

  private static String optionalText(String value, int maxLength) {
    return value == null || value.isBlank() ? null : Identifiers.textProblem(value, maxLength);
  }

  /** Completion of a task whose form carries document codes. */
  void checkDocumentFields(DelegateTask task, String... variables) {
    FieldChecks checks = new FieldChecks();
    for (String variable : variables) {
      checkDocument(checks, task, variable, DOCUMENT_LABELS.get(variable), text(task, ENTITY_RUC));
    }
    checks.throwIfAny();
    for (String variable : variables) {
      attach(task.getExecution(), variable);
    }
  }

  /** Completion of the help desk's review of the master-user request. */
  void completeReview(DelegateTask task) {
    String decision = text(task, REVIEW_DECISION);
    String observation = text(task, REVIEW_OBSERVATION);
    FieldChecks checks = new FieldChecks()
        .check(REVIEW_DECISION, "Decisión",
            REVIEW_DECISIONS.contains(decision) ? null : "elija aprobar, observar o rechazar");
    if (OBSERVE.equals(decision) || REJECT.equals(decision)) {
      checks.check(REVIEW_OBSERVATION, "Observación o motivo",
          Identifiers.textProblem(observation, OBSERVATION_MAX));
    }
    checks.throwIfAny();
    // a client that sent the personal data back with the decision does not leave it plain
    pe.gob.pcm.platform.privacy.SealedVariables.seal(task, OFFICER_DNI, OFFICER_EMAIL, OFFICER_MOBILE);
    task.setVariable(REVIEWED_BY, actor(task));
    if (REJECT.equals(decision)) {
      task.setVariable(REJECTION_REASON, "La Mesa de Ayuda de la SGTD rechazó la solicitud: " + observation);
    }
    // mailed after the commit, as a retried job (docs/notificaciones.md); the task that follows
    // (subsanar, or take note of the rejection) is announced with its own link
    String requester = text(task, INITIATOR);
    if (requester != null && OBSERVE.equals(decision)) {
      notifications.requestObserved(requester, PROCEDURE_NAME, observation.strip(), null);
    } else if (requester != null && REJECT.equals(decision)) {
      notifications.requestRejected(requester, PROCEDURE_NAME, observation.strip(), null);
    }
  }

  /** Completion of the help desk's review of one service's Formato A-1. */
  void completeServiceReview(DelegateTask task) {
    String decision = text(task, A1_DECISION);
    FieldChecks checks = new FieldChecks()
        .check(A1_DECISION, "Decisión",
            A1_DECISIONS.contains(decision) ? null : "elija aprobar u observar");
    if (OBSERVE.equals(decision)) {
      checks.check(A1_OBSERVATION, "Observación",
          Identifiers.textProblem(text(task, A1_OBSERVATION), OBSERVATION_MAX));
    }
    checks.throwIfAny();
    task.setVariable(A1_REVIEWED_BY, actor(task));
  }

  private void checkDocument(FieldChecks checks, VariableScope scope, String variable, String label,
      String entityRuc) {
    checks.check(variable, label, documents.usableProblem(text(scope, variable), entityRuc, processInstanceId(scope)));
  }

  private void attach(DelegateExecution execution, String variable) {
    String id = text(execution, variable).strip();
    execution.setVariable(variable, id);
    documents.attach(id, execution.getProcessInstanceId());
  }

  private static String processInstanceId(VariableScope scope) {
    if (scope instanceof DelegateExecution execution) {
      return execution.getProcessInstanceId();
    }
    return scope instanceof DelegateTask task ? task.getProcessInstanceId() : null;
  }
}

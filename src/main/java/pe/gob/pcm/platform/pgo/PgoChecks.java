package pe.gob.pcm.platform.pgo;

import static pe.gob.pcm.platform.validation.ProcessInputs.text;
import pe.gob.pcm.platform.validation.ProcessInputs;
import static pe.gob.pcm.platform.pgo.PgoProcess.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.BusinessCalendar;
import pe.gob.pcm.platform.calendar.CalendarProperties;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.Identifiers;

/**
 * Server-side checks of every PGO form ({@code ${pgoChecks}}): the start event opens the
 * expediente; each task completion validates its form. Refusals name the field, in Spanish.
 */
@Component("pgoChecks")
public class PgoChecks implements ExecutionListener, TaskListener {

  static final int TEXT_MAX = 4000;
  static final int MAX_POPULATION = 20_000_000;
  private static final Consumer<DelegateTask> NO_CHECKS = task -> { };

  private final HostedEntities entities;
  private final DocumentStore documents;
  private final PgoMapper mapper;
  private final CalendarProperties calendar;
  private final PgoAssignment assignment;
  private final PgoRounds rounds;
  private final BusinessCalendar workingDays;
  private final PgoMunicipalChecks municipal;
  /**
   * The rule run on completing each user task, found by the task's BPMN id. Any other task key
   * runs no checks, as the previous {@code switch} default did: every user task of the model that
   * is wired to this listener has an entry here.
   */
  private final Map<String, Consumer<DelegateTask>> taskChecks;

  public PgoChecks(HostedEntities entities, DocumentStore documents, PgoMapper mapper, CalendarProperties calendar,
      PgoAssignment assignment, PgoRounds rounds, BusinessCalendar workingDays, PgoMunicipalChecks municipal) {
    this.assignment = assignment;
    this.rounds = rounds;
    this.workingDays = workingDays;
    this.municipal = municipal;
    this.entities = entities;
    this.documents = documents;
    this.mapper = mapper;
    this.calendar = calendar;
    this.taskChecks = Map.ofEntries(
        Map.entry("Task_Formulate", this::completeProposal),
        Map.entry("Task_Correct", this::completeProposal),
        Map.entry("Task_LegalReport", this::completeLegal),
        Map.entry("Task_ChooseOpinion",
            task -> choice(task, REQUEST_OPINION, "¿Solicita la opinión previa?", Set.of("SI", "NO"))),
        Map.entry("Task_AssignCase", this::completeAssignment),
        Map.entry("Task_Evaluate", this::completeEvaluation),
        Map.entry("Task_RecordNorm", this::completeNorm),
        Map.entry("Task_RecordPublication", this::completePublication),
        Map.entry("Task_ManagerProposal", municipal::completeProposal),
        Map.entry("Task_CommissionReview", municipal::completeReview),
        Map.entry("Task_CouncilVote", municipal::completeVote));
  }

  @Override
  public void notify(DelegateExecution execution) {
    openExpediente(execution);
  }

  @Override
  public void notify(DelegateTask task) {
    taskChecks.getOrDefault(task.getTaskDefinitionKey(), NO_CHECKS).accept(task);
  }

  void openExpediente(DelegateExecution execution) {
    String ruc = text(execution, ENTITY_RUC);
    String category = text(execution, ENTITY_CATEGORY);
    boolean municipality = "7".equals(category) || "8".equals(category);
    FieldChecks checks = new FieldChecks()
        .check(ENTITY_RUC, "RUC de la entidad", ruc, Identifiers::rucProblem)
        .check(ENTITY_NAME, "Nombre de la entidad", Identifiers.textProblem(text(execution, ENTITY_NAME), 250))
        .check(ENTITY_CATEGORY, "Tipo y nivel de gobierno", category != null && category.matches("[1-8]")
            ? null : "elija el tipo de entidad de la lista")
        .check(DOCUMENT_TYPE, "Documento", Set.of("ROF", "MOP").contains(text(execution, DOCUMENT_TYPE))
            ? null : "elija ROF o MOP")
        .check(TRIGGER, "Motivo", TRIGGERS.containsKey(text(execution, TRIGGER)) ? null : "elija el motivo de la lista");
    Integer population = null;
    if (municipality) {
      String raw = text(execution, POPULATION);
      try {
        population = raw == null || raw.isBlank() ? null : (int) Double.parseDouble(raw.strip());
      } catch (NumberFormatException e) {
        population = -1;
      }
      checks.check(POPULATION, "Población (habitantes)", population == null ? "es obligatoria para una municipalidad"
          : population < 1 || population > MAX_POPULATION ? "debe ser un número entre 1 y " + MAX_POPULATION : null);
      checks.check(TYPOLOGY, "Tipología del distrito", "8".equals(category) && !TYPOLOGIES.contains(text(execution, TYPOLOGY))
          ? "elija la tipología de la lista" : null);
    }
    if (Identifiers.rucProblem(ruc) == null) {
      checks.check(ENTITY_RUC, "RUC de la entidad", entities.ownershipProblem(ruc.strip(), execution.getTenantId()));
    }
    checks.throwIfAny();

    PgoMapper.Expediente e = new PgoMapper.Expediente();
    e.processInstanceId = execution.getProcessInstanceId();
    e.entityRuc = ruc.strip();
    e.entityName = text(execution, ENTITY_NAME).strip();
    e.entityCategory = Integer.parseInt(category);
    e.documentType = text(execution, DOCUMENT_TYPE);
    e.trigger = text(execution, TRIGGER);
    e.municipalLevel = municipality ? ("7".equals(category) ? "PROVINCIAL" : "DISTRITAL") : null;
    e.population = population;
    e.typology = "8".equals(category) ? text(execution, TYPOLOGY) : null;
    e.state = "EN_FORMULACION";
    e.createdBy = actor();
    mapper.insertExpediente(e);
    execution.setVariable(EXPEDIENTE_ID, e.id);
    execution.setVariable(ENTITY_RUC, e.entityRuc);
    execution.setVariable(ENTITY_CATEGORY, e.entityCategory);
    execution.setVariable(MUNICIPAL_LEVEL, e.municipalLevel);
    execution.setVariable(POPULATION, population);
    execution.setVariable(TYPOLOGY, e.typology);
    execution.setVariable(STRUCTURE_VERSION, 0);
    execution.setVariable(MOP_ADSCRIPTION, null);
    execution.setVariable(ROUND, 0);
    execution.setVariable(SLA_BREACHED, false);
    execution.setProcessBusinessKey("PGO-" + e.documentType + "-" + e.entityRuc + "-"
        + LocalDateTime.now(calendar.zone()).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
  }

  /** Formulate or correct: the structure must be readable; to send, the three documents are required. */
  void completeProposal(DelegateTask task) {
    String action = text(task, ACTION);
    FieldChecks checks = new FieldChecks()
        .check(ACTION, "Acción", Set.of(SEND, VALIDATE).contains(action) ? null : "elija validar o enviar");
    checks.throwIfAny();
    String ruc = text(task, ENTITY_RUC);
    for (String variable : DOCUMENTS.keySet()) {
      if (variable.equals(LEGAL_DOCUMENT)) {
        continue;
      }
      String id = text(task, variable);
      boolean required = SEND.equals(action) && REQUIRED_TO_SEND.contains(variable);
      if (required || (id != null && !id.isBlank())) {
        checks.check(variable, label(variable), documents.usableProblem(id, ruc, task.getProcessInstanceId()));
      }
    }
    if (SEND.equals(action) && "Task_Correct".equals(task.getTaskDefinitionKey())) {
      long expediente = ((Number) task.getVariable(EXPEDIENTE_ID)).longValue();
      List<Integer> open = rounds.unanswered(expediente, ((Number) task.getVariable(ROUND)).intValue());
      checks.check("respuestas", "Respuestas a las observaciones", open.isEmpty() ? null
          : "responda cada observación antes de enviar (faltan: " + open.stream().map(String::valueOf)
              .collect(Collectors.joining(", ")) + ") en la página «Observaciones y respuestas»");
    }
    checks.throwIfAny();
  }

  /** The supervisor assigns the case: an evaluator of sgp-evaluador and the complexity. */
  void completeAssignment(DelegateTask task) {
    String evaluator = text(task, EVALUATOR);
    FieldChecks checks = new FieldChecks()
        .check(EVALUATOR, "Evaluador", assignment.evaluatorProblem(evaluator))
        .check(COMPLEXITY, "Complejidad", Set.of("BAJA", "MEDIA", "ALTA").contains(text(task, COMPLEXITY)) ? null
            : "elija una opción de la lista");
    String reason = text(task, ASSIGNMENT_REASON);
    if (reason != null && reason.length() > 500) {
      checks.check(ASSIGNMENT_REASON, "Comentario", "no debe superar 500 caracteres");
    }
    checks.throwIfAny();
    long expediente = ((Number) task.getVariable(EXPEDIENTE_ID)).longValue();
    int round = ((Number) task.getVariable(ROUND)).intValue() + 1;
    mapper.setEvaluator(expediente, evaluator.strip());
    mapper.insertAssignment(expediente, round, evaluator.strip(), actor(),
        reason == null || reason.isBlank() ? null : reason.strip());
    task.setVariable(EVALUATOR, evaluator.strip());
  }

  void completeLegal(DelegateTask task) {
    String decision = text(task, LEGAL_DECISION);
    FieldChecks checks = new FieldChecks()
        .check(LEGAL_DECISION, "Decisión", Set.of("CONFORME", "OBSERVAR").contains(decision) ? null
            : "elija conforme u observar");
    if ("CONFORME".equals(decision)) {
      checks.check(LEGAL_DOCUMENT, label(LEGAL_DOCUMENT),
          documents.usableProblem(text(task, LEGAL_DOCUMENT), text(task, ENTITY_RUC), task.getProcessInstanceId()));
    } else if ("OBSERVAR".equals(decision)) {
      checks.check(LEGAL_OBSERVATION, "Observaciones", Identifiers.textProblem(text(task, LEGAL_OBSERVATION), TEXT_MAX));
    }
    checks.throwIfAny();
    if ("CONFORME".equals(decision)) {
      recordDocuments(task, Set.of(LEGAL_DOCUMENT));
    }
  }

  void completeEvaluation(DelegateTask task) {
    String result = text(task, RESULT);
    long expediente = ((Number) task.getVariable(EXPEDIENTE_ID)).longValue();
    int round = ((Number) task.getVariable(ROUND)).intValue();
    List<PgoMapper.Observation> observations = mapper.roundObservations(expediente, round);
    FieldChecks checks = new FieldChecks()
        .check(RESULT, "Resultado", Set.of("FAVORABLE", "DESFAVORABLE", "OBSERVADO").contains(result) ? null
            : "elija favorable, desfavorable u observado");
    if ("DESFAVORABLE".equals(result)) {
      checks.check(OBSERVATION, "Fundamentos", Identifiers.textProblem(text(task, OBSERVATION), TEXT_MAX));
    } else if ("OBSERVADO".equals(result) && observations.isEmpty()) {
      checks.check(OBSERVATIONS, "Observaciones", "registre al menos una observación en la página «Observaciones y"
          + " respuestas» antes de observar");
    }
    String grounds = text(task, OBSERVATION);
    if (grounds != null && grounds.length() > TEXT_MAX) {
      checks.check(OBSERVATION, "Fundamentos", "no debe superar " + TEXT_MAX + " caracteres");
    }
    checks.throwIfAny();
    PgoMapper.Evaluation open = mapper.evaluations(expediente).stream().filter(e -> e.round() == round).findFirst()
        .orElseThrow();
    int days = workingDays.workingDaysBetween(open.createdAt().toLocalDate(), LocalDate.now(calendar.zone()));
    mapper.closeEvaluation(expediente, round, actor(), result, grounds, days);
    mapper.setState(expediente, switch (result) {
      case "FAVORABLE" -> "OPINION_FAVORABLE";
      case "DESFAVORABLE" -> "DESFAVORABLE";
      default -> "OBSERVADO";
    });
    task.setVariable(OBSERVATIONS, PgoDelegates.json(PgoRounds.observationRows(observations, rounds.categories())));
    task.setVariable(OBSERVATION_COUNT, observations.size());
  }

  void completeNorm(DelegateTask task) {
    LocalDate today = LocalDate.now(calendar.zone());
    FieldChecks checks = new FieldChecks()
        .check(NORM_NUMBER, "Número de la norma", Identifiers.textProblem(text(task, NORM_NUMBER), 100));
    LocalDate date = date(checks, task, NORM_DATE, "Fecha de la norma");
    if (date != null && date.isAfter(today)) {
      checks.check(NORM_DATE, "Fecha de la norma", "no puede ser posterior a hoy");
    }
    checks.throwIfAny();
    task.setVariable(NORM_DATE, date.toString());
  }

  void completePublication(DelegateTask task) {
    LocalDate today = LocalDate.now(calendar.zone());
    FieldChecks checks = new FieldChecks();
    LocalDate date = date(checks, task, PUBLICATION_DATE, "Fecha de publicación");
    LocalDate norm = LocalDate.parse(text(task, NORM_DATE));
    if (date != null && date.isAfter(today)) {
      checks.check(PUBLICATION_DATE, "Fecha de publicación", "no puede ser posterior a hoy");
    } else if (date != null && date.isBefore(norm)) {
      checks.check(PUBLICATION_DATE, "Fecha de publicación", "no puede ser anterior a la fecha de la norma ("
          + norm.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ")");
    }
    checks.throwIfAny();
    task.setVariable(PUBLICATION_DATE, date.toString());
  }

  static LocalDate date(FieldChecks checks, VariableScope scope, String variable, String label) {
    return ProcessInputs.date(checks, scope, variable, label);
  }

  private void choice(DelegateTask task, String variable, String label, Set<String> allowed) {
    new FieldChecks().check(variable, label, allowed.contains(text(task, variable)) ? null
        : "elija una opción de la lista").throwIfAny();
  }

  /** Each document variable that names a new document becomes a new version of that kind. */
  void recordDocuments(VariableScope scope, Set<String> variables) {
    Map<String, String> kinds = new java.util.LinkedHashMap<>();
    variables.forEach(v -> kinds.put(v, DOCUMENTS.get(v)));
    recordDocuments(mapper, documents, scope, kinds);
  }

  /** Each variable of {@code kinds} (variable → kind) that names a new document becomes a new version of its kind. */
  static void recordDocuments(PgoMapper mapper, DocumentStore documents, VariableScope scope, Map<String, String> kinds) {
    Set<String> variables = kinds.keySet();
    DelegateExecution execution = scope instanceof DelegateTask task ? task.getExecution() : (DelegateExecution) scope;
    long expediente = ((Number) scope.getVariable(EXPEDIENTE_ID)).longValue();
    var existing = mapper.documents(expediente);
    for (String variable : variables) {
      String id = text(scope, variable);
      if (id == null || id.isBlank()) {
        continue;
      }
      String kind = kinds.get(variable);
      String clean = id.strip();
      boolean known = existing.stream().anyMatch(d -> d.kind().equals(kind) && d.documentId().equals(clean));
      if (!known) {
        int version = (int) existing.stream().filter(d -> d.kind().equals(kind)).count() + 1;
        mapper.insertDocument(expediente, kind, version, clean, actor());
        documents.attach(clean, execution.getProcessInstanceId());
      }
      scope.setVariable(variable, clean);
    }
  }

  static String label(String variable) {
    return switch (variable) {
      case "proyectoDocumentId" -> "Código del proyecto de ROF/MOP";
      case "normaProyectoDocumentId" -> "Código del proyecto de norma";
      case "informeTecnicoDocumentId" -> "Código del informe técnico sustentatorio";
      case "personalDocumentId" -> "Código del cuadro de necesidades de personal";
      case "informeLegalDocumentId" -> "Código del informe legal";
      default -> variable;
    };
  }

  static String actor() {
    return ProcessInputs.currentUser("plataforma");
  }
}

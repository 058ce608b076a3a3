package pe.gob.pcm.platform.processmap;

import static pe.gob.pcm.platform.processmap.ProcessMapProcess.*;
import static pe.gob.pcm.platform.validation.ProcessInputs.text;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.CalendarProperties;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.entity.HostedEntityMapper.HostedEntityRow;
import pe.gob.pcm.platform.pgo.PgoAssignment;
import pe.gob.pcm.platform.pgo.PgoDeadlines;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.Identifiers;
import pe.gob.pcm.platform.validation.InvalidInputException;
import pe.gob.pcm.platform.validation.ProcessInputs;

/**
 * An entity's process-map case ({@code ${processMapCycle}} in processes/mapa/pgo-mapa-procesos.bpmn):
 * the start opens the case (seeded from an SGP template when chosen), the OGPP formulates the map in
 * the editor page, the SGP supervisor assigns an evaluator and the complexity (the working-day term
 * comes from the ROF's DMN pgo-plazo-evaluacion), the evaluator observes process by process, the
 * entity answers within its working-day term or the case is archived, the SGP's informe is issued
 * signed, and the map approved by the entity's norm becomes its current one.
 */
@Component("processMapCycle")
public class ProcessMapCycle implements ExecutionListener, TaskListener {

  static final String SYSTEM_USER = "sgp-plataforma";
  static final Set<String> COMPLEXITIES = Set.of("BAJA", "MEDIA", "ALTA");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final ProcessMapMapper mapper;
  private final ProcessMaps maps;
  private final ProcessMapRounds rounds;
  private final ProcessMapTemplates templates;
  private final HostedEntities entities;
  private final PgoAssignment assignment;
  private final PgoDeadlines deadlines;
  private final ProcessMapReports reports;
  private final pe.gob.pcm.platform.calendar.BusinessCalendar calendar;
  private final ProcessMapProperties properties;
  private final ZoneId zone;

  public ProcessMapCycle(ProcessMapMapper mapper, ProcessMaps maps, ProcessMapRounds rounds,
      ProcessMapTemplates templates, HostedEntities entities, PgoAssignment assignment, PgoDeadlines deadlines,
      ProcessMapReports reports, pe.gob.pcm.platform.calendar.BusinessCalendar businessCalendar,
      ProcessMapProperties properties, CalendarProperties calendar) {
    this.mapper = mapper;
    this.maps = maps;
    this.rounds = rounds;
    this.templates = templates;
    this.entities = entities;
    this.assignment = assignment;
    this.deadlines = deadlines;
    this.reports = reports;
    this.calendar = businessCalendar;
    this.properties = properties;
    this.zone = calendar.zone();
  }

  /** The correction timer: {@code platform.process-maps.correction-working-days} Peruvian working days from now. */
  public Date correctionDeadline() {
    return calendar.deadlineAfterWorkingDays(properties.correctionWorkingDays());
  }

  /** Start: the entity is the user's own and has no open case; the chosen template seeds version 1. */
  @Override
  public void notify(DelegateExecution execution) {
    String ruc = text(execution, ENTITY_RUC) != null ? text(execution, ENTITY_RUC) : execution.getTenantId();
    FieldChecks checks = new FieldChecks();
    checks.check(ENTITY_RUC, "Entidad", ruc == null ? "es obligatoria" : entities.ownershipProblem(ruc, execution.getTenantId()));
    checks.throwIfAny();
    HostedEntityRow entity = entities.find(ruc).orElseThrow();
    String template = text(execution, TEMPLATE);
    template = template == null || template.isBlank() || "NINGUNA".equals(template) ? null : template.strip();
    checks.check(TEMPLATE, "Plantilla de la SGP", template != null && templates.find(template).isEmpty()
        ? "elija una plantilla de la lista" : null);
    // A case whose instance was cancelled (in Cockpit) no longer blocks the entity.
    org.camunda.bpm.engine.RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    long open = 0;
    for (String instance : mapper.openCases(ruc)) {
      if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
        mapper.cancel(instance);
      } else {
        open++;
      }
    }
    checks.check(ENTITY_RUC, "Entidad", open > 0 ? "la entidad ya tiene un expediente de mapa de procesos en curso" : null);
    checks.throwIfAny();

    ProcessMapMapper.Case c = new ProcessMapMapper.Case();
    c.processInstanceId = execution.getProcessInstanceId();
    c.entityRuc = ruc;
    c.entityName = entity.name();
    c.template = template;
    c.state = "EN_FORMULACION";
    c.createdBy = ProcessInputs.currentUser("sistema");
    mapper.insertCase(c);
    execution.setVariable(CASE_ID, c.id);
    execution.setVariable(ENTITY_RUC, ruc);
    execution.setVariable(ENTITY_NAME, entity.name());
    execution.setVariable(TEMPLATE, template);
    execution.setVariable(ROUND, 0);
    execution.setProcessBusinessKey("MAPA-" + ruc + "-" + c.id);
    ProcessMaps.Saved saved = template == null ? null : maps.save(c.id, templates.find(template).get().map(), c.createdBy);
    execution.setVariables(mapVariables(saved));
  }

  /** What the forms show of the latest version: its summary and findings. */
  static Map<String, Object> mapVariables(ProcessMaps.Saved saved) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(MAP_VERSION, saved == null ? 0 : saved.version());
    vars.put(MAP_ERRORS, saved == null ? 1 : saved.errors());
    vars.put(MAP_SUMMARY, saved == null ? "Aún no hay una versión guardada: abra el editor del mapa." : saved.summary());
    List<Map<String, Object>> rows = saved == null ? List.of() : saved.findings().stream().map(f -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("severidad", f.severity());
      row.put("proceso", f.process() == null ? "(todo el mapa)" : f.process());
      row.put("mensaje", f.message());
      row.put("fuente", f.source());
      return row;
    }).toList();
    vars.put(MAP_FINDINGS, SpinValues.jsonValue(Spin.JSON(rows)).create());
    return vars;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean create = EVENTNAME_CREATE.equals(task.getEventName());
    switch (task.getTaskDefinitionKey()) {
      case "Task_Formulate", "Task_Correct" -> {
        if (create) {
          refresh(task);
        } else {
          submit(task);
        }
      }
      case "Task_Assign" -> {
        if (create) {
          task.setVariable(EVALUATOR_OPTIONS, SpinValues.jsonValue(Spin.JSON(assignment.evaluatorOptions())).create());
        } else {
          assign(task);
        }
      }
      case "Task_Evaluate" -> {
        if (create) {
          nameEvaluation(task);
        } else {
          evaluate(task);
        }
      }
      case "Task_Approve" -> approve(task);
      default -> { }
    }
  }

  /** The form opens with the latest version's findings and, when correcting, the observations. */
  void refresh(DelegateTask task) {
    long id = caseId(task);
    ProcessMaps.Checked latest = maps.read(id, null);
    task.setVariables(mapVariables(latest == null ? null : saved(latest)));
    int round = ((Number) task.getVariable(ROUND)).intValue();
    if (round > 0) {
      task.setVariable(OBSERVATIONS, SpinValues.jsonValue(Spin.JSON(rounds.rows(rounds.observations(id, round)))).create());
    }
  }

  private static ProcessMaps.Saved saved(ProcessMaps.Checked checked) {
    int errors = (int) checked.findings().stream().filter(MapFinding::isError).count();
    return new ProcessMaps.Saved(checked.version(), false, checked.map().processes().size(), errors,
        checked.findings().size() - errors, checked.findings());
  }

  /** Validate (stay in the task with today's findings) or send: no errors and, correcting, every observation answered. */
  void submit(DelegateTask task) {
    FieldChecks checks = new FieldChecks();
    String action = text(task, ACTION);
    checks.check(ACTION, "Acción", VALIDATE.equals(action) || SEND.equals(action) ? null : "elija validar o enviar");
    checks.throwIfAny();
    long id = caseId(task);
    ProcessMaps.Checked latest = maps.read(id, null);
    ProcessMaps.Saved saved = latest == null ? null : saved(latest);
    task.setVariables(mapVariables(saved));
    if (SEND.equals(action)) {
      checks.check(ACTION, "Acción", saved == null ? "guarde el mapa en el editor antes de enviarlo"
          : saved.errors() > 0 ? "no se puede enviar: el mapa tiene " + saved.errors() + (saved.errors() == 1
              ? " error" : " errores") + " (véalos en la tabla y en el editor)" : null);
      int round = ((Number) task.getVariable(ROUND)).intValue();
      List<Integer> open = "Task_Correct".equals(task.getTaskDefinitionKey()) ? rounds.unanswered(id, round) : List.of();
      checks.check(ACTION, "Acción", open.isEmpty() ? null : "responda antes las observaciones " + open
          + " en la página de observaciones");
      checks.throwIfAny();
      mapper.setState(id, "ENVIADO");
    }
  }

  void assign(DelegateTask task) {
    FieldChecks checks = new FieldChecks();
    String evaluator = text(task, EVALUATOR);
    checks.check(EVALUATOR, "Evaluador", assignment.evaluatorProblem(evaluator));
    String complexity = text(task, COMPLEXITY);
    checks.check(COMPLEXITY, "Complejidad", complexity != null && COMPLEXITIES.contains(complexity) ? null
        : "elija baja, media o alta");
    checks.throwIfAny();
    task.setVariable(EVALUATOR, evaluator.strip());
    mapper.setEvaluator(caseId(task), evaluator.strip());
  }

  /** Service task: a new round on the latest version, with its deadline in Peruvian working days. */
  public void openRound(DelegateExecution execution) {
    long id = caseId(execution);
    int round = ((Number) execution.getVariable(ROUND)).intValue() + 1;
    int days = ((Number) execution.getVariable(EVALUATION_DAYS)).intValue();
    Date deadline = deadlines.evaluationDeadline(days);
    ProcessMapMapper.Version evaluated = mapper.latestVersion(id);
    mapper.insertRound(id, round, (String) execution.getVariable(COMPLEXITY), days,
        deadline.toInstant().atZone(zone).toLocalDateTime(), (String) execution.getVariable(EVALUATOR),
        evaluated.version());
    mapper.setState(id, "EN_EVALUACION");
    execution.setVariable(ROUND, round);
    execution.setVariable(DEADLINE, deadline);
    execution.setVariable(DEADLINE_TEXT, "Ronda " + round + ": " + days + " días hábiles, vence el "
        + DAY.format(deadline.toInstant().atZone(zone)));
    execution.setVariable(MAP_VERSION, evaluated.version());
    execution.setVariable(RESULT, null);
    execution.setVariable(GROUNDS, null);
  }

  void nameEvaluation(DelegateTask task) {
    int round = ((Number) task.getVariable(ROUND)).intValue();
    String name = "Evaluar el mapa de procesos (ronda " + round + "): vence el "
        + DAY.format(((Date) task.getVariable(DEADLINE)).toInstant().atZone(zone)) + " - " + task.getVariable(ENTITY_NAME);
    task.setName(name.length() > 255 ? name.substring(0, 254) + "…" : name);
    if (round > 1) {
      task.setVariable(OBSERVATIONS, SpinValues.jsonValue(Spin.JSON(
          rounds.rows(rounds.observations(caseId(task), round - 1)))).create());
    }
  }

  /** The opinion: observed needs at least one observation saved for the round; unfavourable its grounds. */
  void evaluate(DelegateTask task) {
    FieldChecks checks = new FieldChecks();
    String result = text(task, RESULT);
    checks.check(RESULT, "Opinión", result != null && Set.of(FAVOURABLE, OBSERVED, UNFAVOURABLE).contains(result)
        ? null : "elija favorable, observado o desfavorable");
    checks.throwIfAny();
    long id = caseId(task);
    int round = ((Number) task.getVariable(ROUND)).intValue();
    int observations = rounds.observations(id, round).size();
    String grounds = text(task, GROUNDS);
    if (UNFAVOURABLE.equals(result)) {
      checks.check(GROUNDS, "Fundamentos", Identifiers.textProblem(grounds, 4000));
    } else if (grounds != null && grounds.length() > 4000) {
      checks.check(GROUNDS, "Fundamentos", "no debe superar 4000 caracteres");
    }
    checks.check(RESULT, "Opinión", OBSERVED.equals(result) && observations == 0
        ? "para observar el mapa registre al menos una observación en la página de observaciones" : null);
    checks.throwIfAny();
    mapper.closeRound(id, round, result, grounds == null || grounds.isBlank() ? null : grounds.strip());
    mapper.setState(id, OBSERVED.equals(result) ? "OBSERVADO" : result);
    task.setVariable(OBSERVATIONS_SUMMARY, observations + (observations == 1 ? " observación" : " observaciones")
        + " en la ronda " + round + ".");
  }

  /** Timer: the round's deadline passed without an opinion; recorded, the evaluation stays open. */
  public void breach(DelegateExecution execution) {
    mapper.breachRound(caseId(execution), ((Number) execution.getVariable(ROUND)).intValue());
  }

  /** Timer: the entity did not answer in time. */
  public void archive(DelegateExecution execution) {
    mapper.setState(caseId(execution), "ARCHIVADO");
    execution.setVariable(OUTCOME, "ARCHIVADO");
  }

  /** Async service task: the SGP's signed informe of the evaluation, safe to repeat. */
  public void issueReport(DelegateExecution execution) {
    long id = caseId(execution);
    execution.setVariable(REPORT_DOCUMENT, reports.issue(id, execution.getProcessInstanceId(),
        execution.getProcessBusinessKey()));
  }

  /** The entity's norm approving its map: number and a date not in the future. */
  void approve(DelegateTask task) {
    FieldChecks checks = new FieldChecks();
    checks.check(NORM_NUMBER, "Número de la norma", Identifiers.textProblem(text(task, NORM_NUMBER), 100));
    LocalDate date = ProcessInputs.date(checks, task, NORM_DATE, "Fecha de la norma");
    if (date != null && date.isAfter(LocalDate.now(zone))) {
      checks.check(NORM_DATE, "Fecha de la norma", "no puede ser posterior a hoy");
    }
    checks.throwIfAny();
  }

  /** Service task: the evaluated version becomes the entity's current map; the previous one is replaced. */
  public void makeCurrent(DelegateExecution execution) {
    long id = caseId(execution);
    ProcessMapMapper.Case c = mapper.findCase(id);
    List<ProcessMapMapper.Round> all = mapper.rounds(id);
    ProcessMapMapper.Round last = all.get(all.size() - 1);
    if (!FAVOURABLE.equals(last.result())) {
      throw new InvalidInputException(RESULT, "Opinión", "el mapa no tiene opinión favorable de la SGP");
    }
    mapper.deleteCurrent(c.entityRuc);
    mapper.insertCurrent(c.entityRuc, id, last.mapVersion(), text(execution, NORM_NUMBER).strip(),
        LocalDate.parse(text(execution, NORM_DATE).substring(0, 10)));
    mapper.setState(id, "APROBADO");
    execution.setVariable(OUTCOME, "APROBADO");
  }

  static long caseId(VariableScope scope) {
    return ((Number) scope.getVariable(CASE_ID)).longValue();
  }
}

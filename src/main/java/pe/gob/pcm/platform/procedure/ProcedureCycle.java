package pe.gob.pcm.platform.procedure;

import static pe.gob.pcm.platform.procedure.ProcedureProcess.*;
import static pe.gob.pcm.platform.validation.ProcessInputs.text;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.BusinessCalendar;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.InvalidInputException;
import pe.gob.pcm.platform.validation.ProcessInputs;

/**
 * The SGP's cycle of a standardized procedure ({@code ${procedureCycle}} in
 * processes/procedimiento/procedimiento-estandarizado.bpmn): the start opens the cycle (a new
 * procedure or a new version of a published one), each task's completion checks its form and
 * records it, publication makes the version current and starts the entities' adoptions.
 */
@Component("procedureCycle")
public class ProcedureCycle implements ExecutionListener, TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(ProcedureCycle.class);

  private final ProcedureMapper mapper;
  private final ProcedureProperties properties;
  private final BusinessCalendar calendar;
  private final RuntimeService runtime;
  private final Map<String, Consumer<DelegateTask>> taskChecks;

  public ProcedureCycle(ProcedureMapper mapper, ProcedureProperties properties, BusinessCalendar calendar,
      @Lazy RuntimeService runtime) {
    this.mapper = mapper;
    this.properties = properties;
    this.calendar = calendar;
    this.runtime = runtime;
    this.taskChecks = Map.of(
        "Task_Formulate", this::formulate,
        "Task_LegalReview", this::legalReview,
        "Task_Approve", this::approve,
        "Task_RecordPublication", this::recordPublication);
  }

  /** Start: the cycle runs in the SGP's entity; an update names a published procedure without a version in its cycle. */
  @Override
  public void notify(DelegateExecution execution) {
    if (!properties.sgpEntityRuc().equals(text(execution, ENTITY_RUC))) {
      throw new InvalidInputException(ENTITY_RUC, "Entidad", "el ciclo de un procedimiento estandarizado lo lleva la SGP ("
          + properties.sgpEntityRuc() + ")");
    }
    String code = text(execution, CODE);
    if (code == null || code.isBlank()) {
      execution.setVariable(CODE, null);
      execution.setVariable(VERSION, 1);
      execution.setProcessBusinessKey("PE-NUEVO-" + execution.getProcessInstanceId());
    } else {
      ProcedureMapper.ProcedureRow procedure = mapper.procedureByCode(code.strip().toUpperCase(java.util.Locale.ROOT));
      FieldChecks checks = new FieldChecks();
      checks.check(CODE, "Código del procedimiento", procedure == null ? "no hay un procedimiento estandarizado con ese código"
          : procedure.currentVersion() == null ? "aún no tiene una versión publicada que actualizar"
          : mapper.openVersions(procedure.id()) > 0 || updating(procedure.code()) > 0
              ? "ya tiene una versión en formulación, revisión o aprobación" : null);
      checks.throwIfAny();
      ProcedureMapper.VersionRow current = mapper.versionOf(procedure.id(), procedure.currentVersion());
      execution.setVariable(CODE, procedure.code());
      execution.setVariable(VERSION, mapper.maxVersion(procedure.id()) + 1);
      prefill(execution, current);
      execution.setProcessBusinessKey(procedure.code() + "-V" + (mapper.maxVersion(procedure.id()) + 1));
    }
    execution.setVariable(VERSION_ID, null);
    execution.setVariable(LEGAL_OBSERVATION, null);
  }

  /** Cycles of the procedure running (also before their version is first saved). */
  private long updating(String code) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKeyLike(code + "-V%").count();
  }

  /** The form of an update starts from the version in force. */
  private void prefill(DelegateExecution execution, ProcedureMapper.VersionRow current) {
    java.util.Set<String> levels = ProcedureViews.levelsOf(mapper, current.id);
    execution.setVariable(NAME, current.name);
    execution.setVariable(LEGAL_BASIS, current.legalBasis);
    execution.setVariable(REQUIREMENTS, current.requirements);
    execution.setVariable(FEE, current.fee == null ? null : current.fee.doubleValue());
    execution.setVariable(TERM_DAYS, current.termDays);
    execution.setVariable(SILENCE, current.silence);
    execution.setVariable(UNIT_TYPE, current.unitType);
    execution.setVariable(LEVEL_NATIONAL, levels.contains("NACIONAL"));
    execution.setVariable(LEVEL_REGIONAL, levels.contains("REGIONAL"));
    execution.setVariable(LEVEL_LOCAL, levels.contains("LOCAL"));
  }

  @Override
  public void notify(DelegateTask task) {
    Consumer<DelegateTask> check = taskChecks.get(task.getTaskDefinitionKey());
    if (check != null) {
      check.accept(task);
    }
  }

  /** Formulate (or correct after the legal review): the version is saved and goes to legal review. */
  void formulate(DelegateTask task) {
    StandardProcedure standard = ProcedureForms.standard(task);
    Object versionId = task.getVariable(VERSION_ID);
    ProcedureMapper.VersionRow row = versionId == null ? new ProcedureMapper.VersionRow()
        : mapper.version(((Number) versionId).longValue());
    row.name = standard.name();
    row.legalBasis = standard.legalBasis();
    row.requirements = StandardProcedure.lines(standard.requirements());
    row.fee = standard.fee();
    row.termDays = standard.termDays();
    row.silence = standard.silence();
    row.unitType = standard.unitType();
    row.state = "EN_REVISION_LEGAL";
    if (versionId == null) {
      String code = text(task, CODE);
      if (code == null) {
        ProcedureMapper.NewProcedure procedure = new ProcedureMapper.NewProcedure();
        procedure.code = "N" + task.getProcessInstanceId().replace("-", "").substring(0, 19);
        procedure.name = standard.name();
        procedure.by = ProcessInputs.actor(task);
        mapper.insertProcedure(procedure);
        code = String.format("PE-%04d", procedure.id);
        mapper.setCode(procedure.id, code);
        row.procedureId = procedure.id;
        task.setVariable(CODE, code);
        task.getExecution().setProcessBusinessKey(code + "-V1");
      } else {
        row.procedureId = mapper.procedureByCode(code).id();
      }
      row.version = ((Number) task.getVariable(VERSION)).intValue();
      row.processInstanceId = task.getProcessInstanceId();
      row.createdBy = ProcessInputs.actor(task);
      mapper.insertVersion(row);
      task.setVariable(VERSION_ID, row.id);
    } else {
      mapper.updateVersion(row);
      mapper.deleteLevels(row.id);
    }
    for (String level : StandardProcedure.LEVELS) {
      if (standard.levels().contains(level)) {
        mapper.insertLevel(row.id, level);
      }
    }
    task.setVariable(FEE, standard.fee() == null ? null : standard.fee().doubleValue());
    task.setVariable(TERM_DAYS, standard.termDays());
  }

  void legalReview(DelegateTask task) {
    FieldChecks checks = new FieldChecks();
    String decision = ProcedureForms.choice(checks, task, LEGAL_DECISION, "Decisión", java.util.Set.of(CONFORME, OBSERVE));
    String observation = ProcedureForms.note(checks, task, LEGAL_OBSERVATION, "Observaciones",
        OBSERVE.equals(decision), 4000);
    checks.throwIfAny();
    mapper.setVersionState(versionId(task), OBSERVE.equals(decision) ? "OBSERVADA" : "CONFORME_LEGAL", observation);
    task.setVariable(LEGAL_OBSERVATION, observation);
  }

  void approve(DelegateTask task) {
    FieldChecks checks = new FieldChecks();
    String type = ProcedureForms.choice(checks, task, NORM_TYPE, "Tipo de norma", properties.normTypes().keySet());
    String number = ProcedureForms.note(checks, task, NORM_NUMBER, "Número de la norma", true, 100);
    LocalDate date = ProcedureForms.date(checks, task, NORM_DATE, "Fecha de la norma");
    checks.check(NORM_DATE, "Fecha de la norma", date != null && date.isAfter(today()) ? "no puede ser posterior a hoy" : null);
    checks.throwIfAny();
    mapper.approveVersion(versionId(task), type, number, date);
    task.setVariable(NORM_DATE, date.toString());
  }

  void recordPublication(DelegateTask task) {
    FieldChecks checks = new FieldChecks();
    LocalDate date = ProcedureForms.date(checks, task, PUBLICATION_DATE, "Fecha de publicación");
    LocalDate norm = LocalDate.parse(text(task, NORM_DATE));
    checks.check(PUBLICATION_DATE, "Fecha de publicación", date == null ? null
        : date.isAfter(today()) ? "no puede ser posterior a hoy"
        : date.isBefore(norm) ? "no puede ser anterior a la fecha de la norma (" + norm + ")" : null);
    checks.throwIfAny();
    task.setVariable(PUBLICATION_DATE, date.toString());
  }

  /** Publication: the version becomes the procedure's current one; the previous one is superseded. */
  public void publish(DelegateExecution execution) {
    long id = versionId(execution);
    ProcedureMapper.VersionRow version = mapper.version(id);
    LocalDate date = LocalDate.parse(text(execution, PUBLICATION_DATE));
    mapper.supersedePublished(version.procedureId);
    mapper.publishVersion(id, date);
    mapper.setCurrent(version.procedureId, version.name, version.version, date);
    execution.setVariable(OUTCOME, "PUBLICADO");
  }

  /**
   * An adoption for every active entity of the version's levels that has none open for this
   * procedure (a job of its own: thousands of entities are thousands of process starts).
   */
  public void startAdoptions(DelegateExecution execution) {
    if (!properties.startAdoptionsOnPublication()) {
      return;
    }
    ProcedureMapper.VersionRow version = mapper.version(versionId(execution));
    String code = text(execution, CODE);
    int started = 0;
    for (ProcedureMapper.EntityRow entity : mapper.activeEntities(ProcedureViews.levelsOf(mapper, version.id))) {
      if (mapper.openAdoptions(entity.ruc(), version.procedureId) == 0) {
        runtime.startProcessInstanceByKey(ADOPTION_KEY, Map.of(ENTITY_RUC, entity.ruc(), CODE, code));
        started++;
      }
    }
    LOG.info("Procedimiento estandarizado {} v{} publicado: {} adecuaciones iniciadas", code, version.version, started);
  }

  private LocalDate today() {
    return LocalDate.now(calendar.zone());
  }

  private static long versionId(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return ((Number) scope.getVariable(VERSION_ID)).longValue();
  }
}

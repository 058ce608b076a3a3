package pe.gob.pcm.platform.procedure;

import static pe.gob.pcm.platform.procedure.ProcedureProcess.*;
import static pe.gob.pcm.platform.validation.ProcessInputs.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.entity.HostedEntityMapper.HostedEntityRow;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.InvalidInputException;
import pe.gob.pcm.platform.validation.ProcessInputs;

/**
 * One entity's adoption of a published standardized procedure ({@code ${adoptionCycle}} in
 * processes/procedimiento/procedimiento-adopcion.bpmn): the start binds it to the version in force,
 * the OGPP maps it to its unit, fee, term and requirements, the check names every deviation, the
 * SGP approves (only without deviations) or observes, and approval makes it the entity's current one.
 */
@Component("adoptionCycle")
public class AdoptionCycle implements ExecutionListener, TaskListener {

  private final ProcedureMapper mapper;
  private final HostedEntities entities;
  private final AdoptionCheck check;
  private final ProcedureProperties properties;

  public AdoptionCycle(ProcedureMapper mapper, HostedEntities entities, ProcedureProperties properties) {
    this.mapper = mapper;
    this.entities = entities;
    this.check = new AdoptionCheck(properties.rules());
    this.properties = properties;
  }

  /** Start: the entity is the instance's own, the procedure is published, applies to its level and has no open adoption. */
  @Override
  public void notify(DelegateExecution execution) {
    // Started by the entity in Tasklist: its own tenant; at publication: the variable.
    String ruc = text(execution, ENTITY_RUC) != null ? text(execution, ENTITY_RUC) : execution.getTenantId();
    execution.setVariable(ENTITY_RUC, ruc);
    FieldChecks checks = new FieldChecks();
    checks.check(ENTITY_RUC, "Entidad", ruc == null ? "es obligatoria" : entities.ownershipProblem(ruc, execution.getTenantId()));
    checks.throwIfAny();
    HostedEntityRow entity = entities.find(ruc).orElseThrow();
    String code = text(execution, CODE);
    ProcedureMapper.ProcedureRow procedure = code == null ? null : mapper.procedureByCode(code.strip().toUpperCase(Locale.ROOT));
    String level = entity.governmentLevel();
    ProcedureMapper.VersionRow version = procedure == null || procedure.currentVersion() == null ? null
        : mapper.versionOf(procedure.id(), procedure.currentVersion());
    checks.check(CODE, "Código del procedimiento", version == null ? "no hay un procedimiento estandarizado publicado con ese código"
        : level == null ? "la entidad no tiene registrado su nivel de gobierno"
        : !ProcedureViews.levelsOf(mapper, version.id).contains(level) ? "no se aplica a las entidades de nivel " + level
        : mapper.openAdoptions(ruc, procedure.id()) > 0 ? "la entidad ya tiene una adecuación en curso de este procedimiento" : null);
    checks.throwIfAny();

    ProcedureMapper.AdoptionRow adoption = new ProcedureMapper.AdoptionRow();
    adoption.entityRuc = ruc;
    adoption.procedureId = procedure.id();
    adoption.version = version.version;
    adoption.state = "EN_ADECUACION";
    adoption.processInstanceId = execution.getProcessInstanceId();
    adoption.createdBy = ProcessInputs.currentUser("sistema");
    mapper.insertAdoption(adoption);

    execution.setVariable(ADOPTION_ID, adoption.id);
    execution.setVariable(ENTITY_NAME, entity.name());
    execution.setVariable(CODE, procedure.code());
    execution.setVariable(NAME, version.name);
    execution.setVariable(VERSION, version.version);
    execution.setVariable(STANDARD_SUMMARY, summary(version));
    // The form starts from the standard: the entity changes what it adopts differently.
    execution.setVariable(ADOPTED_UNIT, null);
    execution.setVariable(ADOPTED_FEE, version.fee == null ? null : version.fee.doubleValue());
    execution.setVariable(ADOPTED_TERM_DAYS, version.termDays);
    execution.setVariable(ADOPTED_REQUIREMENTS, version.requirements);
    execution.setVariable(REVIEW_OBSERVATION, null);
    execution.setProcessBusinessKey("ADECUACION-" + procedure.code() + "-V" + version.version + "-" + ruc);
  }

  static String summary(ProcedureMapper.VersionRow v) {
    return "**" + v.name + "** (versión " + v.version + ")\n\n"
        + "- Base legal: " + v.legalBasis + "\n"
        + "- Derecho de tramitación máximo: " + StandardProcedure.feeText(v.fee) + "\n"
        + "- Plazo máximo: " + v.termDays + " días hábiles\n"
        + "- Silencio administrativo: " + v.silence.toLowerCase(Locale.ROOT) + "\n"
        + "- Unidad competente (tipo): " + v.unitType + "\n"
        + "- Requisitos:\n" + StandardProcedure.items(v.requirements).stream().map(r -> "  - " + r)
            .collect(Collectors.joining("\n"));
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_Adopt" -> adopt(task);
      case "Task_ReviewAdoption" -> review(task);
      default -> { }
    }
  }

  /** The entity's mapping, saved as proposed. */
  void adopt(DelegateTask task) {
    Adoption adoption = ProcedureForms.adoption(task);
    ProcedureMapper.AdoptionRow row = mapper.adoption(adoptionId(task));
    row.unit = adoption.unit();
    row.fee = adoption.fee();
    row.termDays = adoption.termDays();
    row.requirements = StandardProcedure.lines(adoption.requirements());
    row.state = "EN_REVISION";
    mapper.updateAdoption(row);
  }

  /** Service task: compares the adoption with its standard version and names every deviation. */
  public void checkAdoption(DelegateExecution execution) {
    ProcedureMapper.AdoptionRow row = mapper.adoption(adoptionId(execution));
    ProcedureMapper.VersionRow version = mapper.versionOf(row.procedureId, row.version);
    List<Deviation> deviations = check.deviations(standard(version),
        new Adoption(row.unit, row.fee, row.termDays, StandardProcedure.items(row.requirements)));
    mapper.deleteDeviations(row.id);
    for (int i = 0; i < deviations.size(); i++) {
      mapper.insertDeviation(row.id, i + 1, deviations.get(i));
    }
    row.deviations = deviations.size();
    mapper.updateAdoption(row);
    List<Map<String, Object>> rows = deviations.stream().map(d -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("campo", d.field());
      m.put("estandar", d.standard());
      m.put("adoptado", d.adopted());
      m.put("detalle", d.detail());
      return m;
    }).toList();
    execution.setVariable(DEVIATIONS, SpinValues.jsonValue(org.camunda.spin.Spin.JSON(rows)).create());
    execution.setVariable(DEVIATION_COUNT, deviations.size());
    execution.setVariable(DEVIATION_SUMMARY, deviations.isEmpty() ? "Sin desviaciones: la adecuación se ajusta al estándar."
        : deviations.size() + (deviations.size() == 1 ? " desviación" : " desviaciones") + " del estándar: "
            + deviations.stream().map(Deviation::sentence).collect(Collectors.joining("; ")) + ".");
  }

  static StandardProcedure standard(ProcedureMapper.VersionRow v) {
    return new StandardProcedure(v.name, v.legalBasis, StandardProcedure.items(v.requirements), v.fee, v.termDays,
        v.silence, v.unitType, Set.of());
  }

  /** The SGP approves (only an adoption without deviations) or observes it back to the entity. */
  void review(DelegateTask task) {
    FieldChecks checks = new FieldChecks();
    String decision = ProcedureForms.choice(checks, task, REVIEW_DECISION, "Decisión", Set.of(APPROVE, OBSERVE));
    String observation = ProcedureForms.note(checks, task, REVIEW_OBSERVATION, "Observaciones", OBSERVE.equals(decision), 4000);
    int deviations = ((Number) task.getVariable(DEVIATION_COUNT)).intValue();
    checks.check(REVIEW_DECISION, "Decisión", APPROVE.equals(decision) && deviations > 0
        ? "no se puede aprobar una adecuación con " + deviations + (deviations == 1 ? " desviación" : " desviaciones")
            + " del estándar: obsérvela para que la entidad la corrija" : null);
    checks.throwIfAny();
    if (OBSERVE.equals(decision)) {
      mapper.setAdoptionState(adoptionId(task), "OBSERVADA", observation);
    }
    task.setVariable(REVIEW_OBSERVATION, observation);
  }

  /** Service task: the approved adoption becomes the entity's current version of the procedure. */
  public void recordAdoption(DelegateExecution execution) {
    ProcedureMapper.AdoptionRow row = mapper.adoption(adoptionId(execution));
    if (row.deviations == null || row.deviations > 0) {
      throw new InvalidInputException(REVIEW_DECISION, "Decisión", "la adecuación tiene desviaciones del estándar");
    }
    mapper.supersedeCurrentAdoption(row.entityRuc, row.procedureId);
    mapper.deleteCurrent(row.entityRuc, row.procedureId);
    mapper.insertCurrent(row.entityRuc, row.procedureId, row.id, row.version);
    mapper.approveAdoption(row.id, ProcessInputs.currentUser("sistema"));
    execution.setVariable(OUTCOME, "ADOPTADO");
    // A newer version was published while the entity adopted this one: its adoption starts now
    // (at publication it was skipped because this one was open).
    ProcedureMapper.ProcedureRow procedure = mapper.procedure(row.procedureId);
    if (properties.startAdoptionsOnPublication() && procedure.currentVersion() != null
        && procedure.currentVersion() > row.version && entities.find(row.entityRuc).map(e -> ProcedureViews.levelsOf(
            mapper, mapper.versionOf(procedure.id(), procedure.currentVersion()).id).contains(e.governmentLevel()))
            .orElse(false)) {
      execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(ADOPTION_KEY,
          java.util.Map.of(ENTITY_RUC, row.entityRuc, CODE, procedure.code()));
    }
  }

  private static long adoptionId(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return ((Number) scope.getVariable(ADOPTION_ID)).longValue();
  }
}

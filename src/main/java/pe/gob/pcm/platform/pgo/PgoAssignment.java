package pe.gob.pcm.platform.pgo;

import static pe.gob.pcm.platform.pgo.PgoProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pe.gob.pcm.platform.security.Role;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.Identifiers;

/**
 * Who evaluates a case: the SGP supervisor assigns each incoming case (and each resubmission) to
 * a user of {@code sgp-evaluador} in «Asignar el expediente a un evaluador», and may reassign it
 * while the evaluation is open (REST, or by changing the task's assignee in Tasklist). Every
 * assignment is kept in {@code pgo_asignacion}.
 */
@Component("pgoAssignment")
public class PgoAssignment implements TaskListener {

  static final int MAX_OPTIONS = 500;

  private final IdentityService identity;
  private final TaskService tasks;
  private final PgoMapper mapper;
  private final org.camunda.bpm.engine.RuntimeService runtime;

  public PgoAssignment(IdentityService identity, TaskService tasks, PgoMapper mapper,
      org.camunda.bpm.engine.RuntimeService runtime) {
    this.runtime = runtime;
    this.identity = identity;
    this.tasks = tasks;
    this.mapper = mapper;
  }

  /** On creating the assignment task: the evaluators to choose from (the form's list). */
  @Override
  public void notify(DelegateTask task) {
    task.setVariable(EVALUATOR_OPTIONS, org.camunda.spin.plugin.variable.SpinValues
        .jsonValue(org.camunda.spin.Spin.JSON(evaluatorOptions())).create());
  }

  /** [{label, value}] of every user of sgp-evaluador, by name. */
  public List<Map<String, Object>> evaluatorOptions() {
    List<Map<String, Object>> options = new ArrayList<>();
    for (User u : identity.createUserQuery().memberOfGroup(Role.SGP_EVALUADOR.groupId()).orderByUserLastName().asc()
        .orderByUserFirstName().asc().listPage(0, MAX_OPTIONS)) {
      Map<String, Object> option = new LinkedHashMap<>();
      option.put("label", name(u) + " (" + u.getId() + ")");
      option.put("value", u.getId());
      options.add(option);
    }
    return options;
  }

  /** Null when the user may evaluate cases, else why not (in Spanish). */
  public String evaluatorProblem(String userId) {
    if (userId == null || userId.isBlank()) {
      return "elija un evaluador de la lista";
    }
    return identity.createUserQuery().userId(userId.strip()).memberOfGroup(Role.SGP_EVALUADOR.groupId()).count() == 0
        ? "el usuario " + userId.strip() + " no es evaluador de la SGP (grupo sgp-evaluador)" : null;
  }

  /** Records an assignment of the case (its evaluator from now on). */
  void record(long expedienteId, int round, String evaluator, String by, String reason) {
    mapper.setEvaluator(expedienteId, evaluator);
    if (round > 0) {
      mapper.setRoundEvaluator(expedienteId, round, evaluator);
    }
    mapper.insertAssignment(expedienteId, round, evaluator, by, reason);
  }

  /**
   * Reassigns an open case to another evaluator: its open evaluation task (if any) changes
   * assignee, and the next rounds go to the new evaluator too. Refused with the field in error.
   */
  @Transactional
  public String reassign(PgoMapper.Expediente e, String evaluator, String reason, String by) {
    FieldChecks checks = new FieldChecks().check("evaluador", "Evaluador", evaluatorProblem(evaluator))
        .check("motivo", "Motivo de la reasignación", Identifiers.textProblem(reason, 500));
    if (evaluator != null && evaluator.strip().equals(e.evaluator)) {
      checks.check("evaluador", "Evaluador", "el expediente ya está asignado a " + e.evaluator);
    }
    checks.throwIfAny();
    String who = evaluator.strip();
    List<PgoMapper.Evaluation> rounds = mapper.evaluations(e.id);
    PgoMapper.Evaluation open = rounds.stream().filter(r -> r.closedAt() == null).findFirst().orElse(null);
    if (open != null) {
      record(e.id, open.round(), who, by, reason.strip());
    } else {
      // Between rounds (or before the first): the next round goes to the new evaluator.
      mapper.setEvaluator(e.id, who);
      mapper.insertAssignment(e.id, rounds.size(), who, by, reason.strip());
    }
    // The process variable is the assignee of this and the next rounds' evaluation tasks.
    runtime.setVariable(e.processInstanceId, EVALUATOR, who);
    for (Task task : tasks.createTaskQuery().processInstanceId(e.processInstanceId).taskDefinitionKey("Task_Evaluate")
        .list()) {
      tasks.setAssignee(task.getId(), who);
    }
    return who;
  }

  static String name(User u) {
    String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
        + (u.getLastName() == null ? "" : u.getLastName())).strip();
    return name.isEmpty() ? u.getId() : name;
  }
}

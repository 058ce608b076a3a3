package pe.gob.pcm.platform.pgo;

import static pe.gob.pcm.platform.pgo.PgoProcess.*;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.CalendarProperties;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.ProcessInputs;

/**
 * The evaluation task ({@code ${pgoEvaluationTask}}): on creation its name and description state the
 * round's deadline in Peruvian working days; when its assignee changes (a supervisor reassigning in
 * Tasklist), the new evaluator must be of sgp-evaluador and becomes the case's evaluator.
 */
@Component("pgoEvaluationTask")
public class PgoEvaluationTask implements TaskListener {

  static final int NAME_MAX = 255;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final PgoAssignment assignment;
  private final PgoMapper mapper;
  private final CalendarProperties calendar;

  public PgoEvaluationTask(PgoAssignment assignment, PgoMapper mapper, CalendarProperties calendar) {
    this.assignment = assignment;
    this.mapper = mapper;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      name(task);
    } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      assigned(task);
    }
  }

  void name(DelegateTask task) {
    int round = ((Number) task.getVariable(ROUND)).intValue();
    int days = ((Number) task.getVariable(EVALUATION_DAYS)).intValue();
    String due = DAY.format(((Date) task.getVariable(DEADLINE)).toInstant().atZone(calendar.zone()));
    String name = "Evaluar el " + task.getVariable(DOCUMENT_TYPE) + " (ronda " + round + "): vence el " + due + ", "
        + days + " días hábiles - " + task.getVariable(ENTITY_NAME);
    task.setName(name.length() > NAME_MAX ? name.substring(0, NAME_MAX - 1) + "…" : name);
    task.setDescription("Plazo de la SGP: " + days + " días hábiles peruanos (sin fines de semana ni feriados"
        + " nacionales), hasta el " + due + " inclusive. Complejidad " + String.valueOf(task.getVariable(COMPLEXITY))
        .toLowerCase(java.util.Locale.ROOT) + ". Evaluador asignado: " + task.getVariable(EVALUATOR) + ".");
  }

  void assigned(DelegateTask task) {
    String assignee = task.getAssignee();
    long id = ((Number) task.getVariable(EXPEDIENTE_ID)).longValue();
    PgoMapper.Expediente e = mapper.expediente(id);
    if (assignee == null || assignee.equals(e.evaluator)) {
      return;
    }
    new FieldChecks().check("assignee", "Evaluador", assignment.evaluatorProblem(assignee)).throwIfAny();
    assignment.record(id, ((Number) task.getVariable(ROUND)).intValue(), assignee,
        ProcessInputs.currentUser("plataforma"), "Reasignado en Tasklist");
    task.setVariable(EVALUATOR, assignee);
  }
}

package pe.gob.pcm.platform.survey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.validation.FieldChecks;

/**
 * Records the survey: on completing the task, the score (1 to 5, required unless the person
 * chose not to answer) and the optional comment, checked first and refused in Spanish naming the
 * field; when the task expires, that it was not answered. One row per procedure instance: a
 * repeated completion or expiry stores nothing twice.
 */
@Component("surveyAnswers")
public class SurveyAnswers implements TaskListener, ExecutionListener {

  static final int MAX_COMMENT = 1000;

  private final SurveyMapper mapper;

  public SurveyAnswers(SurveyMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean declined = Boolean.TRUE.equals(task.getVariable("declined"));
    Object rawScore = task.getVariable("score");
    Object rawComment = task.getVariable("comment");
    String comment = rawComment == null || rawComment.toString().isBlank() ? null : rawComment.toString().strip();
    Integer score = null;
    FieldChecks checks = new FieldChecks();
    if (!declined) {
      score = score(rawScore);
      checks.check("score", "Calificación", score == null
          ? (rawScore == null || rawScore.toString().isBlank()
              ? "elija de 1 a 5, o marque «Prefiero no responder»" : "debe ser un número del 1 al 5")
          : null);
    }
    checks.check("comment", "Comentario", comment != null && comment.length() > MAX_COMMENT
        ? "no debe superar " + MAX_COMMENT + " caracteres (tiene " + comment.length() + ")" : null);
    checks.throwIfAny();
    record(task, declined ? "DECLINED" : "ANSWERED", score, comment);
  }

  /** The timer's end: the survey was not answered in time. */
  @Override
  public void notify(DelegateExecution execution) {
    record(execution, "EXPIRED", null, null);
  }

  private void record(VariableScope scope, String outcome, Integer score, String comment) {
    String source = (String) scope.getVariable(SurveyStarter.SOURCE_INSTANCE);
    if (mapper.countFor(source) > 0) {
      return;
    }
    mapper.insert(source, (String) scope.getVariable(SurveyStarter.PROCEDURE_KEY),
        (String) scope.getVariable(SurveyStarter.SURVEY_ENTITY), (String) scope.getVariable(SurveyStarter.REQUESTER),
        outcome, score, comment, ClockUtil.getCurrentTime());
  }

  private static Integer score(Object raw) {
    if (raw == null) {
      return null;
    }
    try {
      int value = Integer.parseInt(raw.toString().strip());
      return value >= 1 && value <= 5 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

}

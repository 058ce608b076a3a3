package pe.gob.pcm.platform.validation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Reading what a form or a process handed to a listener: variables as text, and who acted. */
public final class ProcessInputs {

  private ProcessInputs() {}

  /** A variable as text (numbers and booleans as they print), or null. */
  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** A required date variable (a form's date, maybe with a time), or null with the refusal added to {@code checks}. */
  public static java.time.LocalDate date(pe.gob.pcm.platform.validation.FieldChecks checks, VariableScope scope,
      String variable, String label) {
    String raw = text(scope, variable);
    if (raw == null || raw.isBlank()) {
      checks.check(variable, label, "es obligatoria");
      return null;
    }
    try {
      return java.time.LocalDate.parse(raw.strip().length() > 10 ? raw.strip().substring(0, 10) : raw.strip());
    } catch (java.time.format.DateTimeParseException e) {
      checks.check(variable, label, "no es una fecha (AAAA-MM-DD)");
      return null;
    }
  }

  /** The user authenticated in the current engine command, or {@code fallback} (a timer, a job). */
  public static String currentUser(String fallback) {
    Authentication auth = Context.getCommandContext() == null
        ? null : Context.getCommandContext().getAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : fallback;
  }

  /** The user completing a task: the authenticated one, else the assignee. */
  public static String actor(DelegateTask task) {
    return currentUser(task.getAssignee() != null ? task.getAssignee() : "desconocido");
  }
}

package pe.gob.pcm.platform.validation;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input refused with the fields and reasons, in Spanish. Extends Camunda's
 * BadUserRequestException so that the REST API (and therefore Tasklist) answers 400 with this
 * message when a listener refuses a form, and the engine transaction rolls back.
 */
public class InvalidInputException extends BadUserRequestException {

  private final transient List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super("Revise los datos ingresados. "
        + errors.stream().map(FieldError::message).collect(Collectors.joining(" ")));
    this.errors = List.copyOf(errors);
  }

  /** Refused with a summary of its own (an uploaded file with many refused cells) and every field. */
  public InvalidInputException(String summary, List<FieldError> errors) {
    super(summary);
    this.errors = List.copyOf(errors);
  }

  /** One refused field. */
  public InvalidInputException(String field, String label, String reason) {
    this(List.of(new FieldError(field, label, reason)));
  }

  /** The refusal behind an exception, also when the engine wrapped it (task listeners). */
  public static java.util.Optional<InvalidInputException> in(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidInputException invalid) {
        return java.util.Optional.of(invalid);
      }
    }
    return java.util.Optional.empty();
  }

  public List<FieldError> errors() {
    return errors;
  }
}

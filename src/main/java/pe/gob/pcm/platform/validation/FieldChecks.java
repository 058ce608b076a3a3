package pe.gob.pcm.platform.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Collects every refused field of one input before answering, so users fix all at once. */
public final class FieldChecks {

  private final List<FieldError> errors = new ArrayList<>();

  public FieldChecks check(String field, String label, String problem) {
    if (problem != null) {
      errors.add(new FieldError(field, label, problem));
    }
    return this;
  }

  public <T> FieldChecks check(String field, String label, T value, Function<T, String> rule) {
    return check(field, label, rule.apply(value));
  }

  /**
   * A whole number from {@code min} to {@code max} given as text (a query parameter): {@code fallback}
   * when blank; otherwise refused with {@code problem} and answered {@code fallback}.
   */
  public Integer wholeNumber(String field, String label, String raw, int min, int max, Integer fallback, String problem) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    check(field, label, problem);
    return fallback;
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}

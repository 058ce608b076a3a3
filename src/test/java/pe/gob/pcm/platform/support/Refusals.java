package pe.gob.pcm.platform.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import pe.gob.pcm.platform.validation.InvalidInputException;

/** Asserts that the platform refused an input, with these Spanish messages. */
public final class Refusals {

  private Refusals() {}

  public static InvalidInputException assertRefused(ThrowingCallable call, String... messages) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("se esperaba un rechazo").isNotNull();
    InvalidInputException refusal = InvalidInputException.in(thrown)
        .orElseThrow(() -> new AssertionError("no es un rechazo de validación", thrown));
    for (String message : messages) {
      assertThat(refusal.getMessage()).contains(message);
    }
    return refusal;
  }
}

package pe.gob.pcm.platform.pgo;

/**
 * A structure rule's verdict on one unit (or on the whole structure when {@code unit} is
 * null), in Spanish, with the rule and its legal source. Errors block sending the proposal.
 * Forms and the editor page get it as a row keyed in Spanish ({@code PgoDelegates.rows}).
 */
public record Finding(String unit, String rule, String severity, String message, String source) {

  public static final String ERROR = "ERROR";
  public static final String WARNING = "ADVERTENCIA";

  public boolean isError() {
    return ERROR.equals(severity);
  }
}

package pe.gob.pcm.platform.pgo;

/**
 * A structure rule's verdict on one unit (or on the whole structure when {@code unidad} is
 * null), in Spanish, with the rule and its legal source. Errors block sending the proposal.
 */
public record Finding(String unidad, String regla, String severidad, String mensaje, String fuente) {

  public static final String ERROR = "ERROR";
  public static final String WARNING = "ADVERTENCIA";

  public boolean isError() {
    return ERROR.equals(severidad);
  }
}

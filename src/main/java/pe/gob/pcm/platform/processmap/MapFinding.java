package pe.gob.pcm.platform.processmap;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A rule's verdict on one process of the map ({@code process} null: the whole map), in Spanish, with
 * the rule and its source. Errors block sending the map to the SGP.
 */
public record MapFinding(@JsonProperty("proceso") String process, @JsonProperty("regla") String rule,
    @JsonProperty("severidad") String severity, @JsonProperty("mensaje") String message,
    @JsonProperty("fuente") String source) {

  public static final String ERROR = "ERROR";
  public static final String WARNING = "ADVERTENCIA";

  public boolean isError() {
    return ERROR.equals(severity);
  }
}

package pe.gob.pcm.platform.procedure;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One way an adoption departs from its standard, named for the SGP in Spanish: the field, the
 * standard's value, the adopted value and why it is not allowed.
 */
public record Deviation(@JsonProperty("campo") String field, @JsonProperty("estandar") String standard,
    @JsonProperty("adoptado") String adopted, @JsonProperty("detalle") String detail) {

  /** «Campo: detalle (estándar: …; adoptado: …)». */
  public String sentence() {
    return field + ": " + detail + " (estándar: " + standard + "; adoptado: " + adopted + ")";
  }
}

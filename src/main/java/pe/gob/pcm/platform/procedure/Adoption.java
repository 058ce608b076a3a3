package pe.gob.pcm.platform.procedure;

import java.math.BigDecimal;
import java.util.List;

/** What an entity adopted of a standardized procedure: its own unit, fee, term and requirements. */
public record Adoption(String unit, BigDecimal fee, int termDays, List<String> requirements) {

  public Adoption {
    requirements = List.copyOf(requirements);
  }
}

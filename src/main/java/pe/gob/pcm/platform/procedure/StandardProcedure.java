package pe.gob.pcm.platform.procedure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The content of one version of a standardized procedure.
 *
 * @param fee derecho de tramitación in soles; null when the procedure is free of charge
 * @param termDays maximum term, in working days
 * @param silence POSITIVO or NEGATIVO (silencio administrativo)
 * @param levels the levels of government it applies to: NACIONAL, REGIONAL, LOCAL
 */
public record StandardProcedure(String name, String legalBasis, List<String> requirements, BigDecimal fee,
    int termDays, String silence, String unitType, Set<String> levels) {

  public static final List<String> LEVELS = List.of("NACIONAL", "REGIONAL", "LOCAL");
  public static final Set<String> SILENCES = Set.of("POSITIVO", "NEGATIVO");

  public StandardProcedure {
    requirements = List.copyOf(requirements);
    levels = Set.copyOf(levels);
  }

  /** The requirements as stored and shown in forms: one per line. */
  public static String lines(List<String> items) {
    return String.join("\n", items);
  }

  /** Lines of a text area, trimmed, without the empty ones. */
  public static List<String> items(String text) {
    return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** «S/ 25.00» or «sin costo». */
  public static String feeText(BigDecimal fee) {
    return fee == null || fee.signum() == 0 ? "sin costo" : "S/ " + fee.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }
}

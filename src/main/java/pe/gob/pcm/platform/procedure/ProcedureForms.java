package pe.gob.pcm.platform.procedure;

import static pe.gob.pcm.platform.procedure.ProcedureProcess.*;
import static pe.gob.pcm.platform.validation.ProcessInputs.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.Identifiers;

/** Reading the procedure forms' values into domain values, naming each refused field in Spanish. */
final class ProcedureForms {

  static final int MAX_REQUIREMENTS = 50;
  static final int MAX_TERM_DAYS = 365;
  static final BigDecimal MAX_FEE = new BigDecimal("999999.99");

  private ProcedureForms() {}

  /** The standard as the SGP formulated it; refuses every invalid field at once. */
  static StandardProcedure standard(VariableScope scope) {
    FieldChecks checks = new FieldChecks();
    String name = text(scope, NAME);
    checks.check(NAME, "Nombre del procedimiento", Identifiers.textProblem(name, 300));
    String legalBasis = text(scope, LEGAL_BASIS);
    checks.check(LEGAL_BASIS, "Base legal", Identifiers.textProblem(legalBasis, 2000));
    List<String> requirements = requirements(checks, scope, REQUIREMENTS, "Requisitos", true);
    BigDecimal fee = fee(checks, scope, FEE, "Derecho de tramitación (S/)");
    Integer term = days(checks, scope, TERM_DAYS, "Plazo máximo (días hábiles)");
    String silence = text(scope, SILENCE);
    checks.check(SILENCE, "Silencio administrativo", silence != null && StandardProcedure.SILENCES.contains(silence)
        ? null : "elija positivo o negativo");
    String unitType = text(scope, UNIT_TYPE);
    checks.check(UNIT_TYPE, "Tipo de unidad competente", Identifiers.textProblem(unitType, 200));
    Set<String> levels = new LinkedHashSet<>();
    if (flag(scope, LEVEL_NATIONAL)) {
      levels.add("NACIONAL");
    }
    if (flag(scope, LEVEL_REGIONAL)) {
      levels.add("REGIONAL");
    }
    if (flag(scope, LEVEL_LOCAL)) {
      levels.add("LOCAL");
    }
    checks.check(LEVEL_NATIONAL, "Niveles de gobierno", levels.isEmpty() ? "marque al menos un nivel de gobierno" : null);
    checks.throwIfAny();
    return new StandardProcedure(name.strip(), legalBasis.strip(), requirements, fee, term, silence, unitType.strip(), levels);
  }

  /** What the entity adopted; refuses every invalid field at once. */
  static Adoption adoption(VariableScope scope) {
    FieldChecks checks = new FieldChecks();
    String unit = text(scope, ADOPTED_UNIT);
    checks.check(ADOPTED_UNIT, "Unidad de organización competente", Identifiers.textProblem(unit, 200));
    BigDecimal fee = fee(checks, scope, ADOPTED_FEE, "Derecho de tramitación de la entidad (S/)");
    Integer term = days(checks, scope, ADOPTED_TERM_DAYS, "Plazo de la entidad (días hábiles)");
    List<String> requirements = requirements(checks, scope, ADOPTED_REQUIREMENTS, "Requisitos de la entidad", false);
    checks.throwIfAny();
    return new Adoption(unit.strip(), fee, term, requirements);
  }

  static boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
  }

  private static List<String> requirements(FieldChecks checks, VariableScope scope, String variable, String label,
      boolean required) {
    List<String> items = StandardProcedure.items(text(scope, variable));
    if (items.isEmpty() && required) {
      checks.check(variable, label, "escriba al menos un requisito, uno por línea");
    } else if (items.size() > MAX_REQUIREMENTS) {
      checks.check(variable, label, "no deben ser más de " + MAX_REQUIREMENTS);
    } else if (items.stream().anyMatch(s -> s.length() > 500)) {
      checks.check(variable, label, "cada requisito debe tener 500 caracteres o menos");
    }
    return items;
  }

  /** A fee in soles with at most two decimals; blank or 0 is free of charge (null). */
  static BigDecimal fee(FieldChecks checks, VariableScope scope, String variable, String label) {
    String raw = text(scope, variable);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      BigDecimal fee = new BigDecimal(raw.strip().replace(',', '.'));
      if (fee.signum() < 0 || fee.compareTo(MAX_FEE) > 0) {
        checks.check(variable, label, "debe estar entre 0 y " + MAX_FEE.toPlainString());
        return null;
      }
      if (fee.stripTrailingZeros().scale() > 2) {
        checks.check(variable, label, "admite como máximo dos decimales (céntimos)");
        return null;
      }
      return fee.signum() == 0 ? null : fee.setScale(2);
    } catch (NumberFormatException e) {
      checks.check(variable, label, "debe ser un monto en soles, por ejemplo 25.50");
      return null;
    }
  }

  static Integer days(FieldChecks checks, VariableScope scope, String variable, String label) {
    String raw = text(scope, variable);
    try {
      double value = Double.parseDouble(raw == null ? "" : raw.strip());
      if (value == Math.rint(value) && value >= 1 && value <= MAX_TERM_DAYS) {
        return (int) value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    checks.check(variable, label, "debe ser un número entero de días hábiles entre 1 y " + MAX_TERM_DAYS);
    return 0;
  }

  static LocalDate date(FieldChecks checks, VariableScope scope, String variable, String label) {
    return pe.gob.pcm.platform.validation.ProcessInputs.date(checks, scope, variable, label);
  }

  /** A required choice among {@code allowed}. */
  static String choice(FieldChecks checks, VariableScope scope, String variable, String label, Set<String> allowed) {
    String value = text(scope, variable);
    checks.check(variable, label, value != null && allowed.contains(value) ? null : "elija una opción de la lista");
    return value;
  }

  /** Optional free text up to {@code max} characters; required when {@code required}. */
  static String note(FieldChecks checks, VariableScope scope, String variable, String label, boolean required, int max) {
    String value = text(scope, variable);
    if (value == null || value.isBlank()) {
      checks.check(variable, label, required ? "es obligatoria" : null);
      return null;
    }
    checks.check(variable, label, value.length() > max ? "no debe superar " + max + " caracteres" : null);
    return value.strip();
  }
}

package pe.gob.pcm.platform.procedure;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares an entity's adoption with its standard and names every deviation. The rules
 * ({@link ProcedureProperties.Rules}, «sin confirmar»): the fee may not exceed the standard's (nor
 * be lower, if lower fees are not allowed), the term may not exceed it (nor be shorter, if so
 * configured), the requirements may not add any the standard does not list (nor leave one out, if
 * so configured). Requirements are compared without regard to case, accents or spacing.
 */
public final class AdoptionCheck {

  static final String FEE = "Derecho de tramitación";
  static final String TERM = "Plazo máximo (días hábiles)";
  static final String REQUIREMENTS = "Requisitos";

  private final ProcedureProperties.Rules rules;

  public AdoptionCheck(ProcedureProperties.Rules rules) {
    this.rules = rules;
  }

  public List<Deviation> deviations(StandardProcedure standard, Adoption adoption) {
    List<Deviation> found = new ArrayList<>();
    BigDecimal standardFee = standard.fee() == null ? BigDecimal.ZERO : standard.fee();
    BigDecimal adoptedFee = adoption.fee() == null ? BigDecimal.ZERO : adoption.fee();
    int fee = adoptedFee.compareTo(standardFee);
    if (fee > 0) {
      found.add(new Deviation(FEE, StandardProcedure.feeText(standard.fee()), StandardProcedure.feeText(adoption.fee()),
          standardFee.signum() == 0 ? "el estándar es gratuito: la entidad no puede cobrar" : "supera el derecho de tramitación del estándar"));
    } else if (fee < 0 && !rules.lowerFeeAllowed()) {
      found.add(new Deviation(FEE, StandardProcedure.feeText(standard.fee()), StandardProcedure.feeText(adoption.fee()),
          "debe ser igual al del estándar"));
    }
    if (adoption.termDays() > standard.termDays()) {
      found.add(new Deviation(TERM, String.valueOf(standard.termDays()), String.valueOf(adoption.termDays()),
          "excede el plazo máximo del estándar"));
    } else if (adoption.termDays() < standard.termDays() && !rules.shorterTermAllowed()) {
      found.add(new Deviation(TERM, String.valueOf(standard.termDays()), String.valueOf(adoption.termDays()),
          "debe ser igual al del estándar"));
    }
    Set<String> known = standard.requirements().stream().map(AdoptionCheck::key).collect(Collectors.toSet());
    Set<String> adopted = adoption.requirements().stream().map(AdoptionCheck::key).collect(Collectors.toSet());
    for (String requirement : adoption.requirements()) {
      if (!known.contains(key(requirement))) {
        found.add(new Deviation(REQUIREMENTS, "(no figura en el estándar)", requirement,
            "requisito nuevo: el estándar no lo exige"));
      }
    }
    if (!rules.fewerRequirementsAllowed()) {
      for (String requirement : standard.requirements()) {
        if (!adopted.contains(key(requirement))) {
          found.add(new Deviation(REQUIREMENTS, requirement, "(omitido)", "falta un requisito del estándar"));
        }
      }
    }
    return found;
  }

  /** A requirement as compared: lower case, without accents, with single spaces and no final period. */
  static String key(String requirement) {
    String plain = Normalizer.normalize(requirement, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[.;,]+$", "").strip();
  }
}

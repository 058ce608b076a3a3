package pe.gob.pcm.platform.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The adoption check: every deviation from the standard named, field by field, in Spanish. */
class ProcedureAdoptionCheckTest {

  static final StandardProcedure LICENSE = new StandardProcedure("Licencia de funcionamiento",
      "Ley 28976", List.of("Solicitud con carácter de declaración jurada", "Copia de la vigencia de poder"),
      new BigDecimal("120.00"), 10, "POSITIVO", "Unidad de licencias", Set.of("LOCAL"));

  static final ProcedureProperties.Rules DEFAULT_RULES = new ProcedureProperties.Rules(true, true, true);

  @Test
  void anAdoptionWithinTheStandardHasNoDeviation() {
    Adoption within = new Adoption("Subgerencia de Licencias", new BigDecimal("95.50"), 7,
        List.of("solicitud con caracter de declaracion  jurada."));
    assertThat(new AdoptionCheck(DEFAULT_RULES).deviations(LICENSE, within)).isEmpty();
  }

  @Test
  void aHigherFeeALongerTermAndANewRequirementAreEachNamed() {
    Adoption beyond = new Adoption("Subgerencia de Licencias", new BigDecimal("150"), 15,
        List.of("Solicitud con carácter de declaración jurada", "Copia del DNI"));
    List<Deviation> deviations = new AdoptionCheck(DEFAULT_RULES).deviations(LICENSE, beyond);
    assertThat(deviations).containsExactly(
        new Deviation("Derecho de tramitación", "S/ 120.00", "S/ 150.00", "supera el derecho de tramitación del estándar"),
        new Deviation("Plazo máximo (días hábiles)", "10", "15", "excede el plazo máximo del estándar"),
        new Deviation("Requisitos", "(no figura en el estándar)", "Copia del DNI", "requisito nuevo: el estándar no lo exige"));
    assertThat(deviations.get(0).sentence())
        .isEqualTo("Derecho de tramitación: supera el derecho de tramitación del estándar (estándar: S/ 120.00; adoptado: S/ 150.00)");
  }

  @Test
  void aFreeStandardMayNotBeCharged() {
    StandardProcedure free = new StandardProcedure("Constancia", "Ley 27444", List.of("Solicitud"), null, 5,
        "NEGATIVO", "Mesa de partes", Set.of("NACIONAL"));
    assertThat(new AdoptionCheck(DEFAULT_RULES).deviations(free, new Adoption("Mesa de Partes", new BigDecimal("5"), 5,
        List.of("Solicitud")))).containsExactly(new Deviation("Derecho de tramitación", "sin costo", "S/ 5.00",
            "el estándar es gratuito: la entidad no puede cobrar"));
  }

  @Test
  void stricterRulesNameALowerFeeAShorterTermAndAMissingRequirement() {
    ProcedureProperties.Rules strict = new ProcedureProperties.Rules(false, false, false);
    Adoption less = new Adoption("Subgerencia de Licencias", null, 8, List.of("Copia de la vigencia de poder"));
    assertThat(new AdoptionCheck(strict).deviations(LICENSE, less)).extracting(Deviation::field, Deviation::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Derecho de tramitación", "debe ser igual al del estándar"),
            org.assertj.core.groups.Tuple.tuple("Plazo máximo (días hábiles)", "debe ser igual al del estándar"),
            org.assertj.core.groups.Tuple.tuple("Requisitos", "falta un requisito del estándar"));
    // The same adoption under the default rules is within the standard.
    assertThat(new AdoptionCheck(DEFAULT_RULES).deviations(LICENSE, less)).isEmpty();
  }
}

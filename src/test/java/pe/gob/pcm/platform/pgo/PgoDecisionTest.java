package pe.gob.pcm.platform.pgo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import pe.gob.pcm.platform.support.PlatformTest;

/** Every rule of the deployed PGO tables (processes/pgo/*.dmn). */
@PlatformTest
class PgoDecisionTest {

  @Autowired DecisionService decisions;

  @ParameterizedTest(name = "{0}, {1} hab., {2} -> {3}")
  @CsvSource({
    "DISTRITAL, 8000, MUY_DISPERSO, MD-A", "DISTRITAL, 20000, DISPERSO, MD-A",
    "DISTRITAL, 20000, CONCENTRADO, MD-B", "DISTRITAL, 500, ALTAMENTE_CONCENTRADO, MD-B",
    "DISTRITAL, 20001, DISPERSO, MD-C", "DISTRITAL, 70000, CONCENTRACION_MEDIA, MD-C",
    "DISTRITAL, 70001, CONCENTRADO, MD-D", "PROVINCIAL, 100000, , MP-A", "PROVINCIAL, 100001, , MP-B",
  })
  void recommendsTheMunicipalModel(String level, int population, String typology, String model) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("municipalLevel", level);
    vars.put("population", population);
    vars.put("typology", typology);
    DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey("pgo-modelo-municipal", vars).getSingleResult();
    assertThat((String) result.getEntry("modelCode")).isEqualTo(model);
    assertThat(new MunicipalModels().structureJson(model)).as("estructura estándar de " + model).isPresent();
  }

  @ParameterizedTest(name = "categoría {0} -> {1}")
  @CsvSource({"1, OBLIGATORIA", "6, OPCIONAL", "7, OPCIONAL", "8, OPCIONAL", "4, OPCIONAL", "5, OPCIONAL"})
  void priorOpinionIsMandatoryOnlyForTheExecutive(int category, String opinion) {
    DmnDecisionRuleResult result = decisions
        .evaluateDecisionTableByKey("pgo-opinion-previa", Map.of("entityCategory", category)).getSingleResult();
    assertThat((String) result.getEntry("opinion")).isEqualTo(opinion);
    assertThat((String) result.getEntry("opinionReason")).isNotBlank();
  }

  @ParameterizedTest(name = "{0} -> {1} días hábiles")
  @CsvSource({"BAJA, 10", "MEDIA, 15", "ALTA, 25"})
  void complexitySetsTheEvaluationDays(String complexity, int days) {
    Object value = decisions.evaluateDecisionTableByKey("pgo-plazo-evaluacion", Map.of("complexity", complexity))
        .getSingleResult().getSingleEntry();
    assertThat(((Number) value).intValue()).isEqualTo(days);
  }

  @ParameterizedTest(name = "{0}, categoría {1}, adscripción {2} -> {3}")
  @CsvSource({
    "ROF, 1, , Decreto Supremo", "ROF, 6, , Ordenanza Regional", "ROF, 7, , Ordenanza Municipal",
    "ROF, 8, , Ordenanza Municipal", "MOP, 1, MINISTERIO, Resolución Ministerial",
    "MOP, 1, ORGANISMO_PUBLICO, Resolución del titular de la entidad", "MOP, 8, , Resolución del titular de la entidad",
    "ROF, 4, , Resolución del titular de la entidad (según su ley)",
  })
  void theApprovalInstrumentDependsOnDocumentEntityAndAdscription(String document, int category, String adscription,
      String instrument) {
    Map<String, Object> inputs = new java.util.HashMap<>(Map.of("documentType", document, "entityCategory", category));
    inputs.put("mopAdscription", adscription);
    Object value = decisions.evaluateDecisionTableByKey("pgo-instrumento-aprobacion", inputs)
        .getSingleResult().getSingleEntry();
    assertThat(value).isEqualTo(instrument);
  }
}

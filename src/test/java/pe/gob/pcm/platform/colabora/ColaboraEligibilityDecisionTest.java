package pe.gob.pcm.platform.colabora;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import pe.gob.pcm.platform.support.PlatformTest;

/** Every rule of the deployed eligibility table (processes/colabora/colabora-elegibilidad.dmn). */
@PlatformTest
class ColaboraEligibilityDecisionTest {

  @Autowired DecisionService decisions;

  @ParameterizedTest(name = "{0} -> elegible={1}")
  @CsvSource({
    "SECRETARIO_GENERAL, true, Secretario general",
    "GERENTE_GENERAL, true, Gerente general",
    "GERENTE_MUNICIPAL, true, Gerente municipal",
    "JEFE_TI, true, Jefe de Tecnologías de la Información",
    "OTRO, false, no puede ser usuario máster",
    "ALCALDE, false, no puede ser usuario máster",
    "jefe_ti, false, no puede ser usuario máster",
  })
  void decidesEligibilityByPosition(String position, boolean eligible, String reasonFragment) {
    DmnDecisionRuleResult result = decisions
        .evaluateDecisionTableByKey("colabora-elegibilidad", Map.of("officerPositionCode", position))
        .getSingleResult();

    assertThat((Boolean) result.getEntry("eligible")).isEqualTo(eligible);
    assertThat((String) result.getEntry("reason")).contains(reasonFragment);
  }
}

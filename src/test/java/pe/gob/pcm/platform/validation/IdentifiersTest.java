package pe.gob.pcm.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

  @ParameterizedTest
  @ValueSource(strings = {"20168999926", "20601234565", "20131377224", "10456789124"})
  void acceptsRucsWithTheirCheckDigit(String ruc) {
    assertThat(Identifiers.rucProblem(ruc)).isNull();
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {
    "NULL, es obligatorio",
    "2016899992, debe tener 11 dígitos",
    "2016899992A, debe tener 11 dígitos",
    "30168999926, 'debe empezar con 10, 15, 16, 17 o 20'",
    "20168999925, el dígito verificador no es válido",
  })
  void refusesBadRucsSayingWhy(String ruc, String reason) {
    assertThat(Identifiers.rucProblem(ruc)).isEqualTo(reason);
  }

  @Test
  void checksDniMobileAndEmail() {
    assertThat(Identifiers.dniProblem("45678912")).isNull();
    assertThat(Identifiers.dniProblem("4567891")).isEqualTo("debe tener 8 dígitos");
    assertThat(Identifiers.mobileProblem("987654321")).isNull();
    assertThat(Identifiers.mobileProblem("887654321")).isEqualTo("debe tener 9 dígitos y empezar con 9");
    assertThat(Identifiers.mobileProblem("98765432")).isEqualTo("debe tener 9 dígitos y empezar con 9");
    assertThat(Identifiers.emailProblem("mesa.partes@muni.gob.pe")).isNull();
    assertThat(Identifiers.emailProblem("mesa partes@muni")).isEqualTo("no es un correo electrónico válido");
    assertThat(Identifiers.textProblem("x".repeat(201), 200)).isEqualTo("no debe superar 200 caracteres");
  }

  @Test
  void acceptsOnlyHttpServiceAddresses() {
    assertThat(Identifiers.urlProblem("https://sgd.muni.gob.pe/wsiotramite/Tramite")).isNull();
    assertThat(Identifiers.urlProblem("http://10.0.0.5:8080/wsiotramite/Tramite")).isNull();
    assertThat(Identifiers.urlProblem("ftp://sgd.muni.gob.pe/x")).isEqualTo("debe empezar con http:// o https://");
    assertThat(Identifiers.urlProblem("sgd.muni.gob.pe/wsiotramite")).isEqualTo("debe empezar con http:// o https://");
    assertThat(Identifiers.urlProblem("https:///wsiotramite")).isEqualTo("no indica el servidor");
    assertThat(Identifiers.urlProblem("https://sgd.muni.gob.pe/Tramite?wsdl"))
        .isEqualTo("no debe llevar parámetros (?…) ni fragmento (#…)");
    assertThat(Identifiers.urlProblem("https://sgd muni/x")).isEqualTo("no es una URL válida");
    assertThat(Identifiers.urlProblem(" ")).isEqualTo("es obligatoria");
  }
}

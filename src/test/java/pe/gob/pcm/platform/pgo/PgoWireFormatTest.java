package pe.gob.pcm.platform.pgo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The JSON the PGO code reads and writes: the REST answers ({@code /versiones}, {@code /comparar})
 * and the structure format (kept as text in {@code pgo_estructura}, compared as text to decide
 * whether a save is a new version). Its keys are the wire, whatever the Java names are.
 */
class PgoWireFormatTest {

  /** As Spring Boot configures it for the REST answers (application.yml: non_null; ISO dates). */
  private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  @Test
  void anApprovedVersionKeepsItsKeys() throws Exception {
    var version = new PgoMapper.RofVersion(7L, "20100000001", "ROF", 2, 11L, 13L, "ORDENANZA_MUNICIPAL",
        "Ordenanza Municipal N.° 010-2026", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4), "VIGENTE",
        LocalDateTime.of(2026, 3, 4, 10, 0));
    JsonNode node = json.readTree(json.writeValueAsString(List.of(version))).get(0);
    assertThat(names(node)).containsExactly("id", "entityRuc", "documento", "version", "expedienteId",
        "estructuraId", "instrumento", "norma", "normaFecha", "publicacionFecha", "estado", "approvedAt");
    assertThat(node.get("documento").asText()).isEqualTo("ROF");
    assertThat(node.get("estructuraId").asLong()).isEqualTo(13);
    assertThat(node.get("norma").asText()).isEqualTo("Ordenanza Municipal N.° 010-2026");
    assertThat(node.get("normaFecha").asText()).isEqualTo("2026-03-02");
    assertThat(node.get("publicacionFecha").asText()).isEqualTo("2026-03-04");
  }

  @Test
  void aComparisonKeepsItsKeys() throws Exception {
    OrgStructure before = new OrgStructure(List.of(
        new OrgUnit("01", "Alcaldía", "ORGANO", "ALTA_DIRECCION", 1, null, List.of("Dirigir")),
        new OrgUnit("02", "Gerencia Municipal", "ORGANO", "ALTA_DIRECCION", 2, "01", List.of("Gestionar")),
        new OrgUnit("03", "Oficina de Imagen", "ORGANO", "APOYO", 3, "02", List.of("Comunicar"))));
    OrgStructure after = new OrgStructure(List.of(
        new OrgUnit("01", "Alcaldía", "ORGANO", "ALTA_DIRECCION", 1, null, List.of("Dirigir")),
        new OrgUnit("02", "Gerencia Municipal", "ORGANO", "LINEA", 2, "01", List.of("Gestionar")),
        new OrgUnit("04", "Gerencia de Turismo", "ORGANO", "LINEA", 3, "02", List.of("Promover"))));
    JsonNode node = json.readTree(json.writeValueAsString(StructureDiff.between(before, after)));
    assertThat(names(node)).containsExactly("agregadas", "eliminadas", "modificadas", "renombradas", "movidas",
        "funciones", "recodificadas");
    assertThat(node.get("renombradas")).isEmpty();
    assertThat(node.get("recodificadas")).isEmpty();
    assertThat(node.get("agregadas").get(0).asText()).isEqualTo("04 Gerencia de Turismo");
    assertThat(node.get("eliminadas").get(0).asText()).isEqualTo("03 Oficina de Imagen");
    assertThat(names(node.get("modificadas").get(0))).containsExactly("unidad", "cambios");
    assertThat(node.get("modificadas").get(0).get("cambios").get(0).asText())
        .isEqualTo("tipo: «ALTA_DIRECCION» → «LINEA»");
  }

  @Test
  void theStructureFormatIsReadAndWrittenUnchanged() {
    String text = """
        {
          "unidades" : [ {
            "codigo" : "01",
            "nombre" : "Alcaldía",
            "clase" : "ORGANO",
            "tipo" : "ALTA_DIRECCION",
            "nivel" : 1,
            "padre" : null,
            "funciones" : [ "Dirigir" ]
          }, {
            "codigo" : "01.1",
            "nombre" : "Subgerencia de Parques",
            "clase" : "UNIDAD_ORGANICA",
            "tipo" : "LINEA",
            "nivel" : 2,
            "padre" : "01",
            "funciones" : [ ]
          } ]
        }""".replace("\n", System.lineSeparator());
    OrgStructure structure = OrgStructure.parse(text, "estructura", "Estructura");
    assertThat(structure.toJson()).isEqualTo(text);
    assertThat(OrgStructure.parse(structure.toJson(), "estructura", "Estructura")).isEqualTo(structure);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}

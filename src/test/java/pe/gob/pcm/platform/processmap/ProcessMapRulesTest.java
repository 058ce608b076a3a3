package pe.gob.pcm.platform.processmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pe.gob.pcm.platform.validation.InvalidInputException;

class ProcessMapRulesTest {

  static final Map<String, String> ROF = Map.of("01", "Alcaldía", "07", "Oficina de Planeamiento y Presupuesto",
      "08", "Oficina de Administración", "10", "Gerencia de Desarrollo Urbano y Rural");

  static MapProcess p(String code, int level, String type, String parent, String unit) {
    return new MapProcess(code, "Proceso " + code, level, type, parent, unit, List.of("Solicitud"), List.of("Resultado"), null);
  }

  static List<MapProcess> valid() {
    List<MapProcess> all = new ArrayList<>();
    all.add(p("PE01", 0, "ESTRATEGICO", null, "07"));
    all.add(p("PE01.01", 1, null, "PE01", "07"));
    all.add(p("PM01", 0, "MISIONAL", null, "10"));
    all.add(p("PM01.01", 1, null, "PM01", "10"));
    all.add(p("PM01.01.01", 2, null, "PM01.01", "10"));
    all.add(p("PA01", 0, "APOYO", null, "08"));
    all.add(p("PA01.01", 1, "APOYO", "PA01", "08"));
    return all;
  }

  static List<String> messages(List<MapProcess> processes, Map<String, String> units) {
    return ProcessMapRules.check(new ProcessMap(processes), units).stream()
        .map(f -> f.severity() + " " + f.rule() + " " + f.message()).toList();
  }

  @Test
  void aCompleteMapHasNoFindings() {
    assertThat(messages(valid(), ROF)).isEmpty();
  }

  @Test
  void everyTemplateIsValidAgainstTheMunicipalModels() throws Exception {
    ProcessMapTemplates templates = new ProcessMapTemplates();
    assertThat(templates.all()).extracting(ProcessMapTemplates.Template::code).contains("MUNICIPAL", "GENERAL");
    Map<String, String> municipal = new java.util.HashMap<>();
    for (String code : List.of("01", "02", "03", "04", "06", "07", "08", "08.1", "08.2", "08.3", "10", "11", "12")) {
      municipal.put(code, "Unidad " + code);
    }
    List<MapFinding> errors = ProcessMapRules.check(templates.find("MUNICIPAL").orElseThrow().map(), municipal).stream()
        .filter(MapFinding::isError).toList();
    assertThat(errors).isEmpty();
    assertThat(templates.find("MUNICIPAL").orElseThrow().map().processes()).anyMatch(p -> p.bpmn() != null);
  }

  @Test
  void levelZeroNeedsTheThreeKindsAndAType() {
    List<MapProcess> all = valid();
    all.removeIf(p -> p.code().startsWith("PA"));
    all.set(0, p("PE01", 0, "OTRO", null, "07"));
    assertThat(messages(all, ROF)).contains(
        "ERROR M1 El nivel 0 debe tener al menos un proceso del tipo «Procesos estratégicos».",
        "ERROR M1 El nivel 0 debe tener al menos un proceso del tipo «Procesos de apoyo (soporte)».",
        "ERROR M5 El proceso PE01: un proceso de nivel 0 debe ser estratégico, misional o de apoyo (tipo ESTRATEGICO, MISIONAL o APOYO).");
  }

  @Test
  void codesAreRequiredWellFormedAndUnique() {
    List<MapProcess> all = valid();
    all.add(p("PM01", 1, null, "PE01", "07"));
    all.add(p("pm-02", 1, null, "PM01", "10"));
    all.add(new MapProcess(null, "", 1, null, "PM01", "10", List.of("a"), List.of("b"), null));
    assertThat(messages(all, ROF)).contains("ERROR M2 El proceso PM01: el código se repite en el mapa.",
        "ERROR M2 El proceso pm-02: el código debe tener de 1 a 20 letras mayúsculas, dígitos, puntos o guiones.",
        "ERROR M2 El proceso 10 no tiene código.", "ERROR M3 El proceso 10 no tiene nombre.");
  }

  @Test
  void eachLevelBreaksDownTheLevelAboveWithItsType() {
    List<MapProcess> all = valid();
    all.add(p("X1", 2, null, "PE01", "07"));
    all.add(p("X2", 1, null, "NOEXISTE", "07"));
    all.add(p("X3", 1, null, null, "07"));
    all.add(p("X4", 1, "APOYO", "PM01", "10"));
    all.add(p("X5", 3, null, "PM01.01.01", "10"));
    assertThat(messages(all, ROF)).contains(
        "ERROR M5 El proceso X1 es de nivel 2: su proceso padre PE01 debe ser de nivel 1.",
        "ERROR M5 El proceso X2: el proceso padre NOEXISTE no está en el mapa.",
        "ERROR M5 El proceso X3: un proceso de nivel 1 debe indicar el proceso de nivel 0 que desagrega.",
        "ERROR M5 El proceso X4: su tipo (APOYO) no es el de su proceso de nivel 0 (MISIONAL).",
        "ERROR M4 El proceso X5: el nivel debe ser 0, 1 o 2.");
  }

  @Test
  void theOwnerUnitMustBeInTheCurrentRof() {
    List<MapProcess> all = valid();
    all.set(3, p("PM01.01", 1, null, "PM01", "99"));
    all.set(4, p("PM01.01.01", 2, null, "PM01.01", null));
    assertThat(messages(all, ROF)).contains(
        "ERROR M6 El proceso PM01.01: la unidad responsable 99 no existe en la estructura vigente del ROF/MOP de la entidad.",
        "ERROR M6 El proceso PM01.01.01 no tiene unidad responsable (dueño del proceso).");
  }

  @Test
  void withoutACurrentRofTheUnitsCannotBeCheckedAndOneWarningSaysSo() {
    List<MapProcess> all = valid();
    all.set(3, p("PM01.01", 1, null, "PM01", "99"));
    assertThat(messages(all, null)).containsExactly("ADVERTENCIA M6 La entidad no tiene un ROF/MOP vigente en la"
        + " plataforma: no se puede verificar que las unidades responsables existan.");
  }

  @Test
  void levelTwoNeedsInputsAndOutputsLevelOneIsWarned() {
    List<MapProcess> all = valid();
    all.set(1, new MapProcess("PE01.01", "Planeamiento", 1, null, "PE01", "07", List.of(), List.of("PEI"), null));
    all.set(4, new MapProcess("PM01.01.01", "Licencias", 2, null, "PM01.01", "10", List.of("Solicitud"), null, null));
    assertThat(messages(all, ROF)).containsExactlyInAnyOrder("ADVERTENCIA M7 El proceso PE01.01 no tiene entradas.",
        "ERROR M7 El proceso PM01.01.01 no tiene salidas (obligatorias en el nivel 2).");
  }

  @Test
  void onlyLevelTwoCarriesAValidBpmnDiagram() throws Exception {
    String good = new ProcessMapTemplates().find("MUNICIPAL").orElseThrow().map().processes().stream()
        .filter(p -> p.bpmn() != null).findFirst().orElseThrow().bpmn();
    List<MapProcess> all = valid();
    all.set(4, all.get(4).withBpmn(good));
    assertThat(messages(all, ROF)).isEmpty();
    all.set(3, all.get(3).withBpmn(good));
    all.set(4, all.get(4).withBpmn("<bpmn:definitions>no cerrado"));
    assertThat(messages(all, ROF)).containsExactlyInAnyOrder(
        "ERROR M8 El proceso PM01.01: solo los procesos de nivel 2 llevan diagrama BPMN.",
        "ERROR M8 El proceso PM01.01.01: el diagrama BPMN no es BPMN 2.0 válido.");
    String noDiagram = good.substring(0, good.indexOf("<bpmndi:BPMNDiagram")) + "</bpmn:definitions>";
    all.set(3, all.get(3).withBpmn(null));
    all.set(4, all.get(4).withBpmn(noDiagram));
    assertThat(messages(all, ROF)).containsExactly("ERROR M8 El proceso PM01.01.01: el diagrama BPMN no tiene la parte"
        + " gráfica (BPMNDiagram): dibújelo en el editor o en Camunda Modeler.");
    all.set(4, all.get(4).withBpmn("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));
    assertThat(messages(all, ROF)).containsExactly(
        "ERROR M8 El proceso PM01.01.01: el diagrama BPMN no debe declarar DOCTYPE ni entidades XML.");
  }

  @Test
  void aTextThatIsNotTheFormatIsRefusedWithLineAndColumn() {
    assertThatThrownBy(() -> ProcessMap.parse("{\"procesos\": [{\"codigo\": \"A\", \"color\": 1}]}", "mapa", "Mapa"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Mapa: no sigue el formato JSON del mapa de procesos (línea 1");
    assertThatThrownBy(() -> ProcessMap.parse(" ", "mapa", "Mapa")).hasMessageContaining("Mapa: es obligatorio");
    assertThat(messages(List.of(), ROF)).containsExactly("ERROR M1 El mapa no tiene procesos.");
  }

  @Test
  void thePictureDrawsTheThreeBandsAndFlagsProcessesInRed() {
    ProcessMap map = new ProcessMap(valid());
    String svg = ProcessMapPicture.svg(map, Set.of("PM01"));
    assertThat(svg).startsWith("<svg").contains("Procesos estratégicos", "Procesos misionales", "Procesos de apoyo",
        "data-proceso='PM01'", "PM01.01 Proceso PM01.01 (1)", "stroke='#d93025'");
    assertThat(ProcessMapPicture.svg(map, Set.of())).doesNotContain("stroke='#d93025'");
    assertThat(ProcessMapPicture.esc("<a&'b>")).isEqualTo("&lt;a&amp;&#39;b&gt;");
  }
}

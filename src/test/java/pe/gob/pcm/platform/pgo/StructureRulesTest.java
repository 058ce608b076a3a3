package pe.gob.pcm.platform.pgo;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.gob.pcm.platform.support.Refusals.assertRefused;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The structure rules, one by one, and the models they must accept. */
class StructureRulesTest {

  static final PgoProperties PROPERTIES = new PgoProperties(10, 2, new PgoProperties.Rules(
      new PgoProperties.MaxLevels(true, 4, Map.of(8, 3), "fuente de niveles"),
      new PgoProperties.Toggle(true, "fuente de unidad única"),
      new PgoProperties.Toggle(true, "fuente de funciones"),
      new PgoProperties.Toggle(true, "fuente de nombres"),
      new PgoProperties.Naming(true, Map.of("ORGANO.LINEA", "^(Gerencia|Dirección)"), "fuente de denominación")),
      Map.of(), new PgoProperties.Sgp("sgp-pcm", "SGP", "PCM - SGP"),
      new PgoProperties.Mop(Map.of(), "fuente de artículos del MOP", "fuente del contenido del MOP"));

  final StructureRules rules = new StructureRules(PROPERTIES);
  final MunicipalModels models = new MunicipalModels();

  static OrgUnit unit(String code, String name, String kind, String type, int level, String parent, String... functions) {
    return new OrgUnit(code, name, kind, type, level, parent, List.of(functions));
  }

  static List<OrgUnit> base() {
    List<OrgUnit> units = new ArrayList<>();
    units.add(unit("01", "Alcaldía", "ORGANO", "ALTA_DIRECCION", 1, null, "Dirigir"));
    units.add(unit("02", "Gerencia Municipal", "ORGANO", "ALTA_DIRECCION", 2, "01", "Gerenciar"));
    units.add(unit("03", "Gerencia de Servicios", "ORGANO", "LINEA", 3, "02", "Prestar servicios"));
    return units;
  }

  @ParameterizedTest
  @ValueSource(strings = {"MD-A", "MD-B", "MD-C", "MD-D", "MP-A", "MP-B"})
  void everyMunicipalModelPassesTheRules(String model) {
    OrgStructure structure = OrgStructure.parse(models.structureJson(model).orElseThrow(), "s", "Estructura");
    int category = model.startsWith("MP") ? 7 : 7; // the models use four levels: checked against the default
    assertThat(rules.check(structure, category)).as(model).filteredOn(Finding::isError).isEmpty();
    assertThat(OrgChart.svg(structure, model)).contains("Alcaldía");
  }

  @Test
  void aCorrectStructureHasNoFindings() {
    assertThat(rules.check(new OrgStructure(base()), 1)).isEmpty();
  }

  @Test
  void levelsBeyondWhatTheEntityTypeAllowsAreErrorsWithTheirSource() {
    List<OrgUnit> units = base();
    units.add(unit("03.1", "Subgerencia de Limpieza", "UNIDAD_ORGANICA", "LINEA", 4, "03", "Limpiar"));
    units.add(unit("03.2", "Subgerencia de Parques", "UNIDAD_ORGANICA", "LINEA", 4, "03", "Cuidar parques"));

    assertThat(rules.check(new OrgStructure(units), 1)).isEmpty();
    List<Finding> findings = rules.check(new OrgStructure(units), 8);
    assertThat(findings).extracting(Finding::unit).containsExactly("03.1 Subgerencia de Limpieza", "03.2 Subgerencia de Parques");
    assertThat(findings.get(0).message()).isEqualTo("está en el nivel 4; para este tipo de entidad se permiten hasta 3 niveles");
    assertThat(findings.get(0).source()).isEqualTo("fuente de niveles");
    assertThat(findings.get(0).rule()).isEqualTo("NIVELES");
  }

  @Test
  void anOrganoWithASingleUnidadOrganicaIsAnError() {
    List<OrgUnit> units = base();
    units.add(unit("03.1", "Subgerencia de Limpieza", "UNIDAD_ORGANICA", "LINEA", 4, "03", "Limpiar"));
    List<Finding> findings = rules.check(new OrgStructure(units), 1);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.unit()).isEqualTo("03 Gerencia de Servicios");
      assertThat(f.rule()).isEqualTo("UNIDAD_ORGANICA_UNICA");
      assertThat(f.message()).contains("una sola unidad orgánica (Subgerencia de Limpieza)");
    });
  }

  @Test
  void unitsWithoutFunctionsAndRepeatedNamesAreErrors() {
    List<OrgUnit> units = base();
    units.add(unit("04", "Gerencia de servicios ", "ORGANO", "LINEA", 3, "02"));
    List<Finding> findings = rules.check(new OrgStructure(units), 1);
    assertThat(findings).extracting(Finding::rule).containsExactlyInAnyOrder("FUNCIONES", "NOMBRE_DUPLICADO");
    assertThat(findings).allSatisfy(f -> assertThat(f.unit()).isEqualTo("04 Gerencia de servicios "));
    assertThat(findings).filteredOn(f -> f.rule().equals("NOMBRE_DUPLICADO")).singleElement()
        .satisfies(f -> assertThat(f.message()).isEqualTo("tiene el mismo nombre que 03 Gerencia de Servicios"));
  }

  @Test
  void aNameOutsideTheConfiguredPatternIsAWarning() {
    List<OrgUnit> units = base();
    units.add(unit("04", "Servicios Sociales", "ORGANO", "LINEA", 3, "02", "Atender"));
    assertThat(rules.check(new OrgStructure(units), 1)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Finding.WARNING);
      assertThat(f.isError()).isFalse();
      assertThat(f.message()).contains("órgano de tipo linea");
    });
  }

  @Test
  void integrityProblemsAreReportedUnitByUnit() {
    List<OrgUnit> units = base();
    units.add(unit("05", "Oficina Perdida", "ORGANO", "APOYO", 3, "99", "Apoyar"));
    units.add(unit("06", "Unidad Suelta", "UNIDAD_ORGANICA", "APOYO", 1, null, "Apoyar"));
    units.add(unit("07", "Oficina de Salto", "ORGANO", "APOYO", 4, "02", "Apoyar"));
    units.add(unit("03", "Gerencia Repetida", "ORGANO", "LINEA", 3, "02", "Repetir"));
    units.add(new OrgUnit("08", "Oficina Rara", "DEPARTAMENTO", "STAFF", 3, "02", List.of("x")));

    List<Finding> findings = rules.check(new OrgStructure(units), 1);

    assertThat(findings).filteredOn(f -> f.rule().equals("ESTRUCTURA")).extracting(f -> f.unit() + ": " + f.message())
        .contains("05 Oficina Perdida: depende de 99, que no existe",
            "06 Unidad Suelta: una unidad orgánica debe depender de un órgano",
            "07 Oficina de Salto: está en el nivel 4 pero depende de 02 Gerencia Municipal, de nivel 2 (debería ser 3)",
            "03 Gerencia Repetida: repite el código 03",
            "08 Oficina Rara: la clase debe ser ORGANO o UNIDAD_ORGANICA",
            "08 Oficina Rara: el tipo debe ser uno de ALTA_DIRECCION, LINEA, ASESORAMIENTO, APOYO, DESCONCENTRADO");
  }

  @Test
  void textThatIsNotTheFormatIsRefusedSayingWhere() {
    assertRefused(() -> OrgStructure.parse("{\"unidades\": [ {\"codigo\": \"01\",, } ]}", "structureJson", "Estructura (JSON)"),
        "Estructura (JSON): no sigue el formato JSON de estructura (línea 1, columna");
    assertRefused(() -> OrgStructure.parse("{\"unidades\": [{\"codigo\": \"01\", \"color\": \"rojo\"}]}", "structureJson",
        "Estructura (JSON)"), "no sigue el formato JSON de estructura", "color");
    assertRefused(() -> OrgStructure.parse("{\"unidades\": []}", "structureJson", "Estructura (JSON)"),
        "Estructura (JSON): debe tener al menos una unidad");
    assertRefused(() -> OrgStructure.parse("  ", "structureJson", "Estructura (JSON)"), "Estructura (JSON): es obligatoria");
  }

  @Test
  void theDiffNamesAddedRemovedAndChangedUnits() {
    List<OrgUnit> after = base();
    after.set(2, unit("03", "Gerencia de Servicios Públicos", "ORGANO", "LINEA", 3, "02", "Prestar servicios", "Fiscalizar"));
    after.add(unit("04", "Gerencia de Desarrollo", "ORGANO", "LINEA", 3, "02", "Promover"));
    List<OrgUnit> before = base();
    before.add(unit("09", "Oficina de Imagen", "ORGANO", "APOYO", 3, "02", "Comunicar"));

    StructureDiff diff = StructureDiff.between(new OrgStructure(before), new OrgStructure(after));

    assertThat(diff.added()).containsExactly("04 Gerencia de Desarrollo");
    assertThat(diff.removed()).containsExactly("09 Oficina de Imagen");
    assertThat(diff.changed()).singleElement().satisfies(change -> {
      assertThat(change.unit()).isEqualTo("03 Gerencia de Servicios Públicos");
      assertThat(change.changes()).containsExactly(
          "nombre: «Gerencia de Servicios» → «Gerencia de Servicios Públicos»", "funciones: 1 → 2");
    });
  }

  // ---- MOP

  OrgStructure mopModel() {
    return OrgStructure.parse(models.structureJson(MunicipalModels.MOP_MODEL).orElseThrow(), "s", "Estructura");
  }

  static OrgStructure withArticles(OrgStructure mop, String text) {
    MopContent c = mop.mop();
    List<MopContent.Article> articles = c.articles().stream()
        .map(a -> new MopContent.Article(a.code(), a.title(), a.text().isBlank() ? text : a.text())).toList();
    return new OrgStructure(mop.units(), new MopContent(c.kind(), c.name(), c.acronym(), c.adscription(), c.objective(),
        c.creationNorm(), articles));
  }

  @Test
  void theModelMopAsksForTheArticlesLeftToWrite() {
    List<Finding> findings = rules.check(mopModel(), 1, "MOP");
    assertThat(findings).filteredOn(Finding::isError).extracting(Finding::rule).containsOnly("MOP_ARTICULOS");
    assertThat(findings).extracting(Finding::message).containsExactly(
        "falta el artículo «Naturaleza y adscripción» (código NATURALEZA) con su texto",
        "falta el artículo «Objetivo y ámbito de intervención» (código OBJETIVO) con su texto",
        "falta el artículo «Funciones generales» (código FUNCIONES_GENERALES) con su texto");
    assertThat(findings).extracting(Finding::source).containsOnly("fuente de artículos del MOP");
    assertThat(rules.check(withArticles(mopModel(), "Texto del artículo."), 1, "MOP")).isEmpty();
    assertThat(OrgChart.svg(mopModel(), "MOP")).contains("Dirección Ejecutiva");
  }

  @Test
  void aMopHasItsProgramaItsAdscriptionAndFunctionalUnitsOnly() {
    OrgStructure complete = withArticles(mopModel(), "Texto.");
    List<OrgUnit> units = new ArrayList<>(complete.units());
    units.set(1, unit("02", "Oficina de Asesoría Jurídica", "ORGANO", "ASESORAMIENTO", 2, "01", "Asesorar"));
    MopContent c = complete.mop();
    OrgStructure wrong = new OrgStructure(units, new MopContent("FONDO", " ", null, new MopContent.Adscription("MINISTERIO", ""),
        null, null, c.articles()));
    List<Finding> findings = rules.check(wrong, 1, "MOP");
    assertThat(findings).extracting(Finding::rule).containsExactly("MOP_DATOS", "MOP_DATOS", "MOP_ADSCRIPCION", "ESTRUCTURA");
    assertThat(findings).extracting(Finding::message).contains("«mop.tipo» debe ser PROGRAMA o PROYECTO_ESPECIAL",
        "en un MOP la clase es UNIDAD_FUNCIONAL (estructura funcional)");
    assertThat(rules.check(new OrgStructure(complete.units()), 1, "MOP")).extracting(Finding::message)
        .containsExactly("falta «mop»: el programa o proyecto, su adscripción y sus artículos");
    // A ROF keeps its organic structure: no functional units and no MOP content.
    assertThat(rules.check(complete, 1, "ROF")).extracting(Finding::message)
        .contains("solo un MOP lleva «mop»: quítelo de la estructura del ROF", "la clase debe ser ORGANO o UNIDAD_ORGANICA");
  }

  @Test
  void theMopFormatIsReadAndWrittenUnchangedAndARofHasNoMopKey() {
    OrgStructure mop = mopModel();
    assertThat(OrgStructure.parse(mop.toJson(), "s", "s")).isEqualTo(mop);
    assertThat(mop.toJson()).contains("\"adscripcion\"", "\"articulos\"");
    assertThat(new OrgStructure(base()).toJson()).doesNotContain("mop");
  }
}

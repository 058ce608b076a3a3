package pe.gob.pcm.platform.pgo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round diff on real edits of the standard MD-C municipal structure, as an entity makes them
 * when it corrects: a unit renamed, one moved under another, functions added and removed, a unit
 * recoded, one added and one removed; and the rows the evaluation form shows.
 */
class StructureDiffTest {

  final OrgStructure model = OrgStructure.parse(new MunicipalModels().structureJson("MD-C").orElseThrow(), "m", "m");

  OrgStructure edited() {
    List<OrgUnit> units = new ArrayList<>();
    for (OrgUnit u : model.units()) {
      switch (u.code()) {
        // renamed
        case "09" -> units.add(new OrgUnit(u.code(), "Oficina de Gestión Documental y Atención a la Ciudadanía", u.kind(),
            u.type(), u.level(), u.parent(), u.functions()));
        // moved: the IT office now depends on the Oficina de Administración, one level down
        case "15" -> units.add(new OrgUnit(u.code(), "Unidad de Tecnologías de la Información", "UNIDAD_ORGANICA",
            u.type(), 4, "08", u.functions()));
        // functions: one added, the first one reworded (removed + added)
        case "03" -> {
          List<String> f = new ArrayList<>(u.functions());
          String first = f.remove(0);
          f.add(0, first + " y la modernización de la gestión.");
          f.add("Conducir la implementación del gobierno digital.");
          units.add(new OrgUnit(u.code(), u.name(), u.kind(), u.type(), u.level(), u.parent(), f));
        }
        // recoded: same unit, new code
        case "08.3" -> units.add(new OrgUnit("08.4", u.name(), u.kind(), u.type(), u.level(), u.parent(), u.functions()));
        // removed
        case "11.2" -> { }
        default -> units.add(u);
      }
    }
    units.add(new OrgUnit("16", "Gerencia de Turismo", "ORGANO", "LINEA", 3, "03", List.of("Promover el turismo local.")));
    return new OrgStructure(units);
  }

  @Test
  void realEditsAreNamedOneByOne() {
    StructureDiff diff = StructureDiff.between(model, edited());

    assertThat(diff.added()).containsExactly("16 Gerencia de Turismo");
    assertThat(diff.removed()).containsExactly("11.2 Subgerencia de Programas Sociales");
    assertThat(diff.recoded()).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo("Unidad de Abastecimiento");
      assertThat(r.codeBefore()).isEqualTo("08.3");
      assertThat(r.codeAfter()).isEqualTo("08.4");
    });
    assertThat(diff.renamed()).extracting(StructureDiff.Renamed::code).containsExactly("09", "15");
    assertThat(diff.renamed().get(0).after()).isEqualTo("Oficina de Gestión Documental y Atención a la Ciudadanía");
    assertThat(diff.moved()).singleElement().satisfies(m -> {
      assertThat(m.unit()).isEqualTo("15 Unidad de Tecnologías de la Información");
      assertThat(m.parentBefore()).isEqualTo("03 Gerencia Municipal");
      assertThat(m.parentAfter()).isEqualTo("08 Oficina de Administración");
      assertThat(m.levelBefore()).isEqualTo(3);
      assertThat(m.levelAfter()).isEqualTo(4);
    });
    assertThat(diff.functions()).singleElement().satisfies(f -> {
      assertThat(f.unit()).isEqualTo("03 Gerencia Municipal");
      assertThat(f.added()).hasSize(2).last().isEqualTo("Conducir la implementación del gobierno digital.");
      assertThat(f.removed()).hasSize(1);
      assertThat(f.added().get(0)).isEqualTo(f.removed().get(0) + " y la modernización de la gestión.");
    });
    // Every field change stays listed for the unit, as the comparison of approved versions shows it.
    assertThat(diff.changed()).filteredOn(c -> c.unit().startsWith("15 ")).singleElement()
        .satisfies(c -> assertThat(c.changes()).contains("clase: «ORGANO» → «UNIDAD_ORGANICA»", "nivel: «3» → «4»",
            "dependencia: «03» → «08»"));
    assertThat(diff.isEmpty()).isFalse();
  }

  @Test
  void theFormRowsSayEachChangeOnce() {
    List<java.util.Map<String, Object>> rows = PgoRounds.diffRows(StructureDiff.between(model, edited()));

    assertThat(rows).extracting(r -> r.get("cambio")).containsExactly("Agregada", "Eliminada", "Cambió de código",
        "Renombrada", "Renombrada", "Movida", "Funciones", "Modificada");
    assertThat(rows).filteredOn(r -> r.get("cambio").equals("Movida")).singleElement()
        .satisfies(r -> assertThat(r.get("detalle")).isEqualTo("dependía de 03 Gerencia Municipal, ahora de 08 Oficina de"
            + " Administración (nivel 3 → 4)"));
    // The remaining change of the moved unit is its class, not again its name or dependency.
    assertThat(rows).filteredOn(r -> r.get("cambio").equals("Modificada")).singleElement()
        .satisfies(r -> assertThat(r.get("detalle")).isEqualTo("clase: «ORGANO» → «UNIDAD_ORGANICA»; nivel: «3» → «4»"));
  }

  @Test
  void anUnchangedStructureHasNoDiff() {
    assertThat(StructureDiff.between(model, model).isEmpty()).isTrue();
    assertThat(PgoRounds.diffRows(StructureDiff.between(model, model))).isEmpty();
  }
}

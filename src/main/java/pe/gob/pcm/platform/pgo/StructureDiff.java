package pe.gob.pcm.platform.pgo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two structures, unit by unit (matched by code). The answer of
 * {@code GET .../comparar}, whose JSON keys are the Spanish ones.
 */
public record StructureDiff(@JsonProperty("agregadas") List<String> added,
    @JsonProperty("eliminadas") List<String> removed, @JsonProperty("modificadas") List<Change> changed) {

  public record Change(@JsonProperty("unidad") String unit, @JsonProperty("cambios") List<String> changes) {}

  public static StructureDiff between(OrgStructure before, OrgStructure after) {
    Map<String, OrgUnit> a = before.byCode();
    Map<String, OrgUnit> b = after.byCode();
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    for (OrgUnit unit : after.units()) {
      if (!a.containsKey(unit.code())) {
        added.add(unit.label());
      }
    }
    for (OrgUnit unit : before.units()) {
      OrgUnit now = b.get(unit.code());
      if (now == null) {
        removed.add(unit.label());
        continue;
      }
      List<String> changes = new ArrayList<>();
      compare(changes, "nombre", unit.name(), now.name());
      compare(changes, "clase", unit.kind(), now.kind());
      compare(changes, "tipo", unit.type(), now.type());
      compare(changes, "nivel", unit.level(), now.level());
      compare(changes, "dependencia", unit.parent(), now.parent());
      if (!unit.functions().equals(now.functions())) {
        changes.add("funciones: " + unit.functions().size() + " → " + now.functions().size()
            + (unit.functions().size() == now.functions().size() ? " (texto modificado)" : ""));
      }
      if (!changes.isEmpty()) {
        changed.add(new Change(now.label(), changes));
      }
    }
    return new StructureDiff(added, removed, changed);
  }

  private static void compare(List<String> changes, String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changes.add(field + ": «" + before + "» → «" + after + "»");
    }
  }
}

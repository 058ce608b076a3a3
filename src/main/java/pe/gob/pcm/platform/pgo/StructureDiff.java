package pe.gob.pcm.platform.pgo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What changed between two structures, unit by unit (matched by code). */
public record StructureDiff(List<String> agregadas, List<String> eliminadas, List<Change> modificadas) {

  public record Change(String unidad, List<String> cambios) {}

  public static StructureDiff between(OrgStructure before, OrgStructure after) {
    Map<String, OrgUnit> a = before.byCode();
    Map<String, OrgUnit> b = after.byCode();
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    for (OrgUnit unit : after.unidades()) {
      if (!a.containsKey(unit.codigo())) {
        added.add(unit.label());
      }
    }
    for (OrgUnit unit : before.unidades()) {
      OrgUnit now = b.get(unit.codigo());
      if (now == null) {
        removed.add(unit.label());
        continue;
      }
      List<String> changes = new ArrayList<>();
      compare(changes, "nombre", unit.nombre(), now.nombre());
      compare(changes, "clase", unit.clase(), now.clase());
      compare(changes, "tipo", unit.tipo(), now.tipo());
      compare(changes, "nivel", unit.nivel(), now.nivel());
      compare(changes, "dependencia", unit.padre(), now.padre());
      if (!unit.funciones().equals(now.funciones())) {
        changes.add("funciones: " + unit.funciones().size() + " → " + now.funciones().size()
            + (unit.funciones().size() == now.funciones().size() ? " (texto modificado)" : ""));
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

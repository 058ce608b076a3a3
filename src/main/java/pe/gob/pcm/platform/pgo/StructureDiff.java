package pe.gob.pcm.platform.pgo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two structures, unit by unit (matched by code). The answer of
 * {@code GET .../comparar} and of a round's comparison, whose JSON keys are the Spanish ones.
 * {@code modificadas} lists every field that changed; {@code renombradas}, {@code movidas} and
 * {@code funciones} say the same for the three changes an evaluator looks for first (a new name,
 * a new dependency, functions added or removed), and {@code recodificadas} the units that kept
 * their name but got another code (otherwise read as one removed and one added).
 */
public record StructureDiff(@JsonProperty("agregadas") List<String> added,
    @JsonProperty("eliminadas") List<String> removed, @JsonProperty("modificadas") List<Change> changed,
    @JsonProperty("renombradas") List<Renamed> renamed, @JsonProperty("movidas") List<Moved> moved,
    @JsonProperty("funciones") List<Functions> functions, @JsonProperty("recodificadas") List<Recoded> recoded) {

  public record Change(@JsonProperty("unidad") String unit, @JsonProperty("cambios") List<String> changes) {}

  public record Renamed(@JsonProperty("codigo") String code, @JsonProperty("antes") String before,
      @JsonProperty("despues") String after) {}

  public record Moved(@JsonProperty("unidad") String unit, @JsonProperty("padreAntes") String parentBefore,
      @JsonProperty("padreDespues") String parentAfter, @JsonProperty("nivelAntes") Integer levelBefore,
      @JsonProperty("nivelDespues") Integer levelAfter) {}

  public record Functions(@JsonProperty("unidad") String unit, @JsonProperty("agregadas") List<String> added,
      @JsonProperty("eliminadas") List<String> removed) {}

  public record Recoded(@JsonProperty("nombre") String name, @JsonProperty("codigoAntes") String codeBefore,
      @JsonProperty("codigoDespues") String codeAfter) {}

  /** True when nothing changed. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && recoded.isEmpty();
  }

  public static StructureDiff between(OrgStructure before, OrgStructure after) {
    Map<String, OrgUnit> a = before.byCode();
    Map<String, OrgUnit> b = after.byCode();
    List<OrgUnit> addedUnits = new ArrayList<>();
    List<OrgUnit> removedUnits = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    List<Renamed> renamed = new ArrayList<>();
    List<Moved> moved = new ArrayList<>();
    List<Functions> functions = new ArrayList<>();
    for (OrgUnit unit : after.units()) {
      if (unit.code() != null && !a.containsKey(unit.code())) {
        addedUnits.add(unit);
      }
    }
    for (OrgUnit unit : before.units()) {
      OrgUnit now = unit.code() == null ? null : b.get(unit.code());
      if (now == null) {
        removedUnits.add(unit);
        continue;
      }
      List<String> changes = new ArrayList<>();
      compare(changes, "nombre", unit.name(), now.name());
      compare(changes, "clase", unit.kind(), now.kind());
      compare(changes, "tipo", unit.type(), now.type());
      compare(changes, "nivel", unit.level(), now.level());
      compare(changes, "dependencia", unit.parent(), now.parent());
      if (!Objects.equals(unit.name(), now.name())) {
        renamed.add(new Renamed(unit.code(), unit.name(), now.name()));
      }
      if (!Objects.equals(blankToNull(unit.parent()), blankToNull(now.parent()))) {
        moved.add(new Moved(now.label(), parentLabel(before, unit.parent()), parentLabel(after, now.parent()),
            unit.level(), now.level()));
      }
      if (!unit.functions().equals(now.functions())) {
        changes.add("funciones: " + unit.functions().size() + " → " + now.functions().size()
            + (unit.functions().size() == now.functions().size() ? " (texto modificado)" : ""));
        List<String> plus = new ArrayList<>(now.functions());
        plus.removeAll(unit.functions());
        List<String> minus = new ArrayList<>(unit.functions());
        minus.removeAll(now.functions());
        functions.add(new Functions(now.label(), plus, minus));
      }
      if (!changes.isEmpty()) {
        changed.add(new Change(now.label(), changes));
      }
    }
    // A unit removed under one code and added under another with the same name was recoded.
    List<Recoded> recoded = new ArrayList<>();
    Map<String, OrgUnit> addedByName = new LinkedHashMap<>();
    for (OrgUnit unit : addedUnits) {
      addedByName.putIfAbsent(key(unit.name()), unit);
    }
    for (OrgUnit gone : List.copyOf(removedUnits)) {
      OrgUnit same = addedByName.remove(key(gone.name()));
      if (same != null && gone.name() != null) {
        recoded.add(new Recoded(same.name(), gone.code(), same.code()));
        removedUnits.remove(gone);
        addedUnits.remove(same);
      }
    }
    return new StructureDiff(addedUnits.stream().map(OrgUnit::label).toList(),
        removedUnits.stream().map(OrgUnit::label).toList(), changed, renamed, moved, functions, recoded);
  }

  private static String parentLabel(OrgStructure structure, String code) {
    if (code == null || code.isBlank()) {
      return "(primer nivel)";
    }
    return structure.unit(code).map(OrgUnit::label).orElse(code);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String key(String name) {
    if (name == null) {
      return "";
    }
    return Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").replaceAll("\\s+", " ");
  }

  private static void compare(List<String> changes, String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changes.add(field + ": «" + before + "» → «" + after + "»");
    }
  }
}

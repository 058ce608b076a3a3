package pe.gob.pcm.platform.pgo;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pe.gob.pcm.platform.validation.FieldChecks;

/**
 * A proposed (or current) organic structure: its units, in the order the entity gave them
 * ({@code unidades} in the JSON format), and for a MOP its content as data ({@code mop}: the
 * programa or proyecto, its adscription, its articles), absent from a ROF.
 */
public record OrgStructure(@JsonProperty("unidades") List<OrgUnit> units,
    @JsonProperty("mop") @com.fasterxml.jackson.annotation.JsonInclude(
        com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) MopContent mop) {

  public OrgStructure(List<OrgUnit> units) {
    this(units, null);
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  static final int MAX_UNITS = 500;

  public OrgStructure {
    units = units == null ? List.of() : List.copyOf(units);
  }

  /**
   * Reads the JSON format; a text that is not that format is refused naming the field
   * ({@code variable}) and, in Spanish, what is wrong.
   */
  public static OrgStructure parse(String json, String variable, String label) {
    FieldChecks checks = new FieldChecks();
    if (json == null || json.isBlank()) {
      checks.check(variable, label, "es obligatoria").throwIfAny();
    }
    if (json.length() > 1_000_000) {
      checks.check(variable, label, "no debe superar 1 MB").throwIfAny();
    }
    OrgStructure structure;
    try {
      structure = JSON.readValue(json, OrgStructure.class);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (línea " + e.getLocation().getLineNr() + ", columna "
          + e.getLocation().getColumnNr() + ")";
      String detail = e.getOriginalMessage().replaceAll("\\s+", " ").replaceAll("\\(class [^)]*\\)", "")
          .replaceAll(",? *not marked as ignorable.*", "");
      checks.check(variable, label, "no sigue el formato JSON de estructura" + where + ": "
          + detail.substring(0, Math.min(160, detail.length()))).throwIfAny();
      throw new IllegalStateException(e);
    }
    if (structure == null || structure.units().isEmpty()) {
      checks.check(variable, label, "debe tener al menos una unidad en «unidades»").throwIfAny();
    }
    if (structure.units().size() > MAX_UNITS) {
      checks.check(variable, label, "no debe superar " + MAX_UNITS + " unidades").throwIfAny();
    }
    return structure;
  }

  public String toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<OrgUnit> unit(String code) {
    return units.stream().filter(u -> u.code() != null && u.code().equals(code)).findFirst();
  }

  public List<OrgUnit> children(String code) {
    List<OrgUnit> children = new ArrayList<>();
    for (OrgUnit unit : units) {
      if (code != null && code.equals(unit.parent())) {
        children.add(unit);
      }
    }
    return children;
  }

  public List<OrgUnit> roots() {
    return units.stream().filter(u -> u.parent() == null || u.parent().isBlank()).toList();
  }

  /** Units by code (the first one when a code repeats). */
  public Map<String, OrgUnit> byCode() {
    Map<String, OrgUnit> map = new LinkedHashMap<>();
    for (OrgUnit unit : units) {
      if (unit.code() != null) {
        map.putIfAbsent(unit.code(), unit);
      }
    }
    return map;
  }
}

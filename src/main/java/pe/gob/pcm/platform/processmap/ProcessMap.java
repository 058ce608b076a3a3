package pe.gob.pcm.platform.processmap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.gob.pcm.platform.validation.FieldChecks;

/** An entity's process map: its processes in the order the entity gave them ({@code procesos}). */
public record ProcessMap(@JsonProperty("procesos") List<MapProcess> processes) {

  static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  /** Bytes of a whole map, BPMN diagrams included. */
  static final int MAX_BYTES = 5_000_000;

  public ProcessMap {
    processes = processes == null ? List.of() : List.copyOf(processes);
  }

  /**
   * Reads the JSON format; a text that is not that format is refused naming the field and, in
   * Spanish, what is wrong (with the line and column).
   */
  public static ProcessMap parse(String json, String variable, String label) {
    FieldChecks checks = new FieldChecks();
    if (json == null || json.isBlank()) {
      checks.check(variable, label, "es obligatorio").throwIfAny();
    }
    if (json.length() > MAX_BYTES) {
      checks.check(variable, label, "no debe superar " + MAX_BYTES / 1_000_000 + " MB").throwIfAny();
    }
    try {
      ProcessMap map = JSON.readValue(json, ProcessMap.class);
      if (map == null) {
        checks.check(variable, label, "es obligatorio").throwIfAny();
      }
      return map;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (línea " + e.getLocation().getLineNr() + ", columna "
          + e.getLocation().getColumnNr() + ")";
      String detail = e.getOriginalMessage().replaceAll("\\s+", " ").replaceAll("\\(class [^)]*\\)", "")
          .replaceAll(",? *not marked as ignorable.*", "");
      checks.check(variable, label, "no sigue el formato JSON del mapa de procesos" + where + ": "
          + detail.substring(0, Math.min(160, detail.length()))).throwIfAny();
      throw new IllegalStateException(e);
    }
  }

  public String toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Processes by code (the first one when a code repeats). */
  public Map<String, MapProcess> byCode() {
    Map<String, MapProcess> map = new LinkedHashMap<>();
    for (MapProcess p : processes) {
      if (p.code() != null) {
        map.putIfAbsent(p.code(), p);
      }
    }
    return map;
  }

  public List<MapProcess> children(String code) {
    return processes.stream().filter(p -> code != null && code.equals(p.parent())).toList();
  }

  public List<MapProcess> atLevel(int level) {
    return processes.stream().filter(p -> p.level() != null && p.level() == level).toList();
  }

  /** The level-0 type a process belongs to, following its parents (null when the chain is broken). */
  public String typeOf(MapProcess p) {
    Map<String, MapProcess> codes = byCode();
    MapProcess current = p;
    for (int guard = 0; current != null && guard < 4; guard++) {
      if (current.level() != null && current.level() == 0) {
        return current.type();
      }
      current = current.parent() == null ? null : codes.get(current.parent());
    }
    return null;
  }
}

package pe.gob.pcm.platform.processmap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One process of an entity's map, as in the JSON format of docs/processes/mapa-procesos.md (keys in
 * Spanish: the format is what entities write and what the SGP templates are).
 *
 * @param code {@code codigo}: unique within the map (e.g. "PE01", "PE01.01", "PE01.01.01")
 * @param name {@code nombre}
 * @param level {@code nivel}: 0, 1 or 2
 * @param type {@code tipo}: ESTRATEGICO, MISIONAL or APOYO at level 0; inherited below
 * @param parent {@code padre}: code of the level-(n-1) process it breaks down; null at level 0
 * @param unit {@code unidad}: code of the owner unit in the entity's current ROF/MOP structure
 * @param inputs {@code entradas}
 * @param outputs {@code salidas}
 * @param bpmn {@code bpmn}: the level-2 process drawn as BPMN 2.0 XML; optional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MapProcess(@JsonProperty("codigo") String code, @JsonProperty("nombre") String name,
    @JsonProperty("nivel") Integer level, @JsonProperty("tipo") String type, @JsonProperty("padre") String parent,
    @JsonProperty("unidad") String unit, @JsonProperty("entradas") List<String> inputs,
    @JsonProperty("salidas") List<String> outputs, @JsonProperty("bpmn") String bpmn) {

  public static final String STRATEGIC = "ESTRATEGICO";
  public static final String MISSIONAL = "MISIONAL";
  public static final String SUPPORT = "APOYO";
  /** The three kinds of level-0 process, in the order the map draws them, with their Spanish names. */
  public static final List<String> TYPES = List.of(STRATEGIC, MISSIONAL, SUPPORT);

  @JsonProperty("entradas")
  public List<String> inputs() {
    return inputs == null ? List.of() : inputs;
  }

  @JsonProperty("salidas")
  public List<String> outputs() {
    return outputs == null ? List.of() : outputs;
  }

  public String label() {
    return code + " " + name;
  }

  public MapProcess withBpmn(String xml) {
    return new MapProcess(code, name, level, type, parent, unit, inputs, outputs, xml);
  }

  public static String typeName(String type) {
    return switch (type == null ? "" : type) {
      case STRATEGIC -> "Procesos estratégicos";
      case MISSIONAL -> "Procesos misionales (operativos)";
      case SUPPORT -> "Procesos de apoyo (soporte)";
      default -> "Sin tipo";
    };
  }
}

package pe.gob.pcm.platform.pgo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One unit of a proposed structure, as in the JSON format of docs/processes/pgo.md, whose keys
 * are Spanish (each component's {@code @JsonProperty}): the format is what entities write.
 *
 * @param code {@code codigo}: unique within the structure (e.g. "01", "01.1")
 * @param name {@code nombre}
 * @param kind {@code clase}: ORGANO or UNIDAD_ORGANICA in a ROF; UNIDAD_FUNCIONAL in a MOP
 * @param type {@code tipo}: ALTA_DIRECCION, LINEA, ASESORAMIENTO, APOYO or DESCONCENTRADO
 * @param level {@code nivel}: organisational level, 1 for the first level
 * @param parent {@code padre}: code of the unit it depends on; null for the top
 * @param functions {@code funciones}
 */
public record OrgUnit(@JsonProperty("codigo") String code, @JsonProperty("nombre") String name,
    @JsonProperty("clase") String kind, @JsonProperty("tipo") String type, @JsonProperty("nivel") Integer level,
    @JsonProperty("padre") String parent, @JsonProperty("funciones") List<String> functions) {

  public static final List<String> KINDS = List.of("ORGANO", "UNIDAD_ORGANICA");
  /** The class of every unit of a MOP (a functional structure, not an organic one). */
  public static final String FUNCTIONAL_UNIT = "UNIDAD_FUNCIONAL";
  public static final List<String> TYPES = List.of("ALTA_DIRECCION", "LINEA", "ASESORAMIENTO", "APOYO", "DESCONCENTRADO");

  @JsonProperty("funciones")
  public List<String> functions() {
    return functions == null ? List.of() : functions;
  }

  /** Drawn with a continuous border: an órgano, or a MOP's functional unit. */
  @JsonIgnore
  public boolean isOrgano() {
    return "ORGANO".equals(kind) || FUNCTIONAL_UNIT.equals(kind);
  }

  public String label() {
    return code + " " + name;
  }
}

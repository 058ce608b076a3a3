package pe.gob.pcm.platform.pgo;

import java.util.List;

/**
 * One unit of a proposed structure, as in the JSON format of docs/processes/pgo.md.
 *
 * @param codigo unique within the structure (e.g. "01", "01.1")
 * @param clase ORGANO or UNIDAD_ORGANICA
 * @param tipo ALTA_DIRECCION, LINEA, ASESORAMIENTO, APOYO or DESCONCENTRADO
 * @param nivel organisational level: 1 for the first level
 * @param padre codigo of the unit it depends on; null for the top
 */
public record OrgUnit(String codigo, String nombre, String clase, String tipo, Integer nivel, String padre,
    List<String> funciones) {

  public static final List<String> CLASES = List.of("ORGANO", "UNIDAD_ORGANICA");
  public static final List<String> TIPOS = List.of("ALTA_DIRECCION", "LINEA", "ASESORAMIENTO", "APOYO", "DESCONCENTRADO");

  public List<String> funciones() {
    return funciones == null ? List.of() : funciones;
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isOrgano() {
    return "ORGANO".equals(clase);
  }

  public String label() {
    return codigo + " " + nombre;
  }
}

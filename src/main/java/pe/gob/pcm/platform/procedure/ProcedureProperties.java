package pe.gob.pcm.platform.procedure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.procedures.*}: the rules of standardized procedures that the shared facts do not
 * confirm (docs/processes/procedimientos.md lists each as «sin confirmar»), so configuration and
 * not code.
 *
 * @param adoptionWorkingDays working days after a version's publication within which each entity
 *     must have adopted it; past them the procedure is overdue for the entity
 * @param startAdoptionsOnPublication whether publishing a version starts an adoption for every
 *     active entity of its levels (otherwise each entity starts it on demand)
 * @param sgpEntityRuc the entity (tenant) the catalogue's cycle runs in: the PCM, whose legal office
 *     (group asesoria-legal of that entity) reviews the SGP's proposals
 * @param normTypes the kinds of norm that may approve a standardized procedure, code → Spanish name
 * @param rules what an adoption may differ in from its standard
 */
@ConfigurationProperties(prefix = "platform.procedures")
public record ProcedureProperties(
    @DefaultValue("30") int adoptionWorkingDays,
    @DefaultValue("true") boolean startAdoptionsOnPublication,
    @DefaultValue("20168999926") String sgpEntityRuc,
    @DefaultValue Map<String, String> normTypes,
    @DefaultValue Rules rules) {

  public ProcedureProperties {
    if (adoptionWorkingDays < 1) {
      throw new IllegalArgumentException("platform.procedures.adoption-working-days debe ser 1 o más");
    }
    if (normTypes == null || normTypes.isEmpty()) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("DECRETO_SUPREMO", "Decreto Supremo");
      m.put("RESOLUCION_MINISTERIAL", "Resolución Ministerial");
      m.put("RESOLUCION_SECRETARIAL", "Resolución de Secretaría de Gestión Pública");
      normTypes = java.util.Collections.unmodifiableMap(m);
    } else {
      normTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(normTypes));
    }
  }

  /**
   * @param lowerFeeAllowed an entity may charge less than the standard's fee (never more)
   * @param shorterTermAllowed an entity may promise a shorter term than the standard's (never longer)
   * @param fewerRequirementsAllowed an entity may ask fewer of the standard's requirements (never new ones)
   */
  public record Rules(@DefaultValue("true") boolean lowerFeeAllowed,
      @DefaultValue("true") boolean shorterTermAllowed,
      @DefaultValue("true") boolean fewerRequirementsAllowed) {}
}

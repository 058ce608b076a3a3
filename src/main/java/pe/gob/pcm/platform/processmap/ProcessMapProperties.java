package pe.gob.pcm.platform.processmap;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.process-maps.*}: the rules of the process-map cycle that the shared facts do not
 * confirm (docs/processes/mapa-procesos.md marks each «por confirmar»).
 *
 * @param correctionWorkingDays working days the entity has to answer an observed map; past them the case is archived
 * @param observationCategories the categories an SGP observation on a map can have, code → Spanish name
 * @param approvalInstrument the kind of norm that approves an entity's map (shown in the approval task)
 */
@ConfigurationProperties(prefix = "platform.process-maps")
public record ProcessMapProperties(
    @DefaultValue("10") int correctionWorkingDays,
    @DefaultValue Map<String, String> observationCategories,
    @DefaultValue("Resolución del titular de la entidad") String approvalInstrument) {

  public ProcessMapProperties {
    if (correctionWorkingDays < 1) {
      throw new IllegalArgumentException("platform.process-maps.correction-working-days debe ser 1 o más");
    }
    if (observationCategories == null || observationCategories.isEmpty()) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("NIVELES", "Niveles y desagregación de los procesos");
      m.put("RESPONSABLE", "Unidad responsable (dueño del proceso)");
      m.put("ENTRADAS_SALIDAS", "Entradas y salidas");
      m.put("DIAGRAMA", "Diagrama BPMN");
      m.put("DENOMINACION", "Denominación");
      m.put("ALINEAMIENTO", "Alineamiento con el ROF/MOP y el planeamiento");
      m.put("OTRA", "Otra");
      observationCategories = java.util.Collections.unmodifiableMap(m);
    } else {
      observationCategories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(observationCategories));
    }
  }
}

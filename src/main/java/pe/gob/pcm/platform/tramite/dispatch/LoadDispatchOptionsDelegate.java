package pe.gob.pcm.platform.tramite.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.pide.PideEntities;
import pe.gob.pcm.platform.validation.FieldChecks;

/**
 * Fills the options of "Preparar el documento a enviar" from the PIDE: the entities of the
 * chosen category (getListaEntidad, cached) and the document types (getTipoDocumento, cached).
 * They are JSON variables, which Camunda Forms in Tasklist read as dynamic options (valuesKey).
 * If the PIDE does not answer, starting is refused with the reason (nothing is left behind).
 */
@Component("loadDispatchOptions")
public class LoadDispatchOptionsDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PideEntities pide;

  public LoadDispatchOptionsDelegate(PideEntities pide) {
    this.pide = pide;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    Object raw = execution.getVariable("destinationCategory");
    int category;
    try {
      category = raw == null ? -1 : Integer.parseInt(raw.toString().strip());
    } catch (NumberFormatException e) {
      category = -1;
    }
    FieldChecks checks = new FieldChecks().check("destinationCategory", "Categoría de la entidad destinataria",
        PideEntities.CATEGORIES.containsKey(category) ? null : "elija una categoría de la lista");
    checks.throwIfAny();
    String own = execution.getTenantId();
    List<Map<String, String>> entities = pide.byCategory(category).stream()
        .filter(e -> !e.ruc().equals(own))
        .map(e -> Map.of("label", e.name() + " (RUC " + e.ruc() + ")", "value", e.ruc()))
        .toList();
    List<Map<String, String>> types = pide.documentTypes().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> Map.of("label", e.getValue(), "value", e.getKey()))
        .toList();
    checks.check("destinationCategory", "Categoría de la entidad destinataria", entities.isEmpty()
        ? "la PIDE no informa entidades de esa categoría con las que pueda interoperar (o no responde)" : null);
    checks.check("destinationCategory", "Tipos de documento", types.isEmpty()
        ? "la PIDE no informa los tipos de documento (o no responde)" : null);
    checks.throwIfAny();
    execution.setVariable("entityOptions", SpinValues.jsonValue(JSON.writeValueAsString(entities)).create());
    execution.setVariable("documentTypeOptions", SpinValues.jsonValue(JSON.writeValueAsString(types)).create());
  }
}

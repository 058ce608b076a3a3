package pe.gob.pcm.platform.privacy;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * History level "full" (same id, so existing databases keep it) that never writes the
 * personal-data form fields to the history tables: no ACT_HI_VARINST / ACT_HI_DETAIL rows for
 * the variables below, and no form-field submissions in ACT_HI_DETAIL (the engine does not say
 * which field those are, and the variable history already records every other value).
 * While a process runs, the values are in ACT_RU_VARIABLE; see docs/datos-personales.md.
 */
public class PersonalDataHistoryLevel extends HistoryLevelFull {

  /** Form fields holding a DNI, mobile number or e-mail (Colabora, MPV, document dispatch). */
  public static final Set<String> PERSONAL_DATA_VARIABLES = Set.of(
      "officerDni", "officerEmail", "officerMobile",
      "techDni", "techEmail", "techMobile", "adminDni", "adminEmail", "adminMobile",
      "signerDni");

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
      return false;
    }
    if (entity instanceof VariableInstance variable && PERSONAL_DATA_VARIABLES.contains(variable.getName())) {
      return false;
    }
    return super.isHistoryEventProduced(eventType, entity);
  }
}

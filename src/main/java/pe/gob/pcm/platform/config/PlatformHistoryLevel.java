package pe.gob.pcm.platform.config;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import pe.gob.pcm.platform.privacy.PersonalDataHistoryLevel;
import pe.gob.pcm.platform.tramite.ReceptionProcess;

/**
 * The platform's history level, still "full" (same id and name): {@link PersonalDataHistoryLevel}'s
 * rules, plus one. A PIDE reception starts its process with 14 variables copied from the reception
 * record that the MGD tables keep (iotdtc_recepcion, iotdtm_doc_externo, iotdtd_doc_principal);
 * "full" would write each value three times more (ACT_RU_VARIABLE, ACT_HI_VARINST and an
 * ACT_HI_DETAIL row for its creation). The creation's ACT_HI_DETAIL row is left out for those
 * variables only: the value stays in ACT_HI_VARINST and in the reception record, and every later
 * change of any of them is still written to ACT_HI_DETAIL as usual (docs/configuration.md).
 */
public class PlatformHistoryLevel extends PersonalDataHistoryLevel {

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
        && entity instanceof HistoricVariableUpdateEventEntity detail
        && HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName().equals(detail.getEventType())
        && ReceptionProcess.KEY.equals(detail.getProcessDefinitionKey())
        && ReceptionProcess.RECORD_VARIABLES.contains(detail.getVariableName())) {
      return false;
    }
    return super.isHistoryEventProduced(eventType, entity);
  }
}

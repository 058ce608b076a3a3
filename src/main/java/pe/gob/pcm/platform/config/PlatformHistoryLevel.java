package pe.gob.pcm.platform.config;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import pe.gob.pcm.platform.privacy.PersonalDataHistoryLevel;
import pe.gob.pcm.platform.tramite.ReceptionProcess;

/**
 * The platform's history level, still "full" (same id and name): {@link PersonalDataHistoryLevel}'s
 * rules, plus one. A PIDE reception starts its process with 14 variables copied from the reception
 * record that the MGD tables keep (iotdtc_recepcion, iotdtm_doc_externo, iotdtd_doc_principal);
 * "full" would write each value three times more (ACT_RU_VARIABLE, ACT_HI_VARINST and an
 * ACT_HI_DETAIL row for its creation): 28 of the ~45 engine rows of every document received.
 * Their creation is not written to history: the value is in the reception record, which is the
 * document's register. Any later change of one of them is, as with "full": the engine then writes
 * its ACT_HI_DETAIL row and an ACT_HI_VARINST row with the new value, and marks it deleted when the
 * process ends (docs/configuration.md, docs/performance.md).
 */
public class PlatformHistoryLevel extends PersonalDataHistoryLevel {

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_CREATE
        && entity instanceof VariableInstanceEntity variable
        && ReceptionProcess.RECORD_VARIABLES.contains(variable.getName())
        && isReception(variable.getProcessDefinitionId())) {
      return false;
    }
    return super.isHistoryEventProduced(eventType, entity);
  }

  private static boolean isReception(String processDefinitionId) {
    return processDefinitionId != null && ReceptionProcess.KEY.equals(Context.getProcessEngineConfiguration()
        .getDeploymentCache().findDeployedProcessDefinitionById(processDefinitionId).getKey());
  }
}

package pe.gob.pcm.platform.config;

import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import pe.gob.pcm.platform.history.RecordCopies;
import pe.gob.pcm.platform.privacy.PersonalDataHistoryLevel;

/**
 * The platform's history level, still "full" (same id and name): {@link PersonalDataHistoryLevel}'s
 * rules, plus the features' {@link RecordCopies}: the creation of a variable that copies a
 * feature's own record is not written to history (docs/configuration.md).
 */
public class PlatformHistoryLevel extends PersonalDataHistoryLevel {

  private final List<RecordCopies> copies;

  public PlatformHistoryLevel(List<RecordCopies> copies) {
    this.copies = List.copyOf(copies);
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_CREATE
        && entity instanceof VariableInstanceEntity variable && isCopy(variable)) {
      return false;
    }
    return super.isHistoryEventProduced(eventType, entity);
  }

  private boolean isCopy(VariableInstanceEntity variable) {
    String definitionId = variable.getProcessDefinitionId();
    if (definitionId == null) {
      return false;
    }
    String key = null;
    for (RecordCopies copy : copies) {
      if (copy.variables().contains(variable.getName())) {
        if (key == null) {
          key = Context.getProcessEngineConfiguration().getDeploymentCache()
              .findDeployedProcessDefinitionById(definitionId).getKey();
        }
        if (copy.processKey().equals(key)) {
          return true;
        }
      }
    }
    return false;
  }
}

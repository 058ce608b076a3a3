package pe.gob.pcm.platform.colabora;

import static pe.gob.pcm.platform.colabora.ColaboraProcess.ENTITY_RUC;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.entity.HostedEntities;

/**
 * A rejected or abandoned request leaves nothing behind: the record of an entity that had only
 * asked to join through this request is removed (a hosted entity is never touched).
 */
@Component("withdrawEntityRequest")
public class WithdrawJoinRequestListener implements ExecutionListener {

  private final HostedEntities entities;

  public WithdrawJoinRequestListener(HostedEntities entities) {
    this.entities = entities;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object ruc = execution.getVariable(ENTITY_RUC);
    if (ruc instanceof String value) {
      entities.withdrawRequest(value, execution.getProcessInstanceId());
    }
  }
}

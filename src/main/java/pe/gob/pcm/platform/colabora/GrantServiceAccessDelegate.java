package pe.gob.pcm.platform.colabora;

import static pe.gob.pcm.platform.colabora.ColaboraProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records one PIDE service granted to the entity: which, who approved it, when (idempotent). */
@Component("grantServiceAccess")
public class GrantServiceAccessDelegate implements JavaDelegate {

  private final ColaboraMapper mapper;

  public GrantServiceAccessDelegate(ColaboraMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String service = (String) execution.getVariable(PIDE_SERVICE);
    if (mapper.countServiceAccess(execution.getProcessInstanceId(), service) > 0) {
      return;
    }
    mapper.insertServiceAccess((String) execution.getVariable(ENTITY_RUC), service,
        (String) execution.getVariable(A1_DOCUMENT), (String) execution.getVariable(A1_REVIEWED_BY),
        execution.getProcessInstanceId());
  }
}

package pe.gob.pcm.platform.colabora;

import static pe.gob.pcm.platform.colabora.ColaboraProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.privacy.SealedVariables;

/** Records the entity's master user once the help desk approved the request (idempotent). */
@Component("registerMasterUser")
public class RegisterMasterUserDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterMasterUserDelegate.class);

  private final ColaboraMapper mapper;

  public RegisterMasterUserDelegate(ColaboraMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (mapper.countMasterUser(execution.getProcessInstanceId()) > 0) {
      return;
    }
    mapper.insertMasterUser(new ColaboraMapper.MasterUser(
        (String) execution.getVariable(ENTITY_RUC),
        (String) execution.getVariable(ENTITY_NAME),
        (String) execution.getVariable(OFFICER_NAME),
        SealedVariables.open(execution, OFFICER_DNI),
        (String) execution.getVariable(OFFICER_POSITION),
        SealedVariables.open(execution, OFFICER_EMAIL),
        SealedVariables.open(execution, OFFICER_MOBILE),
        (String) execution.getVariable(INITIATOR),
        (String) execution.getVariable(REVIEWED_BY),
        execution.getProcessInstanceId()));
    // masked in the log output (LogMasking); stored encrypted (ColaboraMapper)
    LOG.info("Colabora: usuario máster de la entidad {} registrado (DNI {}, correo {}, celular {})",
        execution.getVariable(ENTITY_RUC), SealedVariables.open(execution, OFFICER_DNI),
        SealedVariables.open(execution, OFFICER_EMAIL), SealedVariables.open(execution, OFFICER_MOBILE));
    // persisted (encrypted): no later step needs them as process variables
    execution.removeVariables(java.util.List.of(OFFICER_DNI, OFFICER_EMAIL, OFFICER_MOBILE));
  }
}

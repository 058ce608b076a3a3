package pe.gob.pcm.platform.colabora;

import static pe.gob.pcm.platform.colabora.ColaboraProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.account.Accounts;
import pe.gob.pcm.platform.entity.EntityState;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.privacy.SealedVariables;
import pe.gob.pcm.platform.security.Role;

/**
 * Once the help desk approved the request, in the engine's transaction: an entity that had only
 * asked to join becomes hosted (its tenant is made), the master user is recorded and gets its
 * account {@code maestro.<RUC>} in the entity with a one-time link to choose its password, mailed
 * to the officer after the commit. Safe to repeat: a retried step creates nothing twice.
 */
@Component("registerMasterUser")
public class RegisterMasterUserDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterMasterUserDelegate.class);

  private final ColaboraMapper mapper;
  private final HostedEntities entities;
  private final Accounts accounts;

  public RegisterMasterUserDelegate(ColaboraMapper mapper, HostedEntities entities, Accounts accounts) {
    this.mapper = mapper;
    this.entities = entities;
    this.accounts = accounts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (mapper.countMasterUser(execution.getProcessInstanceId()) > 0) {
      return;
    }
    String ruc = (String) execution.getVariable(ENTITY_RUC);
    String approvedBy = (String) execution.getVariable(REVIEWED_BY);
    if (entities.find(ruc).filter(row -> row.state() == EntityState.SOLICITANTE).isPresent()) {
      entities.activateRequest(ruc, approvedBy, execution.getProcessInstanceId());
    }
    String entityName = (String) execution.getVariable(ENTITY_NAME);
    accounts.ensureEntityUser(ruc, new Accounts.NewAccount(MASTER_USER_PREFIX + ruc,
        (String) execution.getVariable(OFFICER_NAME), entityName.length() > 100 ? entityName.substring(0, 100) : entityName,
        SealedVariables.open(execution, OFFICER_EMAIL)), Role.USUARIO_MAESTRO);
    execution.setVariable(MASTER_USER_ID, MASTER_USER_PREFIX + ruc);
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

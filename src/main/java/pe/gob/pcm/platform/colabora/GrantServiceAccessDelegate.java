package pe.gob.pcm.platform.colabora;

import static pe.gob.pcm.platform.colabora.ColaboraProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.pide.credential.PideCredentials;

/**
 * Records one PIDE service granted to the entity (which, who approved it, when) and issues the
 * entity its credential for that service, whose secret the master user sees once through a
 * one-time link (docs/credenciales-pide.md). Idempotent: a retried step grants and issues once.
 */
@Component("grantServiceAccess")
public class GrantServiceAccessDelegate implements JavaDelegate {

  private final ColaboraMapper mapper;
  private final PideCredentials credentials;

  public GrantServiceAccessDelegate(ColaboraMapper mapper, PideCredentials credentials) {
    this.mapper = mapper;
    this.credentials = credentials;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String service = (String) execution.getVariable(PIDE_SERVICE);
    String ruc = (String) execution.getVariable(ENTITY_RUC);
    String reviewer = (String) execution.getVariable(A1_REVIEWED_BY);
    if (mapper.countServiceAccess(execution.getProcessInstanceId(), service) == 0) {
      mapper.insertServiceAccess(ruc, service, (String) execution.getVariable(A1_DOCUMENT), reviewer,
          execution.getProcessInstanceId());
    }
    String master = (String) execution.getVariable(MASTER_USER_ID);
    credentials.issue(ruc, service, execution.getProcessInstanceId(), reviewer,
        master != null ? master : MASTER_USER_PREFIX + ruc);
  }
}

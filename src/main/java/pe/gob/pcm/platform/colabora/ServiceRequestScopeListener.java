package pe.gob.pcm.platform.colabora;

import static pe.gob.pcm.platform.colabora.ColaboraProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of each of the three parallel service requests. Declares their variables locally so
 * that one request's form (its A-1, decision, observation) never overwrites another's.
 */
@Component("serviceRequestScope")
public class ServiceRequestScopeListener implements ExecutionListener {

  private final PideServices services;

  public ServiceRequestScopeListener(PideServices services) {
    this.services = services;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariableLocal(PIDE_SERVICE_NAME,
        services.nameOf((String) execution.getVariable(PIDE_SERVICE)));
    for (String name : new String[] {A1_DOCUMENT, A1_SIGNATURE_VALID, A1_SIGNATURE_PROBLEM,
        A1_DECISION, A1_OBSERVATION, A1_REVIEWED_BY}) {
      execution.setVariableLocal(name, null);
    }
  }
}

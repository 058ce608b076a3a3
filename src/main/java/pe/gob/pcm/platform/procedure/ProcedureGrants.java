package pe.gob.pcm.platform.procedure;

import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.security.ProcessGrants;
import pe.gob.pcm.platform.security.Role;

/**
 * Standardized procedures: the SGP's evaluators formulate them (the cycle in the SGP's entity),
 * each entity's planning office adopts them (also on demand, from Tasklist), the SGP sees both.
 */
@Component
class ProcedureGrants implements ProcessGrants {

  @Override
  public void grant(Grants grants) {
    grants.mayStart(Role.SGP_EVALUADOR, ProcedureProcess.KEY);
    grants.maySee(Role.SGP_EVALUADOR, ProcedureProcess.KEY);
    grants.maySee(Role.SGP_SUPERVISOR, ProcedureProcess.KEY);
    grants.mayStart(Role.OGPP, ProcedureProcess.ADOPTION_KEY);
    grants.maySee(Role.SGP_EVALUADOR, ProcedureProcess.ADOPTION_KEY);
    grants.maySee(Role.SGP_SUPERVISOR, ProcedureProcess.ADOPTION_KEY);
  }
}

package pe.gob.pcm.platform.pgo;

import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.security.ProcessGrants;
import pe.gob.pcm.platform.security.Role;

/** ROF/MOP: formulated by the entity's planning office, evaluated by the SGP, whose supervisor assigns the cases. */
@Component
class PgoGrants implements ProcessGrants {

  @Override
  public void grant(Grants grants) {
    grants.mayStart(Role.OGPP, PgoProcess.KEY);
    grants.maySee(Role.SGP_EVALUADOR, PgoProcess.KEY);
    grants.maySee(Role.SGP_SUPERVISOR, PgoProcess.KEY);
    // The supervisor reassigns evaluations, also by changing a task's assignee in Tasklist.
    grants.grant(Role.SGP_SUPERVISOR, org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, PgoProcess.KEY,
        org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK,
        org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_ASSIGN);
  }
}

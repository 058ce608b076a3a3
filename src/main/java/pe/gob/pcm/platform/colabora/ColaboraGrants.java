package pe.gob.pcm.platform.colabora;

import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.security.ProcessGrants;
import pe.gob.pcm.platform.security.Role;

/**
 * Any entity user, and a self-registered requester whose entity is not hosted yet, may ask for the Colabora master user (the DMN decides eligibility); the SGTD help desk reviews. */
@Component
class ColaboraGrants implements ProcessGrants {

  @Override
  public void grant(Grants grants) {
    for (Role role : Role.values()) {
      if (role.side() == Role.Side.ENTITY) {
        grants.mayStart(role, ColaboraProcess.KEY);
      }
    }
    // a requester (no entity yet) lists and starts Colabora only; it sees its own tasks, no instance
    grants.grant(Role.SOLICITANTE, org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION,
        ColaboraProcess.KEY, org.camunda.bpm.engine.authorization.Permissions.READ,
        org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE);
    grants.maySee(Role.SGTD_MESA_AYUDA, ColaboraProcess.KEY);
  }
}

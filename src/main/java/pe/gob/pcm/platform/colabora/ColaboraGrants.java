package pe.gob.pcm.platform.colabora;

import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.security.ProcessGrants;
import pe.gob.pcm.platform.security.Role;

/** Any entity user may ask for the Colabora master user (the DMN decides eligibility); the SGTD help desk reviews. */
@Component
class ColaboraGrants implements ProcessGrants {

  @Override
  public void grant(Grants grants) {
    for (Role role : Role.values()) {
      if (role.side() == Role.Side.ENTITY) {
        grants.mayStart(role, ColaboraProcess.KEY);
      }
    }
    grants.maySee(Role.SGTD_MESA_AYUDA, ColaboraProcess.KEY);
  }
}

package pe.gob.pcm.platform.pgo;

import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.security.ProcessGrants;
import pe.gob.pcm.platform.security.Role;

/** ROF/MOP: formulated by the entity's planning office, evaluated by the SGP. */
@Component
class PgoGrants implements ProcessGrants {

  @Override
  public void grant(Grants grants) {
    grants.mayStart(Role.OGPP, PgoProcess.KEY);
    grants.maySee(Role.SGP_EVALUADOR, PgoProcess.KEY);
    grants.maySee(Role.SGP_SUPERVISOR, PgoProcess.KEY);
  }
}

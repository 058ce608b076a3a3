package pe.gob.pcm.platform.processmap;

import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.security.ProcessGrants;
import pe.gob.pcm.platform.security.Role;

/** The entity's planning office opens its map case; the SGP's evaluators and supervisor see every case. */
@Component
class ProcessMapGrants implements ProcessGrants {

  @Override
  public void grant(Grants grants) {
    grants.mayStart(Role.OGPP, ProcessMapProcess.KEY);
    grants.maySee(Role.SGP_EVALUADOR, ProcessMapProcess.KEY);
    grants.maySee(Role.SGP_SUPERVISOR, ProcessMapProcess.KEY);
  }
}

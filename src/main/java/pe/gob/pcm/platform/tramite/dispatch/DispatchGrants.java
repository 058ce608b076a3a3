package pe.gob.pcm.platform.tramite.dispatch;

import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.security.ProcessGrants;
import pe.gob.pcm.platform.security.Role;

/** Sending documents to other entities: the entity's Mesa de Partes and Trámite Documentario. */
@Component
class DispatchGrants implements ProcessGrants {

  @Override
  public void grant(Grants grants) {
    grants.mayStart(Role.MESA_PARTES, DispatchProcess.KEY);
    grants.mayStart(Role.TRAMITE_DOCUMENTARIO, DispatchProcess.KEY);
  }
}

package pe.gob.pcm.platform.mpv;

import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.security.ProcessGrants;
import pe.gob.pcm.platform.security.Role;

/** MPV test-to-production: declared by the entity's IT or Trámite Documentario, followed by the SGTD help desk. */
@Component
class MpvGrants implements ProcessGrants {

  @Override
  public void grant(Grants grants) {
    grants.mayStart(Role.TI, MpvProcess.KEY);
    grants.mayStart(Role.TRAMITE_DOCUMENTARIO, MpvProcess.KEY);
    grants.maySee(Role.SGTD_MESA_AYUDA, MpvProcess.KEY);
  }
}

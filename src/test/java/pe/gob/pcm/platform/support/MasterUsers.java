package pe.gob.pcm.platform.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import pe.gob.pcm.platform.security.Role;

/**
 * An entity's master user ({@code maestro.<RUC>}, as Colabora names it) with a password the test
 * knows: created if missing (Colabora's approval may have made it already, with a password
 * nobody knows), given {@link #PASSWORD}, the group usuario-maestro and the entity's tenant.
 */
public final class MasterUsers {

  /** The demo users' password, so that the journeys' Tasklist login works for it too. */
  public static final String PASSWORD = "demo";

  private MasterUsers() {}

  public static String ensure(IdentityService identity, String ruc) {
    String userId = "maestro." + ruc;
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      user = identity.newUser(userId);
      user.setFirstName("Usuario máster");
      user.setLastName("Entidad " + ruc);
      user.setEmail(userId + "@demo.gob.pe");
    }
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.unlockUser(userId);
    if (identity.createUserQuery().userId(userId).memberOfGroup(Role.USUARIO_MAESTRO.groupId()).count() == 0) {
      identity.createMembership(userId, Role.USUARIO_MAESTRO.groupId());
    }
    if (identity.createTenantQuery().tenantId(ruc).userMember(userId).count() == 0) {
      identity.createTenantUserMembership(ruc, userId);
    }
    return userId;
  }
}

package pe.gob.pcm.platform.support;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.security.PlatformUser;

/**
 * Runs engine calls as a demo user, with the groups and tenants Camunda knows for them, so
 * authorization and tenant checks apply exactly as for a Tasklist or REST user.
 */
@Component
public class Actors {

  public static final String PCM_RUC = "20168999926";
  public static final String MUNI_RUC = "20601234565";

  private final IdentityService identity;

  public Actors(IdentityService identity) {
    this.identity = identity;
  }

  public PlatformUser user(String userId) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
        .list().stream().map(Tenant::getId).toList();
    return new PlatformUser(userId, groups, tenants);
  }

  public <T> T as(String userId, Supplier<T> work) {
    PlatformUser user = user(userId);
    identity.setAuthentication(user.id(), user.groupIds(), user.tenantIds());
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  public void as(String userId, Runnable work) {
    as(userId, () -> {
      work.run();
      return null;
    });
  }
}

package pe.gob.pcm.platform.security;

import java.util.List;

/** The person behind a request to the platform's own endpoints, with Camunda's groups and tenants. */
public record PlatformUser(String id, List<String> groupIds, List<String> tenantIds) {

  public static final String REQUEST_ATTRIBUTE = "pe.gob.pcm.platform.security.PlatformUser";

  public boolean isAdmin() {
    return groupIds.contains(Role.ADMIN_GROUP);
  }

  public boolean isPcmSide() {
    for (Role role : Role.values()) {
      if (role.side() == Role.Side.PCM && groupIds.contains(role.groupId())) {
        return true;
      }
    }
    return false;
  }

  /** The single entity an entity user belongs to, or null (PCM-side users serve many). */
  public String entityRuc() {
    return !isPcmSide() && tenantIds.size() == 1 && !Role.REQUESTER_TENANT.equals(tenantIds.get(0))
        ? tenantIds.get(0) : null;
  }

  /** Registers, suspends and reactivates entities and revokes their PIDE credentials. */
  public boolean administersEntities() {
    return isAdmin() || hasRole(Role.SGTD_ADMINISTRADOR);
  }

  public boolean hasRole(Role role) {
    return groupIds.contains(role.groupId());
  }
}

package pe.gob.pcm.platform.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Identity writes with directory login: tenants and tenant memberships go to the database as
 * usual; users, groups and group memberships are refused (they are the directory's).
 *
 * <p>The engine's tenant-membership table refers to its user and group tables, so a membership of
 * a directory user or group first records a reference row for it there: the id and names copied
 * from the directory, never a password (logins are always checked against the directory).
 */
class DirectoryTenantWriter extends DbIdentityServiceProvider {

  static final String READ_ONLY =
      "Los usuarios y grupos se administran en el directorio (LDAP), no en la plataforma.";

  @Override
  public UserEntity createNewUser(String userId) {
    throw readOnly();
  }

  @Override
  public IdentityOperationResult saveUser(User user) {
    throw readOnly();
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    throw readOnly();
  }

  @Override
  public IdentityOperationResult unlockUser(String userId) {
    throw readOnly();
  }

  @Override
  public GroupEntity createNewGroup(String groupId) {
    throw readOnly();
  }

  @Override
  public IdentityOperationResult saveGroup(Group group) {
    throw readOnly();
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    throw readOnly();
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    throw readOnly();
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    throw readOnly();
  }

  @Override
  public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
    if (findUserById(userId) == null) {
      User person = directory().findUserById(userId);
      if (person == null) {
        throw new BadUserRequestException("El usuario " + userId + " no existe en el directorio (LDAP).");
      }
      UserEntity reference = new UserEntity(userId);
      reference.setFirstName(person.getFirstName());
      reference.setLastName(person.getLastName());
      reference.setEmail(person.getEmail());
      getDbEntityManager().insert(reference);
    }
    return super.createTenantUserMembership(tenantId, userId);
  }

  /**
   * The group need not be in the directory yet (a role group the directory has not created): the
   * membership takes effect for its members once it is.
   */
  @Override
  public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
    if (findGroupById(groupId) == null) {
      Group group = directory().findGroupById(groupId);
      GroupEntity reference = new GroupEntity(groupId);
      reference.setName(group == null ? groupId : group.getName());
      reference.setType(group == null ? null : group.getType());
      getDbEntityManager().insert(reference);
    }
    return super.createTenantGroupMembership(tenantId, groupId);
  }

  private static ReadOnlyIdentityProvider directory() {
    return Context.getCommandContext().getReadOnlyIdentityProvider();
  }

  private static BadUserRequestException readOnly() {
    return new BadUserRequestException(READ_ONLY);
  }
}

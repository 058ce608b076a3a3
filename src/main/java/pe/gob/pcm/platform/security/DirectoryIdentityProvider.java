package pe.gob.pcm.platform.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;

/**
 * Reads people and groups from the directory (the LDAP plugin's session) and tenants from the
 * database. The LDAP plugin ignores "member of tenant" in its user and group queries (it would
 * list everyone); here those queries keep only the members recorded in the database.
 */
class DirectoryIdentityProvider extends LdapIdentityProviderSession {

  private final DbReadOnlyIdentityServiceProvider database = new DbReadOnlyIdentityServiceProvider();

  DirectoryIdentityProvider(LdapConfiguration configuration) {
    super(configuration);
  }

  DbReadOnlyIdentityServiceProvider database() {
    return database;
  }

  // --- tenants: the database -------------------------------------------------------------------

  @Override
  public TenantQuery createTenantQuery() {
    return new DirectoryTenantQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public TenantQuery createTenantQuery(CommandContext commandContext) {
    return new DirectoryTenantQuery();
  }

  @Override
  public Tenant findTenantById(String id) {
    return database.findTenantById(id);
  }

  /** The ids of the directory groups the user belongs to. */
  List<String> groupIdsOf(String userId) {
    return createGroupQuery(Context.getCommandContext()).groupMember(userId).list().stream()
        .map(Group::getId).toList();
  }

  // --- users and groups: the directory, "member of tenant" from the database ----------------------

  @Override
  public List<User> findUserByQueryCriteria(LdapUserQueryImpl query) {
    List<User> found = super.findUserByQueryCriteria(query);
    if (query.getTenantId() == null) {
      return found;
    }
    DbUserQueryImpl members = new DbUserQueryImpl();
    members.memberOfTenant(query.getTenantId());
    Set<String> ids = database.findUserByQueryCriteria(members).stream().map(User::getId)
        .collect(Collectors.toSet());
    return found.stream().filter(user -> ids.contains(user.getId())).toList();
  }

  @Override
  public List<Group> findGroupByQueryCriteria(LdapGroupQuery query) {
    List<Group> found = super.findGroupByQueryCriteria(query);
    if (query.getTenantId() == null) {
      return found;
    }
    DbGroupQueryImpl members = new DbGroupQueryImpl();
    members.memberOfTenant(query.getTenantId());
    Set<String> ids = database.findGroupByQueryCriteria(members).stream().map(Group::getId)
        .collect(Collectors.toSet());
    return found.stream().filter(group -> ids.contains(group.getId())).toList();
  }
}

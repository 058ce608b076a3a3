package pe.gob.pcm.platform.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.identity.db.DbTenantQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * A tenant query run on the database. "The user's tenants, including those of its groups" (what
 * a login asks, to know which entities the user works for) takes the groups from the directory:
 * the database's own version of that query joins the database's group memberships, which the
 * directory's users do not have.
 */
class DirectoryTenantQuery extends DbTenantQueryImpl {

  private static final long serialVersionUID = 1L;

  DirectoryTenantQuery() {
    super();
  }

  DirectoryTenantQuery(CommandExecutor executor) {
    super(executor);
  }

  @Override
  public long executeCount(CommandContext context) {
    if (!withDirectoryGroups()) {
      return provider(context).database().findTenantCountByQueryCriteria(this);
    }
    return union(context).size();
  }

  @Override
  public List<Tenant> executeList(CommandContext context, Page page) {
    if (!withDirectoryGroups()) {
      return provider(context).database().findTenantByQueryCriteria(this);
    }
    List<Tenant> all = union(context);
    int from = Math.min(Math.max(getFirstResult(), 0), all.size());
    int to = (int) Math.min((long) from + Math.max(getMaxResults(), 0), all.size());
    return new ArrayList<>(all.subList(from, to));
  }

  private boolean withDirectoryGroups() {
    return userId != null && includingGroups;
  }

  /** The user's own memberships plus those of each of its directory groups, ordered by id. */
  private List<Tenant> union(CommandContext context) {
    DirectoryIdentityProvider provider = provider(context);
    Map<String, Tenant> found = new LinkedHashMap<>();
    DirectoryTenantQuery own = sameCriteria();
    own.userMember(userId);
    provider.database().findTenantByQueryCriteria(own).forEach(t -> found.putIfAbsent(t.getId(), t));
    for (String group : provider.groupIdsOf(userId)) {
      DirectoryTenantQuery ofGroup = sameCriteria();
      ofGroup.groupMember(group);
      provider.database().findTenantByQueryCriteria(ofGroup).forEach(t -> found.putIfAbsent(t.getId(), t));
    }
    List<Tenant> all = new ArrayList<>(found.values());
    all.sort(Comparator.comparing(Tenant::getId));
    return all;
  }

  /** A query with this one's tenant criteria and no member criteria. */
  private DirectoryTenantQuery sameCriteria() {
    DirectoryTenantQuery copy = new DirectoryTenantQuery();
    copy.id = id;
    copy.ids = ids;
    copy.name = name;
    copy.nameLike = nameLike;
    copy.groupId = groupId;
    return copy;
  }

  private static DirectoryIdentityProvider provider(CommandContext context) {
    return (DirectoryIdentityProvider) context.getReadOnlyIdentityProvider();
  }
}

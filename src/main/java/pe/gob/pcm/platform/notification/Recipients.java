package pe.gob.pcm.platform.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import pe.gob.pcm.platform.security.Role;

/**
 * Who is told about a task: its assignee; or, while nobody has it, its candidate users and the
 * members of its candidate groups who belong to the task's entity (tenant). A group that serves
 * every entity (the PCM side of {@link Role}, or any group made a member of the task's tenant)
 * is told whatever the entity. People without an e-mail address are left out.
 */
final class Recipients {

  private static final int PAGE = 500;

  private final IdentityService identity;

  Recipients(IdentityService identity) {
    this.identity = identity;
  }

  Optional<Recipient> user(String userId) {
    User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
    return Recipient.reachable(user) ? Optional.of(Recipient.of(user)) : Optional.empty();
  }

  List<Recipient> of(Task task, Iterable<? extends IdentityLink> links) {
    if (task.getAssignee() != null) {
      return user(task.getAssignee()).map(List::of).orElse(List.of());
    }
    Map<String, Recipient> found = new LinkedHashMap<>();
    for (IdentityLink link : links) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        user(link.getUserId()).ifPresent(r -> found.putIfAbsent(r.userId(), r));
      }
      if (link.getGroupId() != null) {
        for (Recipient member : members(link.getGroupId(), task.getTenantId())) {
          found.putIfAbsent(member.userId(), member);
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  /** The group's members who work for the entity {@code tenantId} (all of them for null). */
  List<Recipient> members(String groupId, String tenantId) {
    boolean everyone = tenantId == null || servesEveryEntity(groupId, tenantId);
    List<Recipient> members = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      UserQuery query = identity.createUserQuery().memberOfGroup(groupId);
      if (!everyone) {
        query.memberOfTenant(tenantId);
      }
      List<User> page = query.orderByUserId().asc().listPage(first, PAGE);
      page.stream().filter(Recipient::reachable).map(Recipient::of).forEach(members::add);
      if (page.size() < PAGE) {
        return members;
      }
    }
  }

  private boolean servesEveryEntity(String groupId, String tenantId) {
    for (Role role : Role.values()) {
      if (role.groupId().equals(groupId)) {
        return role.side() == Role.Side.PCM;
      }
    }
    return identity.createTenantQuery().tenantId(tenantId).groupMember(groupId).count() > 0;
  }
}

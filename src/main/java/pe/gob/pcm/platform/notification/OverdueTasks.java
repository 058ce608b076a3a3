package pe.gob.pcm.platform.notification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import pe.gob.pcm.platform.security.Role;

/**
 * A person's overdue tasks, as Tasklist would list them to them: due before now, and either
 * assigned to them or, unassigned, offered to them or to one of their groups in one of their
 * entities (or in none). Three queries, each bounded; nothing is read beyond the page asked for.
 */
final class OverdueTasks {

  /** The first tasks (oldest deadline first) and how many there are in all. */
  record Overdue(List<Task> first, long total) {}

  private final TaskService tasks;
  private final IdentityService identity;

  OverdueTasks(TaskService tasks, IdentityService identity) {
    this.tasks = tasks;
    this.identity = identity;
  }

  long count(String userId, Date now) {
    long count = 0;
    for (TaskQuery query : queries(userId, now)) {
      count += query.count();
    }
    return count;
  }

  Overdue of(String userId, Date now, int limit) {
    List<Task> first = new ArrayList<>();
    long total = 0;
    for (TaskQuery query : queries(userId, now)) {
      long count = query.count();
      total += count;
      if (count > 0) {
        first.addAll(query.orderByDueDate().asc().orderByTaskId().asc().listPage(0, limit));
      }
    }
    first.sort(Comparator.comparing(Task::getDueDate).thenComparing(Task::getId));
    return new Overdue(first.size() > limit ? List.copyOf(first.subList(0, limit)) : first, total);
  }

  /**
   * Disjoint: assigned to them; unassigned without entity; unassigned in one of their entities.
   * A member of a PCM-side group belongs to every entity (through that group): their offered
   * tasks are read without the entity filter, not with the list of every hosted entity.
   */
  private List<TaskQuery> queries(String userId, Date now) {
    List<TaskQuery> queries = new ArrayList<>();
    queries.add(tasks.createTaskQuery().active().taskAssignee(userId).dueBefore(now));
    if (servesEveryEntity(userId)) {
      queries.add(tasks.createTaskQuery().active().taskCandidateUser(userId).dueBefore(now));
      return queries;
    }
    queries.add(tasks.createTaskQuery().active().taskCandidateUser(userId).withoutTenantId().dueBefore(now));
    String[] tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toArray(String[]::new);
    if (tenants.length > 0) {
      queries.add(tasks.createTaskQuery().active().taskCandidateUser(userId).tenantIdIn(tenants).dueBefore(now));
    }
    return queries;
  }

  private boolean servesEveryEntity(String userId) {
    String[] pcmGroups = java.util.Arrays.stream(Role.values()).filter(r -> r.side() == Role.Side.PCM)
        .map(Role::groupId).toArray(String[]::new);
    return identity.createGroupQuery().groupMember(userId).groupIdIn(pcmGroups).count() > 0;
  }
}

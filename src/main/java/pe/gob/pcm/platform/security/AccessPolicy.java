package pe.gob.pcm.platform.security;


import java.util.List;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may do what, applied at every start and safe to repeat: the role groups, their Camunda
 * authorizations (the common ones here, each procedure's from its feature's {@link ProcessGrants})
 * and the Tasklist filters. Every group that a procedure's BPMN names as a candidate group reads
 * that procedure's tasks (within its tenants) by a grant on the definition ({@link TaskReaders});
 * the right to work on a task is the task's own, which the engine grants to its assignee and
 * candidate groups when it is created.
 */
@Component
@Order(20)
public class AccessPolicy implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AccessPolicy.class);
  private static final String ALL = ANY;

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final List<ProcessGrants> features;
  private final RepositoryService repository;
  private final TaskReaders taskReaders;
  /** With directory login (profile ldap) the groups are the directory's: never created here. */
  private final boolean groupsFromDirectory;

  public AccessPolicy(IdentityService identity, AuthorizationService authorizations,
      FilterService filters, TaskService tasks, List<ProcessGrants> features,
      ObjectProvider<DirectoryIdentityPlugin> directory, RepositoryService repository, TaskReaders taskReaders) {
    this.repository = repository;
    this.taskReaders = taskReaders;
    this.groupsFromDirectory = directory.getIfAvailable() != null;
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.features = features;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Role role : Role.values()) {
      ensureGroup(role);
      grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(role, Resources.PROCESS_INSTANCE, ALL, Permissions.CREATE);
    }
    ensureRequesterTenant();
    for (Role role : Role.values()) {
      if (role.side() == Role.Side.ENTITY) {
        // The tenant check narrows "every definition" to the user's own entity.
        grant(role, Resources.PROCESS_DEFINITION, ALL,
            Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
      }
    }
    for (ProcessGrants feature : features) {
      feature.grant(this::grant);
    }
    grant(Role.GERENCIA, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Role.GERENCIA, Resources.PROCESS_DEFINITION, ALL,
        Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
    grant(Role.GERENCIA, Resources.DECISION_DEFINITION, ALL, Permissions.READ, Permissions.READ_HISTORY);
    grant(Role.GERENCIA, Resources.DEPLOYMENT, ALL, Permissions.READ);

    grantTaskReading();
    ensureFilters();
  }

  /**
   * READ_TASK on each deployed procedure for the role groups its user tasks name as candidate
   * groups (never the requesters': they share one tenant, each sees only its own tasks).
   */
  private void grantTaskReading() {
    Map<String, Role> roles = Stream.of(Role.values()).filter(r -> r.side() != Role.Side.REQUESTER)
        .collect(Collectors.toMap(Role::groupId, r -> r));
    Map<String, Set<String>> readers = new HashMap<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
        for (String group : task.getCamundaCandidateGroupsList()) {
          if (roles.containsKey(group)) {
            readers.computeIfAbsent(definition.getKey(), k -> new HashSet<>()).add(group);
          }
        }
      }
    }
    readers.forEach((key, groups) -> groups.forEach(
        group -> grant(roles.get(group), Resources.PROCESS_DEFINITION, key, Permissions.READ_TASK)));
    taskReaders.set(readers);
    LOG.info("Lectura de tareas por procedimiento: {}", readers);
  }

  private void ensureGroup(Role role) {
    if (identity.createGroupQuery().groupId(role.groupId()).count() == 0) {
      if (groupsFromDirectory) {
        // its grants below apply as soon as the directory has the group
        LOG.warn("El grupo {} ({}) no existe en el directorio (LDAP): nadie tiene ese rol hasta que se cree allí",
            role.groupId(), role.displayName());
        return;
      }
      Group group = identity.newGroup(role.groupId());
      group.setName(role.displayName());
      group.setType(role.side() == Role.Side.PCM ? "PCM" : role.side() == Role.Side.ENTITY ? "ENTIDAD" : "SOLICITANTE");
      identity.saveGroup(group);
    }
  }

  /** The tenant of requests from entities not hosted yet, served by the PCM-side groups. */
  private void ensureRequesterTenant() {
    if (identity.createTenantQuery().tenantId(Role.REQUESTER_TENANT).count() == 0) {
      org.camunda.bpm.engine.identity.Tenant tenant = identity.newTenant(Role.REQUESTER_TENANT);
      tenant.setName("Solicitudes de entidades por incorporar");
      identity.saveTenant(tenant);
    }
    for (Role role : Role.values()) {
      if (role.side() == Role.Side.PCM && identity.createTenantQuery().tenantId(Role.REQUESTER_TENANT)
          .groupMember(role.groupId()).count() == 0) {
        identity.createTenantGroupMembership(Role.REQUESTER_TENANT, role.groupId());
      }
    }
  }

  private void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = authorizations.createAuthorizationQuery()
        .groupIdIn(role.groupId()).resourceType(resource).resourceId(resourceId)
        .singleResult();
    if (auth == null) {
      auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(role.groupId());
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    boolean changed = auth.getId() == null;
    for (Permission permission : permissions) {
      if (!auth.isPermissionGranted(permission)) {
        auth.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(auth);
    }
  }

  /** Two Tasklist filters every user sees: own tasks and the tasks offered to their groups. */
  private void ensureFilters() {
    ensureFilter("Mis tareas", -10, "Tareas asignadas a mí",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensureFilter("Tareas de mis grupos", 0, "Tareas sin asignar de mis grupos",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .taskUnassigned());
  }

  private void ensureFilter(String name, int priority, String description,
      org.camunda.bpm.engine.task.TaskQuery query) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter != null) {
      return;
    }
    filter = filters.newTaskFilter(name)
        .setProperties(Map.of("priority", priority, "description", description, "refresh", true))
        .setQuery(query);
    filters.saveFilter(filter);
    Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
    auth.setUserId(ANY);
    auth.setResource(Resources.FILTER);
    auth.setResourceId(filter.getId());
    auth.addPermission(Permissions.READ);
    authorizations.saveAuthorization(auth);
  }
}

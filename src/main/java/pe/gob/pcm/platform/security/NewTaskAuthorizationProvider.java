package pe.gob.pcm.platform.security;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's own authorization provider, minus one query. When a user task gets its candidate
 * group or assignee, the engine grants that group or user access to the task, first looking in
 * the database for a grant to extend. For a task created in the same command (every task a
 * process reaches: the Mesa de Partes task of each received document) no grant can exist yet,
 * since nothing outside the command knows the task's id: the lookup is skipped and a grant is
 * created, as the engine does when the lookup finds nothing. Tasks that already exist are
 * looked up as before.
 *
 * <p>And a candidate group that reads the procedure's tasks by a grant on its definition
 * ({@link TaskReaders}) gets on each task only the right to work on it (Camunda's default task
 * permission), not {@code READ}: the task query's authorization check reads the grants with
 * {@code READ} of the user and its groups, and with one such grant per task a query of one
 * entity's user read the grants of every entity's tasks of the role. Who may work on a task is
 * unchanged: still the candidate group of that task only.
 */
public class NewTaskAuthorizationProvider extends DefaultAuthorizationProvider {

  private final TaskReaders readers;

  public NewTaskAuthorizationProvider(TaskReaders readers) {
    this.readers = readers;
  }

  @Override
  protected AuthorizationEntity[] createOrUpdateAuthorizationsByGroupId(Task task, String groupId) {
    if (isEnforceSpecificVariablePermission() || isHistoricInstancePermissionsEnabled()
        || !readers.readsByDefinition(processDefinitionKey(task), groupId)) {
      return super.createOrUpdateAuthorizationsByGroupId(task, groupId);
    }
    return new AuthorizationEntity[] {
        createOrUpdateAuthorization(task, null, groupId, Resources.TASK, false, getDefaultUserPermissionForTask())};
  }

  private static String processDefinitionKey(Task task) {
    if (task instanceof TaskEntity entity && entity.getProcessDefinitionId() != null) {
      ProcessDefinitionEntity definition = entity.getProcessDefinition();
      return definition == null ? null : definition.getKey();
    }
    return null;
  }

  @Override
  protected AuthorizationEntity getGrantAuthorization(String taskId, String userId, String groupId,
      Resource resource) {
    if (isTaskOfThisCommand(resource, taskId)) {
      return null;
    }
    return super.getGrantAuthorization(taskId, userId, groupId, resource);
  }

  static boolean isTaskOfThisCommand(Resource resource, String taskId) {
    CommandContext context = Context.getCommandContext();
    if (taskId == null || context == null || resource.resourceType() != Resources.TASK.resourceType()) {
      return false;
    }
    DbEntityManager entities = context.getDbEntityManager();
    TaskEntity task = entities.getCachedEntity(TaskEntity.class, taskId);
    return task != null && entities.getDbEntityCache().isTransient(task);
  }
}

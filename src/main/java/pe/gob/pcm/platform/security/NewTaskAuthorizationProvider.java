package pe.gob.pcm.platform.security;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Camunda's own authorization provider, minus one query. When a user task gets its candidate
 * group or assignee, the engine grants that group or user access to the task, first looking in
 * the database for a grant to extend. For a task created in the same command (every task a
 * process reaches: the Mesa de Partes task of each received document) no grant can exist yet,
 * since nothing outside the command knows the task's id: the lookup is skipped and a grant is
 * created, as the engine does when the lookup finds nothing. Tasks that already exist are
 * looked up as before.
 */
public class NewTaskAuthorizationProvider extends DefaultAuthorizationProvider {

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

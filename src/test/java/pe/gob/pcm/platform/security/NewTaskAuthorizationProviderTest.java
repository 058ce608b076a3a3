package pe.gob.pcm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * A task's candidate group is granted access to it whether the task is new (no lookup) or
 * already stored (the existing grant is looked up and extended, not doubled).
 */
@PlatformTest
class NewTaskAuthorizationProviderTest {

  private static final String GROUP = "grupo-prueba-autorizacion";

  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired AuthorizationService authorizations;
  @Autowired TaskService tasks;

  private long grants(String taskId) {
    return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
        .groupIdIn(GROUP).count();
  }

  @Test
  void theEngineGrantsThroughIt() {
    assertThat(engine.getResourceAuthorizationProvider()).isInstanceOf(NewTaskAuthorizationProvider.class);
    assertThat(engine.isAuthorizationEnabled()).isTrue();
  }

  @Test
  void aTaskCreatedInTheCommandIsNewAndItsGroupIsGranted() {
    String taskId = engine.getCommandExecutorTxRequired().execute(context -> {
      TaskEntity task = new TaskEntity();
      task.setName("Tarea de prueba");
      task.insert();
      assertThat(NewTaskAuthorizationProvider.isTaskOfThisCommand(Resources.TASK, task.getId())).isTrue();
      assertThat(NewTaskAuthorizationProvider.isTaskOfThisCommand(Resources.PROCESS_INSTANCE, task.getId())).isFalse();
      task.addCandidateGroup(GROUP);
      return task.getId();
    });
    try {
      assertThat(grants(taskId)).isEqualTo(1);
      assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
          .groupIdIn(GROUP).singleResult().isPermissionGranted(Permissions.READ)).isTrue();
      engine.getCommandExecutorTxRequired().execute(context -> {
        assertThat(NewTaskAuthorizationProvider.isTaskOfThisCommand(Resources.TASK, taskId)).isFalse();
        return null;
      });
    } finally {
      tasks.deleteTask(taskId, true);
    }
  }

  @Test
  void aStoredTaskHasItsGrantExtendedNotDoubled() {
    Task task = tasks.newTask();
    task.setName("Tarea de prueba");
    tasks.saveTask(task);
    try {
      tasks.addCandidateGroup(task.getId(), GROUP);
      tasks.addCandidateGroup(task.getId(), GROUP);
      assertThat(grants(task.getId())).isEqualTo(1);
    } finally {
      tasks.deleteTask(task.getId(), true);
    }
  }
}

package pe.gob.pcm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * A task's candidate group is granted access to it whether the task is new (no lookup) or
 * already stored (the existing grant is looked up and extended, not doubled); a group that reads
 * the procedure's tasks by definition gets on the task only the right to work on it.
 */
@PlatformTest
class NewTaskAuthorizationProviderTest {

  private static final String GROUP = "grupo-prueba-autorizacion";

  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired AuthorizationService authorizations;
  @Autowired TaskService tasks;
  @Autowired TaskReaders readers;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;

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

  @Test
  void aGroupThatReadsByDefinitionIsGrantedOnlyTheWork() {
    String other = "grupo-prueba-sin-lectura";
    String deployment = repository.createDeployment().name("prueba-lectura-por-definicion")
        .addModelInstance("prueba-lectura.bpmn", Bpmn.createExecutableProcess("prueba-lectura").camundaHistoryTimeToLive(1)
            .startEvent().userTask("tarea").camundaCandidateGroups(GROUP + "," + other).endEvent().done())
        .deploy().getId();
    Map<String, Set<String>> before = readers.groupsByProcess();
    readers.set(Map.of("prueba-lectura", Set.of(GROUP)));
    try {
      runtime.startProcessInstanceByKey("prueba-lectura");
      String taskId = tasks.createTaskQuery().processDefinitionKey("prueba-lectura").singleResult().getId();
      Authorization byDefinition = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
          .resourceId(taskId).groupIdIn(GROUP).singleResult();
      assertThat(byDefinition.isPermissionGranted(Permissions.UPDATE)).isTrue();
      assertThat(byDefinition.isPermissionGranted(Permissions.READ)).isFalse();
      Authorization perTask = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
          .resourceId(taskId).groupIdIn(other).singleResult();
      assertThat(perTask.isPermissionGranted(Permissions.READ)).isTrue();
      assertThat(perTask.isPermissionGranted(Permissions.UPDATE)).isTrue();
    } finally {
      readers.set(before);
      repository.deleteDeployment(deployment, true);
    }
  }

  @Test
  void theProceduresCandidateGroupsReadTheirTasksByDefinition() {
    assertThat(readers.readsByDefinition("tramite-recepcion", Role.MESA_PARTES.groupId())).isTrue();
    assertThat(readers.readsByDefinition("tramite-recepcion", Role.TI.groupId())).isFalse();
    assertThat(readers.readsByDefinition("pgo-rof-mop", Role.SGP_EVALUADOR.groupId())).isTrue();
    assertThat(authorizations.createAuthorizationQuery().groupIdIn(Role.MESA_PARTES.groupId())
        .resourceType(Resources.PROCESS_DEFINITION).resourceId("tramite-recepcion").singleResult()
        .isPermissionGranted(Permissions.READ_TASK)).isTrue();
  }
}

package pe.gob.pcm.platform.support;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Finds a process's tasks and completes them as a user would in Tasklist (claim, then complete). */
@Component
public class TaskDriver {

  private final Actors actors;
  private final TaskService tasks;

  public TaskDriver(Actors actors, TaskService tasks) {
    this.actors = actors;
    this.tasks = tasks;
  }

  /** Form values as a map: {@code vars("decision", "APROBAR", "motivo", null)}. */
  public static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> vars = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], keyValues[i + 1]);
    }
    return vars;
  }

  public List<Task> tasksAt(ProcessInstance pi, String activityId) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId)
        .orderByTaskCreateTime().asc().list();
  }

  public Task taskAt(ProcessInstance pi, String activityId) {
    List<Task> found = tasksAt(pi, activityId);
    if (found.size() != 1) {
      throw new AssertionError("Se esperaba una tarea en " + activityId + " y hay " + found.size());
    }
    return found.get(0);
  }

  /** Claims and completes the task as the user, as Tasklist does. */
  public void complete(String userId, Task task, Map<String, Object> vars) {
    actors.as(userId, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), userId);
      }
      tasks.complete(task.getId(), vars);
    });
  }

  public void complete(String userId, ProcessInstance pi, String activityId, Map<String, Object> vars) {
    complete(userId, taskAt(pi, activityId), vars);
  }
}

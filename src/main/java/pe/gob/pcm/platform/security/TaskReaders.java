package pe.gob.pcm.platform.security;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which role groups read the tasks of a procedure through a grant on its process definition
 * ({@code READ_TASK}, made by the {@link AccessPolicy} for every group its BPMN names as a
 * candidate group), by process definition key. For those groups a new task's own grant carries
 * only the right to work on it ({@link NewTaskAuthorizationProvider}): the task query's
 * authorization check then reads one grant per group and procedure instead of one per task of
 * every entity (docs/performance.md, "Escala").
 */
@Component
public class TaskReaders {

  private volatile Map<String, Set<String>> groupsByProcess = Map.of();

  /** Whether the group reads every task of the process (within its tenants) by definition. */
  public boolean readsByDefinition(String processDefinitionKey, String groupId) {
    return processDefinitionKey != null && groupId != null
        && groupsByProcess.getOrDefault(processDefinitionKey, Set.of()).contains(groupId);
  }

  /** Set once the grants exist (before that, tasks get Camunda's full grant: never less access). */
  void set(Map<String, Set<String>> groupsByProcess) {
    this.groupsByProcess = Map.copyOf(groupsByProcess);
  }

  Map<String, Set<String>> groupsByProcess() {
    return groupsByProcess;
  }
}

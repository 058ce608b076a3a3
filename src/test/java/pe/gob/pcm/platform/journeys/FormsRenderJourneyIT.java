package pe.gob.pcm.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ParallelGatewayBuilder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * Every Camunda Form in forms/ opened in Tasklist, as deployed by the platform: Tasklist 7.24
 * renders with form-js 1.8 and shows "Form failure" for a form it cannot render (a newer
 * Modeler's features, a broken schema). A throw-away process holds one task per form, bound to
 * the platform's own deployed form by id.
 */
@PlatformTest
class FormsRenderJourneyIT {

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void everyFormRendersInTasklist() throws IOException {
    Map<String, Path> forms = formsOnDisk();
    assertThat(forms).hasSizeGreaterThan(30);
    Deployment deployment = repository.createDeployment().name("journeys-formularios")
        .addModelInstance("journeys-formularios.bpmn", oneTaskPerForm(forms.keySet())).deploy();
    try (Browser browser = new Browser(port)) {
      ProcessInstance pi = runtime.startProcessInstanceByKey("journeys-formularios");
      List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).list();
      assertThat(open).hasSize(forms.size());

      browser.login("tasklist", "demo");
      List<String> failures = new ArrayList<>();
      for (Task task : open) {
        String form = task.getTaskDefinitionKey().substring("Form_".length()).replace('_', '-');
        browser.openTaskById(task.getId(), task.getName());
        String failure = browser.formFailure();
        int fields = browser.driver().findElements(By.cssSelector(".task-details .fjs-form .fjs-element")).size();
        if (!failure.isEmpty() || fields == 0) {
          failures.add(forms.get(form) + ": " + (failure.isEmpty() ? "no muestra ningún campo" : failure));
          browser.screenshot("formulario-" + form);
        }
      }
      assertThat(failures).as("formularios que Tasklist no muestra").isEmpty();
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  /** The form ids declared in forms/**.form, with their files. */
  private static Map<String, Path> formsOnDisk() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Path> forms = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        forms.put(json.readTree(file.toFile()).path("id").asText(), file);
      }
    }
    return forms;
  }

  private static BpmnModelInstance oneTaskPerForm(Iterable<String> formIds) {
    ParallelGatewayBuilder fork = Bpmn.createExecutableProcess("journeys-formularios")
        .camundaHistoryTimeToLive(1).startEvent().parallelGateway("Fork");
    for (String id : formIds) {
      fork.moveToNode("Fork").userTask("Form_" + id.replace('-', '_')).name("Formulario " + id)
          .camundaAssignee("demo").camundaFormRef(id).camundaFormRefBinding("latest")
          .endEvent();
    }
    return fork.done();
  }
}

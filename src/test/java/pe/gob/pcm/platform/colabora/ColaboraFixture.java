package pe.gob.pcm.platform.colabora;

import static pe.gob.pcm.platform.colabora.ColaboraProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.TaskDriver;
import pe.gob.pcm.platform.support.TestPki;

/** Drives the Colabora process the way its users do: upload, start, complete as each role. */
@Component
public class ColaboraFixture {

  public static final String REQUESTER = "muni.ti";
  public static final String HELP_DESK = "sgtd.mesaayuda";

  private final Actors actors;
  private final DocumentStore documents;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final TaskDriver driver;

  public ColaboraFixture(Actors actors, DocumentStore documents, RuntimeService runtime,
      TaskService tasks, TaskDriver driver) {
    this.actors = actors;
    this.documents = documents;
    this.runtime = runtime;
    this.tasks = tasks;
    this.driver = driver;
  }

  public String upload(String userId, String fileName, byte[] pdf) {
    var user = actors.user(userId);
    return documents.storePdf(user.id(), user.entityRuc(), fileName, pdf).id();
  }

  public String signedA3() {
    return upload(REQUESTER, "formato-a3.pdf",
        TestPki.signedPdf("Formato A-3 " + System.nanoTime(), "Rosa Quispe Mamani"));
  }

  public String designation() {
    return upload(REQUESTER, "resolucion.pdf", TestPki.unsignedPdf("Resolucion " + System.nanoTime()));
  }

  public String signedA1(String service) {
    return upload(REQUESTER, "formato-a1-" + service + ".pdf",
        TestPki.signedPdf("Formato A-1 " + service + " " + System.nanoTime(), "Rosa Quispe Mamani"));
  }

  public Map<String, Object> request(String positionCode, String a3DocumentId) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(ENTITY_RUC, Actors.MUNI_RUC);
    vars.put(ENTITY_NAME, "Municipalidad Distrital de Ejemplo (demostración)");
    vars.put(OFFICER_NAME, "Rosa Quispe Mamani");
    vars.put(OFFICER_DNI, "45678912");
    vars.put(OFFICER_POSITION_CODE, positionCode);
    vars.put(OFFICER_POSITION, "Jefa de la Oficina de Tecnologías de la Información");
    vars.put(OFFICER_EMAIL, "rquispe@muniejemplo.gob.pe");
    vars.put(OFFICER_MOBILE, "987654321");
    vars.put(A3_DOCUMENT, a3DocumentId);
    vars.put(DESIGNATION_DOCUMENT, designation());
    return vars;
  }

  public ProcessInstance start(Map<String, Object> vars) {
    return actors.as(REQUESTER, () -> runtime.startProcessInstanceByKey(KEY, vars));
  }

  public ProcessInstance startEligible() {
    return start(request("JEFE_TI", signedA3()));
  }

  public List<Task> tasksAt(ProcessInstance pi, String activityId) {
    return driver.tasksAt(pi, activityId);
  }

  public Task taskAt(ProcessInstance pi, String activityId) {
    return driver.taskAt(pi, activityId);
  }

  /** Claims and completes the task as the user, as Tasklist does. */
  public void complete(String userId, Task task, Map<String, Object> vars) {
    driver.complete(userId, task, vars);
  }

  public void review(ProcessInstance pi, String decision, String observation) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(REVIEW_DECISION, decision);
    vars.put(REVIEW_OBSERVATION, observation);
    complete(HELP_DESK, taskAt(pi, "Task_ReviewRequest"), vars);
  }

  public String serviceOf(Task task) {
    return (String) tasks.getVariable(task.getId(), PIDE_SERVICE);
  }
}

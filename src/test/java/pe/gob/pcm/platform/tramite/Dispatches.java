package pe.gob.pcm.platform.tramite;

import static pe.gob.pcm.platform.tramite.dispatch.DispatchProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.TestPki;

/** The municipality's Mesa de Partes sends documents to the PCM as it does in Tasklist. */
@Component
public class Dispatches {

  public static final String SENDER = "muni.mesapartes";
  public static final String RECEIVER = "pcm.mesapartes";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final DocumentStore documents;
  private final Actors actors;
  private final JdbcTemplate jdbc;

  public Dispatches(RuntimeService runtime, TaskService tasks, ManagementService management,
      DocumentStore documents, Actors actors, JdbcTemplate jdbc) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.documents = documents;
    this.actors = actors;
    this.jdbc = jdbc;
  }

  public ProcessInstance send(String number) {
    return sendWith(request(number));
  }

  /** Tasklist's two steps: the category (start form), then the document (its own task). */
  public ProcessInstance sendWith(Map<String, Object> vars) {
    ProcessInstance dispatch = actors.as(SENDER,
        () -> runtime.startProcessInstanceByKey(KEY, Map.of("destinationCategory", "1")));
    Task prepare = tasks.createTaskQuery().processInstanceId(dispatch.getId())
        .taskDefinitionKey("Task_PrepareDocument").singleResult();
    actors.as(SENDER, () -> tasks.complete(prepare.getId(), vars));
    return dispatch;
  }

  /** Sends a document to the PCM through the local PIDE and returns its CUO once delivered. */
  public String deliveredToPcm(String number) {
    ProcessInstance dispatch = send(number);
    drain(dispatch.getId());
    return jdbc.queryForObject("SELECT vcuo FROM iotdtc_despacho WHERE process_instance_id = ?"
        + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", String.class, dispatch.getId());
  }

  public Map<String, Object> request(String number) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(DESTINATION_RUC, Actors.PCM_RUC);
    vars.put(DOCUMENT_TYPE, "01");
    vars.put(DOCUMENT_NUMBER, number);
    vars.put(SUBJECT, "Solicita información sobre la implementación del MGD");
    vars.put(SENDER_UNIT, "GERENCIA MUNICIPAL");
    vars.put(DESTINATION_UNIT, "SECRETARÍA GENERAL");
    vars.put(ADDRESSEE, "ANA TORRES");
    vars.put(ADDRESSEE_POSITION, "SECRETARIA GENERAL");
    vars.put(FOLIOS, 2);
    vars.put(SIGNER_DNI, "45678912");
    vars.put(MAIN_DOCUMENT, upload("oficio.pdf"));
    return vars;
  }

  public String upload(String name) {
    var user = actors.user(SENDER);
    return documents.storePdf(user.id(), user.entityRuc(), name, TestPki.unsignedPdf(name + " " + System.nanoTime())).id();
  }

  /** Runs the instance's jobs, as the job executor would, until it waits for something else. */
  public void drain(String processInstanceId) {
    for (int round = 0; round < 10; round++) {
      Job job = management.createJobQuery().processInstanceId(processInstanceId).executable().singleResult();
      if (job == null) {
        return;
      }
      management.executeJob(job.getId());
    }
    throw new AssertionError("El proceso " + processInstanceId + " no se detuvo");
  }
}

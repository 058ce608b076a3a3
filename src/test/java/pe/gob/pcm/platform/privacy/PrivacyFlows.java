package pe.gob.pcm.platform.privacy;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.TestPki;
import pe.gob.pcm.platform.tramite.DispatchProcess;

/** A document sent by the municipality to the PCM through the local PIDE, as Tasklist does it. */
@Component
public class PrivacyFlows {

  static final String SENDER = "muni.mesapartes";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final DocumentStore documents;
  private final Actors actors;

  public PrivacyFlows(RuntimeService runtime, TaskService tasks, ManagementService management,
      DocumentStore documents, Actors actors) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.documents = documents;
    this.actors = actors;
  }

  public ProcessInstance send(String signerDni) {
    ProcessInstance dispatch = actors.as(SENDER,
        () -> runtime.startProcessInstanceByKey(DispatchProcess.KEY, Map.of("destinationCategory", "1")));
    Task prepare = tasks.createTaskQuery().processInstanceId(dispatch.getId())
        .taskDefinitionKey("Task_PrepareDocument").singleResult();
    Map<String, Object> vars = new HashMap<>();
    vars.put(DispatchProcess.DESTINATION_RUC, Actors.PCM_RUC);
    vars.put(DispatchProcess.DOCUMENT_TYPE, "01");
    vars.put(DispatchProcess.DOCUMENT_NUMBER, "OFICIO N° " + System.nanoTime() % 1000 + "-2026-MDE/GM");
    vars.put(DispatchProcess.SUBJECT, "Remite información con datos personales del firmante");
    vars.put(DispatchProcess.SENDER_UNIT, "GERENCIA MUNICIPAL");
    vars.put(DispatchProcess.DESTINATION_UNIT, "SECRETARÍA GENERAL");
    vars.put(DispatchProcess.ADDRESSEE, "ANA TORRES");
    vars.put(DispatchProcess.ADDRESSEE_POSITION, "SECRETARIA GENERAL");
    vars.put(DispatchProcess.FOLIOS, 1);
    vars.put(DispatchProcess.SIGNER_DNI, signerDni);
    var user = actors.user(SENDER);
    vars.put(DispatchProcess.MAIN_DOCUMENT, documents.storePdf(user.id(), user.entityRuc(), "oficio.pdf",
        TestPki.unsignedPdf("oficio " + System.nanoTime())).id());
    actors.as(SENDER, () -> tasks.complete(prepare.getId(), vars));
    return dispatch;
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

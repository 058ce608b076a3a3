package pe.gob.pcm.platform.tramite.reception;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static pe.gob.pcm.platform.tramite.reception.ReceptionProcess.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pe.gob.pcm.platform.pide.PideClients;
import pe.gob.pcm.platform.support.MockedBeansEngine;
import pe.gob.pcm.platform.validation.InvalidInputException;

/**
 * One test per path of {@code processes/tramite/tramite-recepcion.bpmn}, on a bare engine: the
 * delegates and {@code pideClients} are mocks registered under their bean names; the task
 * listener {@code receptionChecks} is the real {@link ReceptionChecks} (it has no collaborators),
 * so the decision the gateway reads is the one the form's checks let through.
 */
@Deployment(resources = {"processes/tramite/tramite-recepcion.bpmn", "forms/tramite/tramite-recepcionar.form"})
class ReceptionProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = MockedBeansEngine.extension();

  static final String MESA_PARTES_USER = "mesa.partes.muni";
  static final String RECEIVED_CUO = "2025004711";

  ProcessEngine engine;
  MockedBeansEngine.Beans beans;
  PideClients pideClients;
  /** What the PIDE does with the cargo (sendCargo); fine unless a test says otherwise. */
  MockedBeansEngine.Behaviour pideOnCargo = execution -> {};
  /** What the sender's vurldocanx does (fetchAnnexes); fine unless a test says otherwise. */
  MockedBeansEngine.Behaviour annexServer = execution -> {};

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    init(engine);
    beans = new MockedBeansEngine.Beans();
    beans.delegate("fetchAnnexes", execution -> annexServer.run(execution));
    beans.delegate("registerReception",
        execution -> execution.setVariable("registrationNumber", "000001-2025"));
    beans.delegate("observeReception");
    beans.delegate("issueCargo", execution -> execution.setVariable("cargoDocumentId", "cargo-doc-1"));
    beans.delegate("sendCargo", execution -> pideOnCargo.run(execution));
    beans.register("receptionChecks", new ReceptionChecks());
    pideClients = beans.register("pideClients", mock(PideClients.class));
    when(pideClients.retryCycle()).thenReturn("R5/PT1M");
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
    beans.reset();
  }

  @Test
  @DisplayName("Documento registrado: número de registro, cargo firmado y cargo devuelto por la PIDE")
  void registeredDocumentGetsItsCargoSentBack() {
    ProcessInstance pi = receive(0);

    assertThat(pi).isWaitingAt("Task_ReceiveDocument").hasNotPassed("Task_FetchAnnexes");
    Task receive = receptionTask(pi);
    assertThat(receive).hasCandidateGroup("mesa-partes").hasName("Recepcionar documento (CUO " + RECEIVED_CUO + ")");
    Assertions.assertThat(receive.getCamundaFormRef().getKey()).isEqualTo("tramite-recepcionar");
    Assertions.assertThat(deployedForm(receive)).contains("\"tramite-recepcionar\"");

    engine.getIdentityService().setAuthenticatedUserId(MESA_PARTES_USER);
    complete(task(pi), withVariables(DECISION, REGISTER, UNIT, "Secretaría General"));

    assertThat(pi).hasPassed("Task_RegisterReception").hasNotPassed("Task_RecordObservation")
        .isWaitingAt("Task_IssueCargo");
    assertThat(pi).variables().containsEntry(RECEIVED_BY, MESA_PARTES_USER)
        .containsEntry("registrationNumber", "000001-2025");
    execute(job());
    assertThat(pi).isWaitingAt("Task_SendCargo").variables().containsEntry("cargoDocumentId", "cargo-doc-1");
    execute(job());

    assertThat(pi).isEnded().hasPassedInOrder("Task_ReceiveDocument", "Task_RegisterReception",
        "Task_IssueCargo", "Task_SendCargo", "EndEvent_CargoIssued");
    Assertions.assertThat(beans.calls()).containsExactly(
        "registerReception@Task_RegisterReception", "issueCargo@Task_IssueCargo", "sendCargo@Task_SendCargo");
  }

  @Test
  @DisplayName("Documento observado: se registra la observación y el cargo observado vuelve al remitente")
  void observedDocumentIsAnsweredWithObservation() {
    ProcessInstance pi = receive(0);

    engine.getIdentityService().setAuthenticatedUserId(MESA_PARTES_USER);
    complete(task(pi), withVariables(DECISION, OBSERVE, OBSERVATION, "El documento no está firmado."));

    assertThat(pi).hasPassed("Task_RecordObservation").hasNotPassed("Task_RegisterReception")
        .isWaitingAt("Task_IssueCargo");
    assertThat(pi).variables().containsEntry(OBSERVATION, "El documento no está firmado.")
        .containsEntry(RECEIVED_BY, MESA_PARTES_USER).doesNotContainKey("registrationNumber");
    execute(job());
    execute(job());

    assertThat(pi).isEnded().hasPassedInOrder("Task_RecordObservation", "Task_IssueCargo", "Task_SendCargo",
        "EndEvent_CargoIssued");
    Assertions.assertThat(beans.calls()).containsExactly(
        "observeReception@Task_RecordObservation", "issueCargo@Task_IssueCargo", "sendCargo@Task_SendCargo");
  }

  @Test
  @DisplayName("Documento con anexos: se descargan antes de que la Mesa de Partes lo vea")
  void documentWithAnnexesHasThemFetchedBeforeMesaDePartesSeesIt() {
    ProcessInstance pi = receive(2);

    assertThat(pi).isWaitingAt("Task_FetchAnnexes");
    Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    Assertions.assertThat(beans.calls()).isEmpty();

    execute(job());

    assertThat(pi).hasPassed("Task_FetchAnnexes").isWaitingAt("Task_ReceiveDocument");
    Assertions.assertThat(beans.calls()).containsExactly("fetchAnnexes@Task_FetchAnnexes");
    engine.getIdentityService().setAuthenticatedUserId(MESA_PARTES_USER);
    complete(task(pi), withVariables(DECISION, REGISTER, UNIT, "Gerencia Municipal"));
    execute(job());
    execute(job());
    assertThat(pi).isEnded().hasPassed("Task_RegisterReception", "EndEvent_CargoIssued");
  }

  @Test
  @DisplayName("Anexo que no se puede descargar: cinco intentos, uno por minuto, y luego incidente; sigue en P")
  void annexThatCannotBeFetchedIsRetriedFiveTimesThenBecomesAnIncident() {
    annexServer = execution -> {
      throw new IOException("No se pudo descargar el anexo «informe.pdf»: HTTP 404");
    };
    ProcessInstance pi = receive(1);

    for (int attempt = 1; attempt <= 4; attempt++) {
      failOnce(pi);
      Job retried = job(pi);
      Assertions.assertThat(retried.getRetries()).isEqualTo(5 - attempt);
      Assertions.assertThat(incidents(pi)).isEmpty();
    }
    Job last = job(pi);
    Assertions.assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(),
        last.getDuedate().toInstant())).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));
    failOnce(pi);

    Assertions.assertThat(job(pi).getRetries()).isZero();
    Assertions.assertThat(incidents(pi)).singleElement().satisfies(incident -> {
      Assertions.assertThat(incident.getActivityId()).isEqualTo("Task_FetchAnnexes");
      Assertions.assertThat(incident.getIncidentMessage()).contains("informe.pdf");
    });
    assertThat(pi).isWaitingAt("Task_FetchAnnexes").hasNotPassed("Task_ReceiveDocument");
    Assertions.assertThat(beans.calls()).hasSize(5).containsOnly("fetchAnnexes@Task_FetchAnnexes");
  }

  @Test
  @DisplayName("Cargo rechazado por la PIDE: se reintenta según pideClients.retryCycle() y luego incidente")
  void cargoRefusedByThePideIsRetriedWithTheConfiguredCycleThenBecomesAnIncident() {
    when(pideClients.retryCycle()).thenReturn("R2/PT5M");
    pideOnCargo = execution -> {
      throw new IllegalStateException("La PIDE no aceptó el cargo del CUO " + RECEIVED_CUO + " (-1): caído");
    };
    ProcessInstance pi = receive(0);
    engine.getIdentityService().setAuthenticatedUserId(MESA_PARTES_USER);
    complete(task(pi), withVariables(DECISION, REGISTER, UNIT, "Secretaría General"));
    execute(job());
    assertThat(pi).isWaitingAt("Task_SendCargo");

    failOnce(pi);
    Job retried = job(pi);
    Assertions.assertThat(retried.getRetries()).isEqualTo(1);
    Assertions.assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(),
        retried.getDuedate().toInstant())).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5).plusSeconds(1));
    failOnce(pi);

    Assertions.assertThat(incidents(pi)).singleElement()
        .satisfies(incident -> Assertions.assertThat(incident.getActivityId()).isEqualTo("Task_SendCargo"));
    assertThat(pi).isWaitingAt("Task_SendCargo").hasPassed("Task_IssueCargo").isNotEnded();
  }

  @Test
  @DisplayName("Observar sin motivo: la Mesa de Partes ve el motivo del rechazo y la tarea sigue abierta")
  void observingWithoutAReasonIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance pi = receive(0);
    Task receive = task(pi);

    Throwable refused = Assertions.catchThrowable(() ->
        complete(receive, withVariables(DECISION, OBSERVE, OBSERVATION, "  ")));

    Assertions.assertThat(InvalidInputException.in(refused)).get()
        .extracting(Throwable::getMessage).asString().contains("Observación: es obligatorio.");
    assertThat(pi).isWaitingAt("Task_ReceiveDocument").hasNotPassed("Task_RecordObservation", "Task_RegisterReception");
    Assertions.assertThat(beans.calls()).isEmpty();

    Throwable noDecision = Assertions.catchThrowable(() -> complete(task(pi), withVariables(DECISION, "ARCHIVAR")));
    Assertions.assertThat(InvalidInputException.in(noDecision)).get()
        .extracting(Throwable::getMessage).asString().contains("Decisión: elija registrar u observar.");
    assertThat(pi).isWaitingAt("Task_ReceiveDocument");
  }

  /** What ReceptionService.receive starts the process with (record copies), CUO as business key. */
  private ProcessInstance receive(int annexCount) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("entityRuc", "20131370645");
    variables.put(RECEPTION_ID, 41L);
    variables.put(CUO, RECEIVED_CUO);
    variables.put(MAIN_DOCUMENT, "doc-principal-1");
    variables.put("senderRuc", "20168999926");
    variables.put("senderName", "Presidencia del Consejo de Ministros");
    variables.put("subject", "Remite informe técnico");
    variables.put("folios", 3);
    variables.put("annexCount", annexCount);
    return engine.getRuntimeService().startProcessInstanceByKey(KEY, RECEIVED_CUO, variables);
  }

  private Task receptionTask(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_ReceiveDocument").initializeFormKeys().singleResult();
  }

  private String deployedForm(Task task) {
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the instance's job once, expecting the delegate to fail (the engine records it). */
  private void failOnce(ProcessInstance pi) {
    Job job = job(pi);
    Assertions.assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .isInstanceOf(Exception.class);
  }

  private List<Incident> incidents(ProcessInstance pi) {
    return engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).list();
  }
}

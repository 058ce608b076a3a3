package pe.gob.pcm.platform.tramite.dispatch;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static pe.gob.pcm.platform.tramite.dispatch.DispatchProcess.*;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
import pe.gob.pcm.platform.validation.FieldError;
import pe.gob.pcm.platform.validation.InvalidInputException;

/**
 * One test per path of {@code processes/tramite/tramite-despacho.bpmn}, on a bare engine: every
 * delegate, the listener {@code dispatchChecks} and the expression beans {@code tramiteDeadlines}
 * and {@code pideClients} are mocks registered under their bean names. The mocks set what the
 * real beans hand to the model (dispatchId, cuo, pideAccepted...), and the PIDE's answers are
 * scripted per test.
 */
@Deployment(resources = {"processes/tramite/tramite-despacho.bpmn", "forms/tramite/tramite-enviar-inicio.form",
    "forms/tramite/tramite-enviar.form", "forms/tramite/tramite-corregir-envio.form",
    "forms/tramite/tramite-subsanar.form", "forms/tramite/tramite-seguimiento.form"})
class DispatchProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = MockedBeansEngine.extension();

  static final String SENDER = "ana.torres";
  static final String FIRST_CUO = "2025000101";
  static final String SECOND_CUO = "2025000102";
  static final Date CARGO_DEADLINE = Date.from(Instant.now().plus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

  ProcessEngine engine;
  MockedBeansEngine.Beans beans;
  PideClients pideClients;
  DispatchChecks dispatchChecks;
  /** The CUOs the PIDE hands out (getCUOEntidad), in order. */
  final Deque<String> cuos = new ArrayDeque<>(List.of(FIRST_CUO, SECOND_CUO));
  /** The PIDE's answers to recepcionarTramite: true = 0000; false = refused (-1). */
  final Deque<Boolean> pideAnswers = new ArrayDeque<>();
  /** What the PIDE transport does before answering; fine unless a test says otherwise. */
  MockedBeansEngine.Behaviour transport = execution -> {};
  /** What the PIDE's entity and document type lists give (loadDispatchOptions). */
  MockedBeansEngine.Behaviour optionLists = execution -> {};
  /** What the dispatch forms' checks say about the prepared document. */
  MockedBeansEngine.Behaviour preparedDocumentChecks = execution -> {};

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    init(engine);
    beans = new MockedBeansEngine.Beans();
    dispatchChecks = beans.register("dispatchChecks", mock(DispatchChecks.class));
    doAnswer(invocation -> {
      DelegateExecution execution = invocation.getArgument(0);
      beans.record("dispatchChecks", execution.getCurrentActivityId());
      return null;
    }).when(dispatchChecks).notify(any(DelegateExecution.class));
    doAnswer(invocation -> {
      DelegateTask task = invocation.getArgument(0);
      beans.record("dispatchChecks", task.getTaskDefinitionKey());
      if ("Task_PrepareDocument".equals(task.getTaskDefinitionKey())) {
        preparedDocumentChecks.run(task.getExecution());
        task.setVariable(DISPATCH_ID, 7L);
        task.removeVariable(SIGNER_DNI);
      }
      return null;
    }).when(dispatchChecks).notify(any(DelegateTask.class));
    beans.delegate("loadDispatchOptions", execution -> optionLists.run(execution));
    beans.delegate("requestCuo", execution -> execution.setVariable(CUO, cuos.pop()));
    beans.delegate("sendDocument", execution -> {
      transport.run(execution);
      boolean accepted = pideAnswers.isEmpty() || pideAnswers.pop();
      execution.setVariable(PIDE_ACCEPTED, accepted);
      execution.setVariable(PIDE_MESSAGE, accepted ? null
          : "La PIDE rechazó el envío (-1): la entidad destinataria no está disponible");
    });
    beans.delegate("prepareCorrection", execution -> {
      execution.setVariable("observedCuo", execution.getVariable(CUO));
      execution.setVariable(DISPATCH_ID, 8L);
    });
    beans.delegate("queryDispatchStatus", execution -> execution.setVariable("dispatchStatus",
        "La entidad destinataria informa el estado P (pendiente de recepción por su Mesa de Partes)."));
    TramiteDeadlines deadlines = beans.register("tramiteDeadlines", mock(TramiteDeadlines.class));
    when(deadlines.cargoDeadline()).thenReturn(CARGO_DEADLINE);
    pideClients = beans.register("pideClients", mock(PideClients.class));
    when(pideClients.retryCycle()).thenReturn("R5/PT1M");
    engine.getIdentityService().setAuthenticatedUserId(SENDER);
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
    beans.reset();
  }

  @Test
  @DisplayName("Cargo recibido (R): el envío termina como recepcionado")
  void cargoReceivedEndsDispatch() {
    ProcessInstance pi = sentAndAwaitingCargo();

    receiveCargo(pi, "R", "");

    assertThat(pi).isEnded().hasPassedInOrder("StartEvent_SendRequested", "Task_LoadOptions",
        "Task_PrepareDocument", "Task_RequestCuo", "Task_SendDocument", "Task_AwaitCargo", "EndEvent_Received");
    assertThat(pi).hasNotPassed("Task_CorrectRefused", "Task_CorrectObserved", "Task_QueryStatus", "Task_FollowUp")
        .variables().containsEntry(CUO, FIRST_CUO).containsEntry(CARGO_STATE, "R").doesNotContainKey(SIGNER_DNI);
    Assertions.assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count())
        .as("the cargo timer goes with the wait").isZero();
    Assertions.assertThat(beans.calls()).containsExactly(
        "dispatchChecks@StartEvent_SendRequested", "loadDispatchOptions@Task_LoadOptions",
        "dispatchChecks@Task_PrepareDocument", "requestCuo@Task_RequestCuo", "sendDocument@Task_SendDocument");
  }

  @Test
  @DisplayName("Rechazo de la PIDE: el remitente corrige y se reenvía con el mismo CUO")
  void pideRefusalLeadsToCorrection() {
    pideAnswers.addAll(List.of(false, true));
    ProcessInstance pi = prepared();
    execute(job());
    execute(job());

    assertThat(pi).isWaitingAt("Task_CorrectRefused").hasNotPassed("Task_AwaitCargo");
    Task correct = userTask(pi, "Task_CorrectRefused");
    assertThat(correct).isAssignedTo(SENDER);
    assertForm(correct, "tramite-corregir-envio");
    Assertions.assertThat((String) engine.getTaskService().getVariable(correct.getId(), PIDE_MESSAGE))
        .contains("La PIDE rechazó el envío (-1)");
    Assertions.assertThat(jobs(pi)).as("no cargo timer while refused").isEmpty();

    complete(correct, withVariables(DOCUMENT_NUMBER, "OFICIO N° 015-2025-PCM/SG", SUBJECT,
        "Remite informe técnico (corregido)", MAIN_DOCUMENT, "doc-corregido-1"));
    assertThat(pi).isWaitingAt("Task_SendDocument");
    execute(job());

    assertThat(pi).isWaitingAt("Task_AwaitCargo").variables().containsEntry(PIDE_ACCEPTED, true)
        .containsEntry(CUO, FIRST_CUO);
    Assertions.assertThat(beans.calls()).containsSubsequence(
        "requestCuo@Task_RequestCuo", "sendDocument@Task_SendDocument", "dispatchChecks@Task_CorrectRefused",
        "sendDocument@Task_SendDocument");
    Assertions.assertThat(beans.calls()).as("a refused send keeps its CUO")
        .containsOnlyOnce("requestCuo@Task_RequestCuo");
    receiveCargo(pi, "R", "");
    assertThat(pi).isEnded().hasPassed("EndEvent_Received");
  }

  @Test
  @DisplayName("Cargo observado (O): el remitente subsana y se envía con un CUO nuevo")
  void observedCargoIsCorrectedAndResentWithANewCuo() {
    ProcessInstance pi = sentAndAwaitingCargo();

    receiveCargo(pi, "O", "Falta el anexo 2 indicado en el documento.");

    assertThat(pi).isWaitingAt("Task_CorrectObserved").hasNotPassed("EndEvent_Received");
    Task correct = userTask(pi, "Task_CorrectObserved");
    assertThat(correct).isAssignedTo(SENDER);
    assertForm(correct, "tramite-subsanar");
    Assertions.assertThat((String) engine.getTaskService().getVariable(correct.getId(), CARGO_OBSERVATION))
        .isEqualTo("Falta el anexo 2 indicado en el documento.");

    complete(correct, withVariables(DOCUMENT_NUMBER, "OFICIO N° 016-2025-PCM/SG", SUBJECT,
        "Remite informe técnico con anexos", MAIN_DOCUMENT, "doc-subsanado-1"));
    assertThat(pi).hasPassed("Task_PrepareCorrection").isWaitingAt("Task_RequestCuo")
        .variables().containsEntry("observedCuo", FIRST_CUO).containsEntry(DISPATCH_ID, 8L);
    execute(job());
    assertThat(pi).isWaitingAt("Task_SendDocument").variables().containsEntry(CUO, SECOND_CUO);
    execute(job());
    assertThat(pi).isWaitingAt("Task_AwaitCargo");

    receiveCargo(pi, "R", "");
    assertThat(pi).isEnded().hasPassed("EndEvent_Received");
    Assertions.assertThat(beans.calls()).containsSubsequence(
        "sendDocument@Task_SendDocument", "dispatchChecks@Task_CorrectObserved",
        "prepareCorrection@Task_PrepareCorrection", "requestCuo@Task_RequestCuo", "sendDocument@Task_SendDocument");
    Assertions.assertThat(beans.calls()).filteredOn(call -> call.startsWith("requestCuo@")).hasSize(2);
  }

  @Test
  @DisplayName("Sin cargo en el plazo: consulta de estado por la PIDE y tarea de seguimiento; el envío sigue esperando")
  void noCargoInTimeTriggersStatusQuery() {
    ProcessInstance pi = sentAndAwaitingCargo();

    Job timer = job("Event_CargoOverdue", pi);
    Assertions.assertThat(timer.getDuedate()).isEqualTo(CARGO_DEADLINE);
    execute(timer);

    assertThat(pi).hasPassed("Event_CargoOverdue", "Task_QueryStatus").isWaitingAt("Task_AwaitCargo", "Task_FollowUp");
    Task followUp = userTask(pi, "Task_FollowUp");
    assertThat(followUp).isAssignedTo(SENDER).hasName("Hacer seguimiento del envío (CUO " + FIRST_CUO + ")");
    assertForm(followUp, "tramite-seguimiento");
    Assertions.assertThat((String) engine.getTaskService().getVariable(followUp.getId(), "dispatchStatus"))
        .contains("estado P");

    complete(followUp);
    assertThat(pi).hasPassed("EndEvent_FollowedUp").isNotEnded().isWaitingAt("Task_AwaitCargo");

    receiveCargo(pi, "R", "");
    assertThat(pi).isEnded().hasPassed("EndEvent_Received");
    Assertions.assertThat(beans.calls()).containsOnlyOnce("queryDispatchStatus@Task_QueryStatus");
  }

  @Test
  @DisplayName("PIDE caída al enviar: reintentos según pideClients.retryCycle() y luego incidente")
  void pideOutageOnSendIsRetriedWithTheConfiguredCycleThenBecomesAnIncident() {
    when(pideClients.retryCycle()).thenReturn("R3/PT2M");
    transport = execution -> {
      throw new SocketTimeoutException("Read timed out");
    };
    ProcessInstance pi = prepared();
    execute(job());
    assertThat(pi).isWaitingAt("Task_SendDocument");

    failOnce(pi);
    Job retried = job(pi);
    Assertions.assertThat(retried.getRetries()).isEqualTo(2);
    Assertions.assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(),
        retried.getDuedate().toInstant())).isBetween(Duration.ofSeconds(110), Duration.ofSeconds(121));
    failOnce(pi);
    failOnce(pi);

    Assertions.assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).list())
        .singleElement().satisfies(incident -> {
          Assertions.assertThat(incident.getActivityId()).isEqualTo("Task_SendDocument");
          Assertions.assertThat(incident.getIncidentMessage()).contains("Read timed out");
        });
    assertThat(pi).isWaitingAt("Task_SendDocument").hasNotPassed("Task_CorrectRefused", "Task_AwaitCargo");
  }

  @Test
  @DisplayName("La PIDE no informa entidades ni tipos: el inicio se rechaza con el motivo y no queda nada")
  void startIsRefusedWhenThePideGivesNoOptions() {
    optionLists = execution -> {
      throw new InvalidInputException(List.of(new FieldError("destinationCategory",
          "Categoría de la entidad destinataria", "la PIDE no informa entidades de esa categoría")));
    };

    Throwable refused = Assertions.catchThrowable(this::start);

    Assertions.assertThat(InvalidInputException.in(refused)).get().extracting(Throwable::getMessage).asString()
        .contains("Categoría de la entidad destinataria: la PIDE no informa entidades de esa categoría.");
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count())
        .isZero();
    Assertions.assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .count()).isZero();
  }

  @Test
  @DisplayName("Documento preparado con errores: el remitente sigue en el formulario y no se pide CUO")
  void refusedPreparationKeepsTheSenderOnTheForm() {
    preparedDocumentChecks = execution -> {
      throw new InvalidInputException(List.of(new FieldError(DESTINATION_RUC, "RUC de la entidad destinataria",
          "no puede ser su propia entidad")));
    };
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt("Task_PrepareDocument");

    Throwable refused = Assertions.catchThrowable(() -> complete(task(pi), preparedDocument()));

    Assertions.assertThat(InvalidInputException.in(refused)).isPresent();
    assertThat(pi).isWaitingAt("Task_PrepareDocument").hasNotPassed("Task_RequestCuo");
    Assertions.assertThat(jobs(pi)).isEmpty();
    Assertions.assertThat(beans.calls()).doesNotContain("requestCuo@Task_RequestCuo");
  }

  /** "Enviar documento" from Tasklist: the start form chooses the destination's category. */
  private ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of("destinationCategory", "1"));
  }

  /** Started and prepared: the sender's form is complete and checked, the CUO job waits. */
  private ProcessInstance prepared() {
    ProcessInstance pi = start();
    assertThat(pi).hasPassed("Task_LoadOptions").isWaitingAt("Task_PrepareDocument");
    Task prepare = userTask(pi, "Task_PrepareDocument");
    assertThat(prepare).isAssignedTo(SENDER);
    assertForm(prepare, "tramite-enviar");
    complete(prepare, preparedDocument());
    assertThat(pi).isWaitingAt("Task_RequestCuo").variables().containsEntry(DISPATCH_ID, 7L);
    return pi;
  }

  /** Prepared, given a CUO and accepted by the PIDE: waiting for the receiver's cargo. */
  private ProcessInstance sentAndAwaitingCargo() {
    ProcessInstance pi = prepared();
    execute(job());
    assertThat(pi).isWaitingAt("Task_SendDocument");
    execute(job());
    assertThat(pi).isWaitingAt("Task_AwaitCargo").variables().containsEntry(PIDE_ACCEPTED, true);
    return pi;
  }

  private Map<String, Object> preparedDocument() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(DESTINATION_RUC, "20131370645");
    variables.put(DOCUMENT_TYPE, "01");
    variables.put(DOCUMENT_NUMBER, "OFICIO N° 014-2025-PCM/SG");
    variables.put(SUBJECT, "Remite informe técnico");
    variables.put(SENDER_UNIT, "Secretaría General");
    variables.put(FOLIOS, 3);
    variables.put(SIGNER_DNI, "45678912");
    variables.put(MAIN_DOCUMENT, "doc-principal-1");
    return variables;
  }

  /** What CargoReceipt does once wsiotramite received the receiver's cargoResponse. */
  private void receiveCargo(ProcessInstance pi, String state, String observation) {
    engine.getRuntimeService().createMessageCorrelation(CARGO_MESSAGE).processInstanceId(pi.getId())
        .setVariables(Map.of(CARGO_STATE, state, CARGO_OBSERVATION, observation, "cargoDocumentId", "cargo-1",
            "cargoSignature", "Firmado por la entidad destinataria"))
        .correlate();
  }

  private Task userTask(ProcessInstance pi, String taskDefinitionKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(taskDefinitionKey).initializeFormKeys().singleResult();
  }

  private void assertForm(Task task, String formId) {
    Assertions.assertThat(task.getCamundaFormRef().getKey()).isEqualTo(formId);
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
      Assertions.assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"" + formId + "\"");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Job> jobs(ProcessInstance pi) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).list();
  }

  /** Runs the instance's job once, expecting the delegate to fail (the engine records it). */
  private void failOnce(ProcessInstance pi) {
    Job job = job(pi);
    Assertions.assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .isInstanceOf(Exception.class);
  }
}

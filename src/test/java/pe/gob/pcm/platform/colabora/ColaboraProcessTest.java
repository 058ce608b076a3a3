package pe.gob.pcm.platform.colabora;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static pe.gob.pcm.platform.support.Refusals.assertRefused;
import static pe.gob.pcm.platform.colabora.ColaboraProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pe.gob.pcm.platform.calendar.BusinessCalendar;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TestPki;

/** One test per path of the Colabora model, run through the real engine and database. */
@PlatformTest
class ColaboraProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ColaboraFixture colabora;
  @Autowired ColaboraMapper records;
  @Autowired DocumentStore documents;
  @Autowired BusinessCalendar calendar;

  @BeforeEach
  void setUp() {
    init(engine);
  }

  @Test
  void eligibleOfficerBecomesMasterUserWithAllThreeServices() {
    ProcessInstance pi = colabora.startEligible();

    assertThat(pi).isWaitingAt("Task_ReviewRequest").hasPassed("Task_EvaluateEligibility", "Task_VerifyA3");
    Assertions.assertThat(pi.getTenantId()).isEqualTo(Actors.MUNI_RUC);
    Assertions.assertThat(pi.getBusinessKey()).startsWith("COLABORA-" + Actors.MUNI_RUC + "-");
    Task review = colabora.taskAt(pi, "Task_ReviewRequest");
    assertThat(review).hasCandidateGroup("sgtd-mesa-ayuda");

    colabora.review(pi, APPROVE, null);

    ColaboraMapper.MasterUser master = records.findMasterUser(pi.getId());
    Assertions.assertThat(master.officerDni()).isEqualTo("45678912");
    Assertions.assertThat(master.approvedBy()).isEqualTo(ColaboraFixture.HELP_DESK);
    Assertions.assertThat(master.requestedBy()).isEqualTo(ColaboraFixture.REQUESTER);

    List<Task> submissions = colabora.tasksAt(pi, "Task_SubmitA1");
    Assertions.assertThat(submissions).hasSize(3)
        .allSatisfy(t -> Assertions.assertThat(t.getAssignee()).isEqualTo(ColaboraFixture.REQUESTER))
        .extracting(Task::getName)
        .containsExactlyInAnyOrder(
            "Solicitar el servicio Código Único de Operación - CUO (Formato A-1)",
            "Solicitar el servicio Trámite Entidades por Categoría - IMGD (Formato A-1)",
            "Solicitar el servicio Trámite Envío de Documentos de Entidades - IMGD (Formato A-1)");
    for (Task submission : submissions) {
      colabora.complete(ColaboraFixture.REQUESTER, submission,
          Map.of(A1_DOCUMENT, colabora.signedA1(colabora.serviceOf(submission))));
    }
    for (Task a1Review : colabora.tasksAt(pi, "Task_ReviewA1")) {
      colabora.complete(ColaboraFixture.HELP_DESK, a1Review, Map.of(A1_DECISION, APPROVE));
    }

    assertThat(pi).isEnded().hasPassed("Task_RegisterMasterUser", "EndEvent_MasterUserEnabled")
        .variables().containsEntry(OUTCOME, "HABILITADO");
    Assertions.assertThat(records.findServiceAccess(pi.getId()))
        .extracting(ColaboraMapper.ServiceAccess::serviceCode, ColaboraMapper.ServiceAccess::grantedBy)
        .containsExactly(
            Assertions.tuple("CUO", ColaboraFixture.HELP_DESK),
            Assertions.tuple("ENTIDADES_CATEGORIA", ColaboraFixture.HELP_DESK),
            Assertions.tuple("ENVIO_DOCUMENTOS", ColaboraFixture.HELP_DESK));
  }

  @Test
  void rejectsIneligibleOfficerWithReasonShownToRequester() {
    ProcessInstance pi = colabora.start(colabora.request("OTRO", colabora.signedA3()));

    assertThat(pi).isWaitingAt("Task_NotifyRejection").hasNotPassed("Task_VerifyA3");
    Task notice = colabora.taskAt(pi, "Task_NotifyRejection");
    Assertions.assertThat(notice.getAssignee()).isEqualTo(ColaboraFixture.REQUESTER);
    Assertions.assertThat((String) tasks.getVariable(notice.getId(), REJECTION_REASON))
        .contains("no puede ser usuario máster");

    colabora.complete(ColaboraFixture.REQUESTER, notice, Map.of());
    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected");
    Assertions.assertThat(records.findMasterUser(pi.getId())).isNull();
  }

  @Test
  void unsignedA3GoesBackForCorrectionThenProceeds() {
    String unsigned = colabora.upload(ColaboraFixture.REQUESTER, "a3-sin-firma.pdf",
        TestPki.unsignedPdf("Formato A-3 sin firma " + System.nanoTime()));
    ProcessInstance pi = colabora.start(colabora.request("GERENTE_MUNICIPAL", unsigned));

    assertThat(pi).isWaitingAt("Task_CorrectA3");
    Task correction = colabora.taskAt(pi, "Task_CorrectA3");
    Assertions.assertThat(correction.getAssignee()).isEqualTo(ColaboraFixture.REQUESTER);
    Assertions.assertThat((String) tasks.getVariable(correction.getId(), "a3SignatureProblem"))
        .contains("no tiene firma");
    Assertions.assertThat(documents.find(unsigned).orElseThrow().signatureStatus()).isEqualTo("UNSIGNED");

    colabora.complete(ColaboraFixture.REQUESTER, correction, Map.of(A3_DOCUMENT, colabora.signedA3()));

    assertThat(pi).isWaitingAt("Task_ReviewRequest");
  }

  @Test
  void tamperedA3GoesBackForCorrection() {
    String tampered = colabora.upload(ColaboraFixture.REQUESTER, "a3-alterado.pdf",
        TestPki.modifiedAfterSigning("Formato A-3 " + System.nanoTime(), "Rosa Quispe Mamani"));
    ProcessInstance pi = colabora.start(colabora.request("JEFE_TI", tampered));

    assertThat(pi).isWaitingAt("Task_CorrectA3");
    Assertions.assertThat(documents.find(tampered).orElseThrow().signatureStatus())
        .isEqualTo("MODIFIED_AFTER_SIGNING");
  }

  @Test
  void a3SignedByUntrustedAuthorityGoesBackForCorrection() {
    String untrusted = colabora.upload(ColaboraFixture.REQUESTER, "a3-ca-desconocida.pdf",
        TestPki.untrustedSignedPdf("Formato A-3 " + System.nanoTime()));
    ProcessInstance pi = colabora.start(colabora.request("JEFE_TI", untrusted));

    assertThat(pi).isWaitingAt("Task_CorrectA3");
    Task correction = colabora.taskAt(pi, "Task_CorrectA3");
    Assertions.assertThat((String) tasks.getVariable(correction.getId(), "a3SignatureProblem"))
        .contains("confianza");
  }

  @Test
  void observedRequestIsCorrectedAndApproved() {
    ProcessInstance pi = colabora.startEligible();
    colabora.review(pi, OBSERVE, "La resolución no corresponde al funcionario.");

    assertThat(pi).isWaitingAt("Task_AnswerObservation");
    Task answer = colabora.taskAt(pi, "Task_AnswerObservation");
    Assertions.assertThat((String) tasks.getVariable(answer.getId(), REVIEW_OBSERVATION))
        .isEqualTo("La resolución no corresponde al funcionario.");
    colabora.complete(ColaboraFixture.REQUESTER, answer,
        Map.of(DESIGNATION_DOCUMENT, colabora.designation()));

    assertThat(pi).isWaitingAt("Task_ReviewRequest");
    colabora.review(pi, APPROVE, null);
    assertThat(pi).isWaitingAt("SubProcess_ServiceRequest");
    Assertions.assertThat(colabora.tasksAt(pi, "Task_SubmitA1")).hasSize(3);
  }

  @Test
  void observedRequestIsAbandonedWhenTheWorkingDayDeadlinePasses() {
    ProcessInstance pi = colabora.startEligible();
    colabora.review(pi, OBSERVE, "Falta la firma del titular.");

    assertThat(pi).isWaitingAt("Task_AnswerObservation");
    Job timer = job("Event_ObservationDeadline", pi);
    LocalDate due = timer.getDuedate().toInstant().atZone(ZoneId.of("America/Lima")).toLocalDate();
    Assertions.assertThat(due).isEqualTo(calendar.addWorkingDays(LocalDate.now(ZoneId.of("America/Lima")), 10));

    execute(timer);

    assertThat(pi).isEnded().hasPassed("EndEvent_Abandoned").variables()
        .containsEntry(OUTCOME, "ABANDONADA");
  }

  @Test
  void helpDeskRejectsRequestAndRequesterSeesWhy() {
    ProcessInstance pi = colabora.startEligible();
    colabora.review(pi, REJECT, "La entidad ya tiene un usuario máster vigente.");

    assertThat(pi).isWaitingAt("Task_NotifyRejection");
    Assertions.assertThat((String) runtime.getVariable(pi.getId(), REJECTION_REASON))
        .contains("La entidad ya tiene un usuario máster vigente.");
    colabora.complete(ColaboraFixture.REQUESTER, colabora.taskAt(pi, "Task_NotifyRejection"), Map.of());
    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected");
  }

  @Test
  void oneObservedA1IsCorrectedWhileTheOtherTwoProceed() {
    ProcessInstance pi = colabora.startEligible();
    colabora.review(pi, APPROVE, null);
    for (Task submission : colabora.tasksAt(pi, "Task_SubmitA1")) {
      colabora.complete(ColaboraFixture.REQUESTER, submission,
          Map.of(A1_DOCUMENT, colabora.signedA1(colabora.serviceOf(submission))));
    }
    for (Task a1Review : colabora.tasksAt(pi, "Task_ReviewA1")) {
      boolean cuo = "CUO".equals(colabora.serviceOf(a1Review));
      colabora.complete(ColaboraFixture.HELP_DESK, a1Review, cuo
          ? Map.of(A1_DECISION, OBSERVE, A1_OBSERVATION, "El A-1 del CUO no indica el servidor de consumo.")
          : Map.of(A1_DECISION, APPROVE));
    }

    Assertions.assertThat(records.findServiceAccess(pi.getId()))
        .extracting(ColaboraMapper.ServiceAccess::serviceCode)
        .containsExactly("ENTIDADES_CATEGORIA", "ENVIO_DOCUMENTOS");
    Task again = colabora.taskAt(pi, "Task_SubmitA1");
    Assertions.assertThat(colabora.serviceOf(again)).isEqualTo("CUO");
    Assertions.assertThat((String) tasks.getVariable(again.getId(), A1_OBSERVATION))
        .isEqualTo("El A-1 del CUO no indica el servidor de consumo.");
    assertThat(pi).isNotEnded();

    colabora.complete(ColaboraFixture.REQUESTER, again, Map.of(A1_DOCUMENT, colabora.signedA1("CUO")));
    colabora.complete(ColaboraFixture.HELP_DESK, colabora.taskAt(pi, "Task_ReviewA1"),
        Map.of(A1_DECISION, APPROVE));

    assertThat(pi).isEnded().hasPassed("EndEvent_MasterUserEnabled");
    Assertions.assertThat(records.findServiceAccess(pi.getId())).hasSize(3);
  }

  @Test
  void unsignedA1GoesBackToTheMasterUserAlone() {
    ProcessInstance pi = colabora.startEligible();
    colabora.review(pi, APPROVE, null);
    for (Task submission : colabora.tasksAt(pi, "Task_SubmitA1")) {
      String service = colabora.serviceOf(submission);
      String a1 = "ENVIO_DOCUMENTOS".equals(service)
          ? colabora.upload(ColaboraFixture.REQUESTER, "a1.pdf", TestPki.unsignedPdf("A-1 " + System.nanoTime()))
          : colabora.signedA1(service);
      colabora.complete(ColaboraFixture.REQUESTER, submission, Map.of(A1_DOCUMENT, a1));
    }
    Assertions.assertThat(colabora.tasksAt(pi, "Task_ReviewA1")).hasSize(2);
    Task again = colabora.taskAt(pi, "Task_SubmitA1");
    Assertions.assertThat(colabora.serviceOf(again)).isEqualTo("ENVIO_DOCUMENTOS");
    Assertions.assertThat((String) tasks.getVariable(again.getId(), A1_SIGNATURE_PROBLEM))
        .contains("no tiene firma");
  }

  @Test
  void refusesAnInvalidRequestNamingEachFieldAndStoresNothing() {
    String a3 = colabora.signedA3();
    Map<String, Object> vars = colabora.request("JEFE_TI", a3);
    vars.put(ENTITY_RUC, "20601234566");
    vars.put(OFFICER_DNI, "1234");
    vars.put(OFFICER_MOBILE, "123456789");
    vars.put(OFFICER_EMAIL, "no-es-correo");
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();

    assertRefused(() -> colabora.start(vars),
        "RUC de la entidad: el dígito verificador no es válido.",
        "DNI del funcionario: debe tener 8 dígitos.",
        "Celular: debe tener 9 dígitos y empezar con 9.",
        "Correo electrónico: no es un correo electrónico válido.");

    Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count())
        .isEqualTo(before);
    Assertions.assertThat(documents.find(a3).orElseThrow().processInstanceId()).isNull();
  }

  @Test
  void refusesARequestForAnotherEntity() {
    Map<String, Object> vars = colabora.request("JEFE_TI", colabora.signedA3());
    vars.put(ENTITY_RUC, Actors.PCM_RUC);

    assertRefused(() -> colabora.start(vars),
        "RUC de la entidad: no corresponde a la entidad de su usuario.");
  }

  @Test
  void refusesADocumentUploadedByAnotherEntity() {
    String foreign = colabora.upload("pcm.ti", "a3.pdf", TestPki.signedPdf("A-3 PCM " + System.nanoTime(), "Otro"));
    Map<String, Object> vars = colabora.request("JEFE_TI", foreign);

    assertRefused(() -> colabora.start(vars),
        "Código del Formato A-3: el documento pertenece a otra entidad.");
  }

  @Test
  void helpDeskMustGiveAReasonToObserve() {
    ProcessInstance pi = colabora.startEligible();

    assertRefused(() -> colabora.review(pi, OBSERVE, " "),
        "Observación o motivo: es obligatorio.");
    assertThat(pi).isWaitingAt("Task_ReviewRequest");
  }
}

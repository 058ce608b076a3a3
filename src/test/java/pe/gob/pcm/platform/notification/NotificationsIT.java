package pe.gob.pcm.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pe.gob.pcm.platform.notification.MailTestSupport.html;
import static pe.gob.pcm.platform.notification.MailTestSupport.mailJobs;
import static pe.gob.pcm.platform.notification.MailTestSupport.runAll;
import static pe.gob.pcm.platform.notification.MailTestSupport.subject;
import static pe.gob.pcm.platform.notification.MailTestSupport.text;
import static pe.gob.pcm.platform.notification.MailTestSupport.to;
import static pe.gob.pcm.platform.support.Actors.MUNI_RUC;
import static pe.gob.pcm.platform.support.Actors.PCM_RUC;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import pe.gob.pcm.platform.calendar.PeruTime;
import pe.gob.pcm.platform.support.TestPki;

/**
 * E-mail notifications through the real engine and a real SMTP server (GreenMail, started here
 * on a free port): the platform with {@code spring.mail.host/port} pointed at it. Its own engine
 * and in-memory H2 (the shared test context has no mail server); the job executor is off in
 * tests, so each test runs the mail jobs itself, as the executor would after the commit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // a second engine in this JVM, on its own database: the shared context keeps "default"
    "camunda.bpm.process-engine-name=correo",
    "spring.datasource.url=jdbc:h2:mem:correo;DB_CLOSE_DELAY=-1",
    "spring.mail.host=127.0.0.1",
    "spring.mail.properties[mail.smtp.connectiontimeout]=2000",
    "spring.mail.properties[mail.smtp.timeout]=2000",
    "platform.public-url=https://plataforma.pcm.gob.pe/",
    // the digest is called by the test, not by the clock
    "platform.notifications.digest.cron=-"})
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = TestPki.Initializer.class)
class NotificationsIT {

  static final int SMTP_PORT = MailTestSupport.freePort();
  static final String PROCEDURE = "Procedimiento de prueba de correo";
  static final String ASSIGNED = "correo-asignada";
  static final String OFFERED = "correo-grupo";
  static final String REJECTING = "correo-rechazo";
  static final String TASKLIST = "https://plataforma.pcm.gob.pe/camunda/app/tasklist/default/#/?task=";
  static final LocalDateTime DEADLINE = LocalDateTime.of(2031, 3, 14, 17, 30);

  static GreenMail smtp;

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired Notifications notifications;
  @Autowired DailyDigest digest;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @BeforeAll
  static void startSmtp() {
    smtp = MailTestSupport.smtp(SMTP_PORT);
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @BeforeEach
  void setUp() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    deploy();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theAssigneeReceivesOneMessageWithTheTaskTheProcedureTheDeadlineAndTheLink() throws Exception {
    ProcessInstance pi = start(ASSIGNED, "assignee", "muni.tramite", "plazo", lima(DEADLINE));

    // nothing is sent inside the task's transaction: a job waits for the executor
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(mailJobs(management, pi.getId(), MailJob.Kind.TASK)).hasSize(1);
    runAll(management, pi.getId());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage message = received[0];
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(to(smtp, "muni.tramite@demo.gob.pe")).hasSize(1);
    assertThat(subject(message)).isEqualTo("Nueva tarea: Revisar la solicitud (" + PROCEDURE + ")");
    assertThat(text(message))
        .contains("Se le asignó una tarea")
        .contains("Tarea: Revisar la solicitud")
        .contains("Procedimiento: " + PROCEDURE)
        .contains("Entidad: Municipalidad Distrital de Ejemplo (demostración)")
        .contains("Plazo: 14/03/2031 17:30 (hora de Lima)")
        .contains(TASKLIST + task.getId());
    assertThat(html(message)).contains("<a href=\"" + TASKLIST + task.getId() + "\">")
        .contains("Revisar la solicitud");
    assertThat(message.getFrom()[0].toString()).contains("no-responder@plataforma.gob.pe");
  }

  @Test
  void aGroupTaskGoesToTheGroupsMembersInTheTasksEntityOnly() {
    ensureUser("muni.mesapartes2", "muni.mesapartes2@demo.gob.pe", "mesa-partes", MUNI_RUC);
    ensureUser("muni.sincorreo", null, "mesa-partes", MUNI_RUC);

    ProcessInstance pi = start(OFFERED, "grupo", "mesa-partes", "plazo", lima(DEADLINE));
    runAll(management, pi.getId());

    assertThat(to(smtp, "muni.mesapartes@demo.gob.pe")).hasSize(1);
    assertThat(to(smtp, "muni.mesapartes2@demo.gob.pe")).hasSize(1);
    // the same group in the other entity is not told
    assertThat(to(smtp, "pcm.mesapartes@demo.gob.pe")).isEmpty();
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(text(to(smtp, "muni.mesapartes@demo.gob.pe").get(0)))
        .contains("Hay una tarea disponible para usted o su grupo")
        .contains("Tarea: Atender el pedido");
  }

  @Test
  void aPcmSideGroupIsToldOfTheTasksOfEveryEntity() {
    ProcessInstance pi = start(OFFERED, "grupo", "sgtd-mesa-ayuda", "plazo", lima(DEADLINE));
    runAll(management, pi.getId());

    // sgtd.mesaayuda is no member of the municipality's tenant: its group serves every entity
    assertThat(to(smtp, "sgtd.mesaayuda@demo.gob.pe")).hasSize(1);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aTaskAssignedLaterBySomeoneElseIsAnnouncedButNotAClaimNorATaskForItsOwnCreator() throws Exception {
    ensureUser("muni.mesapartes2", "muni.mesapartes2@demo.gob.pe", "mesa-partes", MUNI_RUC);
    ProcessInstance pi = start(OFFERED, "grupo", "mesa-partes", "plazo", lima(DEADLINE));
    runAll(management, pi.getId());
    smtp.purgeEmailFromAllMailboxes();
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();

    as("muni.mesapartes", List.of("mesa-partes"), List.of(MUNI_RUC), () -> tasks.claim(task.getId(), "muni.mesapartes"));
    assertThat(mailJobs(management, pi.getId(), null)).isEmpty();

    as("demo", List.of("camunda-admin"), null, () -> tasks.setAssignee(task.getId(), "muni.mesapartes2"));
    runAll(management, pi.getId());
    assertThat(to(smtp, "muni.mesapartes2@demo.gob.pe")).hasSize(1);
    assertThat(text(to(smtp, "muni.mesapartes2@demo.gob.pe").get(0))).contains("Se le asignó una tarea");
    assertThat(smtp.getReceivedMessages()).hasSize(1);

    // a task born assigned to the person whose action created it (${initiator}): no mail
    ProcessInstance own = as("demo", List.of("camunda-admin"), null,
        () -> start(ASSIGNED, "assignee", "demo", "plazo", lima(DEADLINE)));
    assertThat(tasks.createTaskQuery().processInstanceId(own.getId()).taskAssignee("demo").count()).isEqualTo(1);
    assertThat(mailJobs(management, own.getId(), null)).isEmpty();
  }

  @Test
  void aTaskRolledBackSendsNothing() {
    String businessKey = "deshecho-" + System.nanoTime();
    assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
      Map<String, Object> vars = vars("assignee", "muni.tramite", "plazo", lima(DEADLINE));
      runtime.startProcessInstanceByKey(ASSIGNED, businessKey, vars);
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(businessKey).count()).isEqualTo(1);
      throw new IllegalStateException("la transacción se deshace");
    })).hasMessageContaining("se deshace");

    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isZero();
    assertThat(management.createJobQuery().list()).noneMatch(job -> job.getProcessInstanceId() == null
        && ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).getJobHandlerType().equals(MailJobHandler.TYPE)
        && ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).getJobHandlerConfigurationRaw().startsWith("TASK"));
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void withTheSmtpServerDownTheTaskStaysTheMailIsRetriedThenAnIncidentAndRetryDeliversIt() throws Exception {
    smtp.stop();
    ProcessInstance pi;
    Job job;
    try {
      pi = start(ASSIGNED, "assignee", "muni.ti", "plazo", lima(DEADLINE));
      assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskAssignee("muni.ti").count()).isEqualTo(1);
      job = mailJobs(management, pi.getId(), MailJob.Kind.TASK).get(0);
      assertThat(job.getRetries()).isEqualTo(3);

      String jobId = job.getId();
      Date before = ClockUtil.getCurrentTime();
      assertThatThrownBy(() -> management.executeJob(jobId)).isInstanceOf(RuntimeException.class);
      Job retried = management.createJobQuery().jobId(jobId).singleResult();
      assertThat(retried.getRetries()).isEqualTo(2);
      assertThat(retried.getExceptionMessage()).isNotBlank();
      // the retry waits platform.notifications.retry-cycle (R3/PT5M), not a few seconds
      assertThat(retried.getDuedate()).isAfter(new Date(before.getTime() + 4 * 60_000));
      assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();

      assertThatThrownBy(() -> management.executeJob(jobId)).isInstanceOf(RuntimeException.class);
      assertThatThrownBy(() -> management.executeJob(jobId)).isInstanceOf(RuntimeException.class);
      assertThat(management.createJobQuery().jobId(jobId).singleResult().getRetries()).isZero();
      List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(pi.getId()).list();
      assertThat(incidents).hasSize(1);
      assertThat(incidents.get(0).getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(incidents.get(0).getActivityId()).isEqualTo("Task_Revisar");
      assertThat(incidents.get(0).getConfiguration()).isEqualTo(jobId);
      // the task is there all along
      assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    } finally {
      smtp = MailTestSupport.smtp(SMTP_PORT);
    }

    // as Cockpit's "Retry" does
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    assertThat(to(smtp, "muni.ti@demo.gob.pe")).hasSize(1);
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(management.createJobQuery().jobId(job.getId()).count()).isZero();
  }

  @Test
  void theDailyDigestListsEachPersonsOverdueTasks() throws Exception {
    Date now = ClockUtil.getCurrentTime();
    Date twoDaysAgo = new Date(now.getTime() - 2 * 24 * 3600_000L);
    ProcessInstance offered = start(OFFERED, "grupo", "mesa-partes", "plazo", twoDaysAgo);
    ProcessInstance assigned = start(ASSIGNED, "assignee", "muni.legal", "plazo", twoDaysAgo);
    // the same group's task in the other entity, not yet due
    ProcessInstance pcm = startFor(PCM_RUC, OFFERED, "grupo", "mesa-partes", "plazo", lima(DEADLINE));
    runAll(management, offered.getId());
    runAll(management, assigned.getId());
    runAll(management, pcm.getId());
    smtp.purgeEmailFromAllMailboxes();

    LocalDate today = LocalDate.now(PeruTime.ZONE);
    OptionalInt people = digest.send(today);
    assertThat(people).isPresent();
    // the day is claimed: a second node (or a second call) sends nothing
    assertThat(digest.send(today)).isEmpty();
    List<Job> digests = mailJobs(management, null, MailJob.Kind.DIGEST);
    assertThat(digests).hasSize(people.getAsInt());
    digests.forEach(job -> management.executeJob(job.getId()));

    Task offeredTask = tasks.createTaskQuery().processInstanceId(offered.getId()).singleResult();
    List<MimeMessage> mesaPartes = to(smtp, "muni.mesapartes@demo.gob.pe");
    assertThat(mesaPartes).hasSize(1);
    assertThat(subject(mesaPartes.get(0))).startsWith("Resumen diario: 1 tarea(s) vencida(s)");
    assertThat(text(mesaPartes.get(0)))
        .contains("- Atender el pedido (" + PROCEDURE + ", Municipalidad Distrital de Ejemplo (demostración)): venció el "
            + MailJobHandler.dateTime(twoDaysAgo))
        .contains(TASKLIST + offeredTask.getId())
        .doesNotContain("Revisar la solicitud");
    assertThat(html(mesaPartes.get(0))).contains("<li><a href=\"" + TASKLIST + offeredTask.getId() + "\">Atender el pedido</a>");

    List<MimeMessage> legal = to(smtp, "muni.legal@demo.gob.pe");
    assertThat(legal).hasSize(1);
    assertThat(text(legal.get(0))).contains("Revisar la solicitud").doesNotContain("Atender el pedido");
    // no overdue task in the other entity: no digest
    assertThat(to(smtp, "pcm.mesapartes@demo.gob.pe")).isEmpty();
    assertThat(to(smtp, "muni.tramite@demo.gob.pe")).isEmpty();
  }

  @Test
  void aRejectionAskedForAsTheProcessEndsIsStillSentAfterwardsWithItsReason() throws Exception {
    ProcessInstance pi = start(REJECTING, "solicitante", "muni.ti",
        "motivo", "El Formato A-3 no está firmado <digitalmente>");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();

    List<Job> requests = mailJobs(management, null, MailJob.Kind.REQUEST);
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).getProcessDefinitionKey()).isEqualTo(REJECTING);
    management.executeJob(requests.get(0).getId());

    List<MimeMessage> received = to(smtp, "muni.ti@demo.gob.pe");
    assertThat(received).hasSize(1);
    assertThat(subject(received.get(0))).isEqualTo("Solicitud rechazada: " + PROCEDURE);
    assertThat(text(received.get(0))).contains("fue rechazada").contains("El Formato A-3 no está firmado <digitalmente>");
    assertThat(html(received.get(0))).contains("El Formato A-3 no está firmado &lt;digitalmente&gt;");
    // the payload goes with its job
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_GE_BYTEARRAY WHERE NAME_ = 'platform-mail-request'",
        Integer.class)).isZero();
  }

  @Test
  void anObservationOutsideAnyTransactionIsSentByItsJob() throws Exception {
    notifications.requestObserved("muni.ogpp", PROCEDURE, "Adjunte el acta firmada.", notifications.taskLink("t-1"));
    assertThat(smtp.getReceivedMessages()).isEmpty();
    List<Job> requests = mailJobs(management, null, MailJob.Kind.REQUEST);
    assertThat(requests).hasSize(1);
    management.executeJob(requests.get(0).getId());

    List<MimeMessage> received = to(smtp, "muni.ogpp@demo.gob.pe");
    assertThat(received).hasSize(1);
    assertThat(subject(received.get(0))).isEqualTo("Solicitud observada: " + PROCEDURE);
    assertThat(text(received.get(0))).contains("Adjunte el acta firmada.").contains(TASKLIST + "t-1");
  }

  private ProcessInstance start(String key, Object... keyValues) {
    return startFor(MUNI_RUC, key, keyValues);
  }

  private ProcessInstance startFor(String ruc, String key, Object... keyValues) {
    Map<String, Object> vars = vars(keyValues);
    vars.put("entityRuc", ruc);
    return runtime.startProcessInstanceByKey(key, vars);
  }

  private static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], keyValues[i + 1]);
    }
    return vars;
  }

  private <T> T as(String userId, List<String> groups, List<String> tenants, java.util.function.Supplier<T> work) {
    identity.setAuthentication(userId, groups, tenants);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void as(String userId, List<String> groups, List<String> tenants, Runnable work) {
    as(userId, groups, tenants, () -> {
      work.run();
      return null;
    });
  }

  private static Date lima(LocalDateTime time) {
    return Date.from(time.atZone(PeruTime.ZONE).toInstant());
  }

  private void ensureUser(String userId, String email, String groupId, String tenantId) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName("Prueba");
      user.setLastName("Correo");
      user.setEmail(email);
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(userId, groupId);
      identity.createTenantUserMembership(tenantId, userId);
    }
  }

  private synchronized void deploy() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(ASSIGNED).count() > 0) {
      return;
    }
    repository.createDeployment().name("correo-pruebas")
        .addModelInstance(ASSIGNED + ".bpmn", Bpmn.createExecutableProcess(ASSIGNED).name(PROCEDURE)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Revisar").name("Revisar la solicitud").camundaAssignee("${assignee}").camundaDueDate("${plazo}")
            .endEvent().done())
        .addModelInstance(OFFERED + ".bpmn", Bpmn.createExecutableProcess(OFFERED).name(PROCEDURE)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Atender").name("Atender el pedido").camundaCandidateGroups("${grupo}").camundaDueDate("${plazo}")
            .endEvent().done())
        .addModelInstance(REJECTING + ".bpmn", Bpmn.createExecutableProcess(REJECTING).name(PROCEDURE)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("Task_Rechazar")
            .camundaExpression("${notifications.requestRejected(solicitante, '" + PROCEDURE + "', motivo, null)}")
            .endEvent().done())
        .deploy();
  }
}

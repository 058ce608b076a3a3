package pe.gob.pcm.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pe.gob.pcm.platform.colabora.ColaboraProcess;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TestPki;
import pe.gob.pcm.platform.tramite.TramiteTestEnvelopes;

/**
 * An entity configured nowhere joins the platform over HTTP, with no restart: its officer
 * registers as a requester and sets a password through the mailed one-time link, asks for the
 * master user through Colabora, the SGTD help desk approves, the master user sets its password
 * through its own link and logs in, the entity receives a document through wsiotramite; then the
 * SGTD suspends it (login and deliveries refused, nothing registered) and reactivates it. A real
 * SMTP server (GreenMail) receives the mails.
 */
@PlatformTest
class OnboardingIT {

  static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  /**
   * This class's context has its own SMTP server, hence its own engine: under its own name, or it
   * would replace the shared context's engine "default" in Camunda's static registry, where the
   * REST API of every context looks engines up.
   */
  static final String ENGINE = "incorporacion";
  static final String ENGINE_REST = "/engine-rest/engine/" + ENGINE;
  static final String HELP_DESK = Http.basic("sgtd.mesaayuda", "demo");
  static final String SGTD_ADMIN = Http.basic("sgtd.admin", "demo");
  static final String PASSWORD = "Clave segura 2026";
  static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 10_000_000L);

  static {
    SMTP.start();
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    registry.add("camunda.bpm.process-engine-name", () -> ENGINE);
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void anEntityConfiguredNowhereJoinsReceivesAndIsSuspendedWithoutARestart() throws Exception {
    String ruc = newRuc();
    String requester = "oficial" + SEQUENCE.incrementAndGet();
    String requesterMail = requester + "@entidad-nueva.gob.pe";
    assertThat(http.get("/api/entidades/" + ruc, HELP_DESK).status()).isEqualTo(404);

    // the officer registers and chooses a password through the link mailed to them
    Http.Response registered = http.postJson("/cuentas/api/registro", null, Map.of("usuario", requester,
        "nombres", "Rosa", "apellidos", "Quispe Mamani", "correo", requesterMail));
    assertThat(registered.status()).as(registered.body()).isEqualTo(202);
    String requesterToken = tokenMailedTo(requesterMail);
    assertThat(http.get(ENGINE_REST + "/task", Http.basic(requester, PASSWORD)).status()).isEqualTo(401);
    Http.Response chosen = http.postJson("/cuentas/api/clave", null,
        Map.of("token", requesterToken, "clave", PASSWORD, "confirmacion", PASSWORD));
    assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
    assertThat(http.postJson("/cuentas/api/clave", null,
        Map.of("token", requesterToken, "clave", "Otra clave 2027", "confirmacion", "Otra clave 2027")).status())
        .as("a link works once").isEqualTo(400);
    String asRequester = Http.basic(requester, PASSWORD);
    assertThat(http.get(ENGINE_REST + "/task", asRequester).status()).isEqualTo(200);

    // the request: the entity is recorded as asking to join, and a second request is refused
    String officerMail = "jefe.ti" + SEQUENCE.incrementAndGet() + "@entidad-nueva.gob.pe";
    String pi = startColabora(asRequester, ruc, officerMail);
    JsonNode asked = http.get("/api/entidades/" + ruc, HELP_DESK).json();
    assertThat(asked.get("estado").asText()).isEqualTo("SOLICITANTE");
    assertThat(asked.get("categoria").asInt()).isEqualTo(8);
    assertThat(identity.createTenantQuery().tenantId(ruc).count()).isZero();
    Http.Response second = http.postJson(ENGINE_REST + "/process-definition/key/" + ColaboraProcess.KEY + "/submit-form",
        asRequester, Map.of("variables", requestVariables(asRequester, ruc, officerMail)));
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.body()).contains("ya hay una solicitud en curso");
    // no entity user sees the request of an entity that is not theirs
    assertThat(http.get(ENGINE_REST + "/process-instance?processInstanceIds=" + pi, Http.basic("muni.ti", "demo"))
        .json()).isEmpty();

    // the help desk approves: tenant, record, master user and its memberships, in one step
    approve(pi);
    assertThat(http.get("/api/entidades/" + ruc, HELP_DESK).json().get("estado").asText()).isEqualTo("ACTIVA");
    String master = ColaboraProcess.MASTER_USER_PREFIX + ruc;
    assertThat(identity.createTenantQuery().tenantId(ruc).userMember(master).count()).isEqualTo(1);
    assertThat(identity.createUserQuery().userId(master).memberOfGroup("usuario-maestro").count()).isEqualTo(1);
    assertThat(identity.createTenantQuery().tenantId(ruc).groupMember("sgtd-mesa-ayuda").count()).isEqualTo(1);

    // the master user's password is chosen by the officer through the link mailed to them
    String masterToken = tokenMailedTo(officerMail);
    assertThat(allMailText()).doesNotContain(PASSWORD);
    assertThat(http.postJson("/cuentas/api/clave", null,
        Map.of("token", masterToken, "clave", PASSWORD, "confirmacion", PASSWORD)).status()).isEqualTo(200);
    String asMaster = Http.basic(master, PASSWORD);
    assertThat(http.get(ENGINE_REST + "/task", asMaster).status()).isEqualTo(200);
    assertThat(http.get("/api/entidades/" + ruc, asMaster).json().get("nombre").asText()).isEqualTo("Entidad " + ruc);

    // the master user creates a mesa-partes colleague, who chooses a password through the link
    String clerk = "mesapartes" + SEQUENCE.incrementAndGet();
    String clerkMail = clerk + "@entidad-nueva.gob.pe";
    Http.Response createdClerk = http.postJson("/api/entidad/usuarios", asMaster, Map.of("usuario", clerk,
        "nombres", "Ana", "apellidos", "Flores", "correo", clerkMail, "roles", List.of("mesa-partes")));
    assertThat(createdClerk.status()).as(createdClerk.body()).isEqualTo(201);
    assertThat(http.postJson("/cuentas/api/clave", null, Map.of("token", tokenMailedTo(clerkMail), "clave", PASSWORD,
        "confirmacion", PASSWORD)).status()).isEqualTo(200);
    String asClerk = Http.basic(clerk, PASSWORD);

    // the new entity receives documents through wsiotramite, in its own tenant
    String cuo = TramiteTestEnvelopes.newCuo();
    Http.Response delivered = http.soap("/wsiotramite/Tramite", TramiteTestEnvelopes.reception(cuo,
        "20100070970", ruc, TestPki.unsignedPdf("Oficio " + cuo)));
    assertThat(value(delivered, "vcodres")).as(delivered.body()).isEqualTo("0000");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("%" + cuo + "%")
        .tenantIdIn(ruc).count()).isEqualTo(1);
    // the clerk sees the reception task in Tasklist and is told about it by mail
    JsonNode clerkTasks = http.get(ENGINE_REST + "/task?candidateGroup=mesa-partes&tenantIdIn=" + ruc, asClerk).json();
    assertThat(clerkTasks).as("the reception task offered to the entity's mesa de partes").hasSize(1);
    runMailJobs();
    String taskMail = mailTo(clerkMail, "Nueva tarea");
    assertThat(taskMail).contains(clerkTasks.get(0).get("name").asText(),
        "/camunda/app/tasklist/default/#/?task=" + clerkTasks.get(0).get("id").asText());

    // suspended: the master user cannot log in and deliveries are refused, not swallowed
    assertThat(http.postJson("/api/entidades/" + ruc + "/suspension", HELP_DESK, Map.of("motivo", "x")).status())
        .as("only the SGTD administration suspends").isEqualTo(403);
    Http.Response suspended = http.postJson("/api/entidades/" + ruc + "/suspension", SGTD_ADMIN,
        Map.of("motivo", "Solicitud de la propia entidad por cambio de sistema"));
    assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
    assertThat(suspended.json().get("estado").asText()).isEqualTo("SUSPENDIDA");
    assertThat(http.get(ENGINE_REST + "/task", asMaster).status()).isEqualTo(401);
    String refusedCuo = TramiteTestEnvelopes.newCuo();
    Http.Response refused = http.soap("/wsiotramite/Tramite", TramiteTestEnvelopes.reception(refusedCuo,
        "20100070970", ruc, TestPki.unsignedPdf("Oficio " + refusedCuo)));
    assertThat(value(refused, "vcodres")).isEqualTo("-1");
    assertThat(value(refused, "vdesres")).contains("suspendida");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("%" + refusedCuo + "%").count())
        .isZero();

    // reactivated: all back, with no restart
    Http.Response reactivated = http.delete("/api/entidades/" + ruc + "/suspension", SGTD_ADMIN);
    assertThat(reactivated.status()).as(reactivated.body()).isEqualTo(200);
    assertThat(reactivated.json().get("estado").asText()).isEqualTo("ACTIVA");
    assertThat(http.get(ENGINE_REST + "/task", asMaster).status()).isEqualTo(200);
  }

  @Test
  void aRejectedRequestLeavesNothingBehind() throws Exception {
    String ruc = newRuc();
    String requester = "oficial" + SEQUENCE.incrementAndGet();
    String mail = requester + "@otra-entidad.gob.pe";
    http.postJson("/cuentas/api/registro", null, Map.of("usuario", requester, "nombres", "Luis",
        "apellidos", "Huamán", "correo", mail));
    http.postJson("/cuentas/api/clave", null,
        Map.of("token", tokenMailedTo(mail), "clave", PASSWORD, "confirmacion", PASSWORD));
    String asRequester = Http.basic(requester, PASSWORD);
    String pi = startColabora(asRequester, ruc, "jefe@otra-entidad.gob.pe");
    assertThat(http.get("/api/entidades/" + ruc, HELP_DESK).json().get("estado").asText()).isEqualTo("SOLICITANTE");

    String taskId = helpDeskTask(pi);
    Http.Response rejected = http.postJson(ENGINE_REST + "/task/" + taskId + "/submit-form", HELP_DESK,
        Map.of("variables", Map.of("reviewDecision", Map.of("value", "RECHAZAR", "type", "String"),
            "reviewObservation", Map.of("value", "El cargo no corresponde a la entidad", "type", "String"))));
    assertThat(rejected.status()).as(rejected.body()).isIn(200, 204);
    JsonNode notice = http.get(ENGINE_REST + "/task?processInstanceId=" + pi, asRequester).json();
    assertThat(notice).hasSize(1);
    assertThat(http.postJson(ENGINE_REST + "/task/" + notice.get(0).get("id").asText() + "/submit-form", asRequester,
        Map.of("variables", Map.of())).status()).isIn(200, 204);

    assertThat(http.get("/api/entidades/" + ruc, HELP_DESK).status()).isEqualTo(404);
    assertThat(identity.createTenantQuery().tenantId(ruc).count()).isZero();
    // the requester is told why, by mail (a retried job after the commit)
    runMailJobs();
    assertThat(mailTo(mail, "Solicitud rechazada")).contains("El cargo no corresponde a la entidad");
    assertThat(identity.createUserQuery().userId(ColaboraProcess.MASTER_USER_PREFIX + ruc).count()).isZero();
  }

  @Test
  void registrationRefusalsNameTheFieldAndCreateNothing() {
    Http.Response refused = http.postJson("/cuentas/api/registro", null, Map.of("usuario", "X!",
        "nombres", "", "apellidos", "Pérez", "correo", "no-es-correo"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("\"campo\":\"usuario\"", "\"campo\":\"nombres\"", "\"campo\":\"correo\"");
    Http.Response taken = http.postJson("/cuentas/api/registro", null, Map.of("usuario", "muni.ti",
        "nombres", "Otro", "apellidos", "Usuario", "correo", "otro@entidad.gob.pe"));
    assertThat(taken.status()).isEqualTo(400);
    assertThat(taken.body()).contains("ya está en uso");
    Http.Response weak = http.postJson("/cuentas/api/clave", null,
        Map.of("token", "inventado", "clave", "corta", "confirmacion", "corta"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.body()).contains("\"campo\":\"token\"");
  }

  @Test
  void theRegistryIsDescribedInOpenApi() {
    Http.Response docs = http.get("/v3/api-docs", null);
    assertThat(docs.status()).isEqualTo(200);
    JsonNode paths = docs.json().get("paths");
    assertThat(paths.has("/api/entidades")).isTrue();
    assertThat(paths.has("/api/entidades/{ruc}/suspension")).isTrue();
    assertThat(paths.get("/api/entidades/{ruc}/suspension").has("delete")).isTrue();
  }

  @Test
  void theRegistryIsPagedAndFilteredForPcmStaffOnly() {
    JsonNode page = http.get("/api/entidades?estado=ACTIVA&tamano=1", HELP_DESK).json();
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(page.get("entidades")).hasSize(1);
    assertThat(http.get("/api/entidades?q=ejemplo", HELP_DESK).json().get("entidades").get(0).get("ruc").asText())
        .isEqualTo("20601234565");
    assertThat(http.get("/api/entidades", Http.basic("muni.ti", "demo")).status()).isEqualTo(403);
    Http.Response badState = http.get("/api/entidades?estado=BORRADA&tamano=500", HELP_DESK);
    assertThat(badState.status()).isEqualTo(400);
    assertThat(badState.body()).contains("\"campo\":\"estado\"", "\"campo\":\"tamano\"");
    assertThat(http.get("/api/entidades/20168999926", Http.basic("muni.ti", "demo")).status())
        .as("another entity's record").isEqualTo(404);
    assertThat(http.get("/api/entidades/20601234565", Http.basic("muni.ti", "demo")).status()).isEqualTo(200);
  }

  private void approve(String pi) {
    String taskId = helpDeskTask(pi);
    Http.Response approved = http.postJson(ENGINE_REST + "/task/" + taskId + "/submit-form", HELP_DESK,
        Map.of("variables", Map.of("reviewDecision", Map.of("value", "APROBAR", "type", "String"))));
    assertThat(approved.status()).as(approved.body()).isIn(200, 204);
  }

  private String helpDeskTask(String pi) {
    JsonNode tasks = http.get(ENGINE_REST + "/task?processInstanceId=" + pi + "&taskDefinitionKey=Task_ReviewRequest",
        HELP_DESK).json();
    assertThat(tasks).as("the help desk's review").hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    assertThat(http.postJson(ENGINE_REST + "/task/" + taskId + "/claim", HELP_DESK,
        Map.of("userId", "sgtd.mesaayuda")).status()).isEqualTo(204);
    return taskId;
  }

  private String startColabora(String authorization, String ruc, String officerMail) {
    Http.Response response = http.postJson(
        ENGINE_REST + "/process-definition/key/" + ColaboraProcess.KEY + "/submit-form", authorization,
        Map.of("variables", requestVariables(authorization, ruc, officerMail)));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("id").asText();
  }

  private Map<String, Object> requestVariables(String authorization, String ruc, String officerMail) {
    String a3 = upload(authorization, "a3.pdf", TestPki.signedPdf("A-3 " + System.nanoTime(), "Rosa Quispe Mamani"));
    String designation = upload(authorization, "resolucion.pdf", TestPki.unsignedPdf("Resolución " + System.nanoTime()));
    Map<String, Object> variables = new LinkedHashMap<>();
    Map<String, String> values = Map.ofEntries(
        Map.entry("entityRuc", ruc), Map.entry("entityName", "Entidad " + ruc), Map.entry("entityCategory", "8"),
        Map.entry("officerName", "Rosa Quispe Mamani"), Map.entry("officerDni", "45678912"),
        Map.entry("officerPositionCode", "JEFE_TI"), Map.entry("officerPosition", "Jefa de TI"),
        Map.entry("officerEmail", officerMail), Map.entry("officerMobile", "987654321"),
        Map.entry("a3DocumentId", a3), Map.entry("designationDocumentId", designation));
    values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
    return variables;
  }

  private String upload(String authorization, String name, byte[] pdf) {
    Http.Response response = http.upload("/api/documentos", authorization, name, "application/pdf", pdf);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  /** The token of the last one-time link mailed to the address (waits for the mail). */
  private static String tokenMailedTo(String address) throws Exception {
    Pattern link = Pattern.compile("/cuentas/clave\\.html\\?token=([A-Za-z0-9_-]+)");
    for (int attempt = 0; attempt < 100; attempt++) {
      List<MimeMessage> sent = Arrays.stream(SMTP.getReceivedMessages())
          .filter(m -> {
            try {
              return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
              return false;
            }
          }).toList();
      if (!sent.isEmpty()) {
        Matcher matcher = link.matcher(text(sent.get(sent.size() - 1)));
        assertThat(matcher.find()).as("a link in the mail").isTrue();
        return matcher.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("No llegó ningún correo a " + address);
  }

  /** Runs the pending mail jobs, as the job executor (off in tests) would. */
  private void runMailJobs() {
    for (org.camunda.bpm.engine.runtime.Job job : management.createJobQuery().withRetriesLeft().list()) {
      if (job instanceof org.camunda.bpm.engine.impl.persistence.entity.JobEntity entity
          && "platform-mail".equals(entity.getJobHandlerType())) { // notification.MailJobHandler.TYPE
        management.executeJob(job.getId());
      }
    }
  }

  /** The text of the first mail to the address whose subject starts so (waits for the job). */
  private static String mailTo(String address, String subject) throws Exception {
    for (int attempt = 0; attempt < 300; attempt++) {
      for (MimeMessage message : SMTP.getReceivedMessages()) {
        if (message.getSubject() != null && message.getSubject().startsWith(subject)
            && Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address))) {
          return text(message);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("No llegó a " + address + " un correo «" + subject + "…»");
  }

  private static String text(jakarta.mail.Part part) throws Exception {
    Object content = part.getContent();
    if (content instanceof jakarta.mail.Multipart multipart) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        text.append(text(multipart.getBodyPart(i)));
      }
      return text.toString();
    }
    return content.toString();
  }

  private static String allMailText() throws Exception {
    StringBuilder text = new StringBuilder();
    for (MimeMessage message : SMTP.getReceivedMessages()) {
      text.append(text(message));
    }
    return text.toString();
  }

  private static String value(Http.Response response, String element) {
    Matcher matcher = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(response.body());
    return matcher.find() ? matcher.group(1) : null;
  }

  /** A RUC of the 20 series with a valid check digit, never configured anywhere. */
  static String newRuc() {
    int[] weights = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    String base = "20" + String.format("%08d", (SEQUENCE.incrementAndGet() * 7919 + 13) % 100_000_000L);
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += (base.charAt(i) - '0') * weights[i];
    }
    int check = 11 - sum % 11;
    return base + (check == 10 ? 0 : check == 11 ? 1 : check);
  }
}

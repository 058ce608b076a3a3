package pe.gob.pcm.platform.pide;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.gob.pcm.platform.colabora.ColaboraProcess.*;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pe.gob.pcm.platform.colabora.ColaboraFixture;
import pe.gob.pcm.platform.pide.credential.PideCredentials;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TestPki;
import pe.gob.pcm.platform.tramite.Dispatches;

/**
 * The local PIDE with {@code platform.pide.local.require-credentials} on, over real HTTP with raw
 * envelopes written from the contracts: the two demo entities exchange a document and its cargo
 * with the credentials the platform carries for each; calls with no, a wrong, another service's,
 * another entity's or a revoked credential are refused (the contract's 0003 or a SOAP fault) and
 * store nothing; Colabora's A-1 grant issues a credential whose secret the master user's one-time
 * link shows once, and the SGTD revokes; a suspended entity's credentials are refused the same way
 * until it is reactivated.
 */
@PlatformTest
class PideCredentialsIT {

  /** This context's own engine (see OnboardingIT): its local PIDE requires credentials. */
  static final String ENGINE = "credenciales"; // no hyphen: Camunda would ignore the name and take "default"
  static final String SGTD_ADMIN = Http.basic("sgtd.admin", "demo");
  static final String MUNI = Actors.MUNI_RUC;
  static final String PCM = Actors.PCM_RUC;
  /** The demo credentials (application-demo.yml), seeded in the local PIDE. */
  static final String MUNI_CUO = "demo-muni-cuo";
  static final String MUNI_ENVIO = "demo-muni-envio";
  static final String PCM_ENVIO = "demo-pcm-envio";

  @DynamicPropertySource
  static void credentialsRequired(DynamicPropertyRegistry registry) {
    registry.add("camunda.bpm.process-engine-name", () -> ENGINE);
    registry.add("platform.pide.local.require-credentials", () -> "true");
  }

  @LocalServerPort int port;
  @Autowired org.camunda.bpm.engine.ProcessEngine ownEngine;
  @Autowired Dispatches dispatches;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired Actors actors;
  @Autowired ColaboraFixture colabora;
  @Autowired PideCredentials credentials;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void thisContextRunsItsOwnEngine() {
    assertThat(ownEngine.getName()).as("an engine named 'default' would replace the shared context's in Camunda's"
        + " static registry, where every context's REST API looks it up").isEqualTo(ENGINE);
  }

  @Test
  void aDocumentAndItsCargoTravelBetweenTwoTenantsWithTheirCredentials() {
    ProcessInstance dispatch = dispatches.send("OFICIO N° 010-2026-MDE/GM");
    dispatches.drain(dispatch.getId());
    Map<String, Object> outgoing = outgoing(dispatch.getId());
    String cuo = (String) outgoing.get("vcuo");
    assertThat(cuo).matches("\\d{10}");
    assertThat(outgoing.get("cflgest")).as("sent through PcmIMgdTramite with muni's credential").isEqualTo("E");
    Map<String, Object> incoming = jdbc.queryForMap("SELECT * FROM iotdtc_recepcion WHERE vcuo = ?", cuo);
    assertThat(incoming.get("vrucentrec")).isEqualTo(PCM);

    Task task = tasks.createTaskQuery().processInstanceBusinessKey(cuo).singleResult();
    actors.as(Dispatches.RECEIVER, () -> {
      tasks.claim(task.getId(), Dispatches.RECEIVER);
      tasks.complete(task.getId(), Map.of("receptionDecision", "REGISTRAR", "receptionUnit", "SECRETARÍA GENERAL"));
    });
    dispatches.drain((String) incoming.get("process_instance_id"));
    assertThat(outgoing(dispatch.getId()).get("cflgest")).as("the PCM's cargo came back with its credential")
        .isEqualTo("R");
  }

  @Test
  void noWrongOtherServiceOrOtherEntityCredentialIsRefusedAndNothingStored() {
    long counter = cuoCounter();
    for (String header : List.of("", security(MUNI + ".CUO", "no-es-la-clave"), security(MUNI + ".ENVIO_DOCUMENTOS", MUNI_ENVIO),
        security("20999999999.CUO", MUNI_CUO), security(PCM + ".CUO", "demo-pcm-cuo"))) {
      Http.Response refused = http.soap("/pide/PcmCuo", cuoEnvelope(header, MUNI));
      assertThat(refused.status()).as(header).isEqualTo(500);
      assertThat(refused.body()).as(header).contains("<faultcode>soap:Client</faultcode>")
          .containsAnyOf("Se requiere la credencial", "no válida o revocada", "no da acceso", "no puede actuar por");
      assertThat(refused.body()).doesNotContain("<return>");
    }
    assertThat(cuoCounter()).as("no CUO handed out").isEqualTo(counter);
    Http.Response granted = http.soap("/pide/PcmCuo", cuoEnvelope(security(MUNI + ".CUO", MUNI_CUO), MUNI));
    assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    assertThat(granted.body()).containsPattern("<return>\\d{10}</return>");

    Http.Response noList = http.soap("/pide/PcmIMgdEntidad", envelope("",
        "<ws:getListaEntidad xmlns:ws=\"http://ws.wsentidad.segdi.gob.pe/\"><sidcatent>8</sidcatent></ws:getListaEntidad>"));
    assertThat(noList.status()).isEqualTo(500);
    assertThat(noList.body()).contains("Se requiere la credencial de la PIDE del servicio PcmIMgdEntidad");
    Http.Response list = http.soap("/pide/PcmIMgdEntidad", envelope(security(MUNI + ".ENTIDADES_CATEGORIA", "demo-muni-entidades"),
        "<ws:getListaEntidad xmlns:ws=\"http://ws.wsentidad.segdi.gob.pe/\"><sidcatent>8</sidcatent></ws:getListaEntidad>"));
    assertThat(list.body()).contains("<vrucent>" + MUNI + "</vrucent>");

    Map<String, String> refusals = Map.of(
        "", "Se requiere la credencial de la PIDE del servicio PcmIMgdTramite",
        security(MUNI + ".ENVIO_DOCUMENTOS", "otra-clave"), "Credencial de la PIDE no válida o revocada",
        security(MUNI + ".CUO", MUNI_CUO), "no da acceso al servicio PcmIMgdTramite",
        security(PCM + ".ENVIO_DOCUMENTOS", PCM_ENVIO), "no puede actuar por la entidad " + MUNI);
    refusals.forEach((header, reason) -> {
      String cuo = newCuo();
      Http.Response answer = http.soap("/pide/PcmIMgdTramite", reception(header, cuo));
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).as(header).contains("<vcodres>0003</vcodres>").contains(reason);
      assertThat(received(cuo)).as("nothing relayed nor stored").isZero();
    });
    String cuo = newCuo();
    Http.Response accepted = http.soap("/pide/PcmIMgdTramite", reception(security(MUNI + ".ENVIO_DOCUMENTOS", MUNI_ENVIO), cuo));
    assertThat(accepted.body()).as(accepted.body()).contains("<vcodres>0000</vcodres>");
    assertThat(received(cuo)).isEqualTo(1);
  }

  @Test
  void anA1GrantIssuesACredentialShownOnceThroughTheMasterUsersLink() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger mailer = (Logger) LoggerFactory.getLogger("pe.gob.pcm.platform.account.LinkMailer");
    mailer.addAppender(log);
    ProcessInstance pi;
    try {
      pi = colabora.startEligible();
      colabora.review(pi, APPROVE, null);
      for (Task submission : colabora.tasksAt(pi, "Task_SubmitA1")) {
        colabora.complete(ColaboraFixture.REQUESTER, submission,
            Map.of(A1_DOCUMENT, colabora.signedA1(colabora.serviceOf(submission))));
      }
      for (Task review : colabora.tasksAt(pi, "Task_ReviewA1")) {
        colabora.complete(ColaboraFixture.HELP_DESK, review, Map.of(A1_DECISION, APPROVE));
      }
    } finally {
      mailer.detachAppender(log);
    }
    JsonNode listed = http.get("/api/entidades/" + MUNI + "/credenciales", SGTD_ADMIN).json().get("credenciales");
    List<JsonNode> ofGrant = new java.util.ArrayList<>();
    listed.forEach(c -> {
      if (pi.getId().equals(c.path("concesion").asText())) {
        ofGrant.add(c);
      }
    });
    assertThat(ofGrant).extracting(c -> c.get("servicio").asText())
        .containsExactlyInAnyOrder("CUO", "ENTIDADES_CATEGORIA", "ENVIO_DOCUMENTOS");
    assertThat(ofGrant).allSatisfy(c -> assertThat(c.get("estado").asText()).isEqualTo("PENDIENTE"));
    assertThat(listed.toString()).doesNotContain("secret", "hash");

    String token = lastLinkToken(log, MASTER_USER_PREFIX + MUNI);
    Http.Response shown = http.postJson("/cuentas/api/credencial", null, Map.of("token", token));
    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    Map<String, String> secrets = new HashMap<>();
    shown.json().get("credenciales").forEach(c -> secrets.put(c.get("usuario").asText(), c.get("clave").asText()));
    assertThat(secrets).containsOnlyKeys(MUNI + ".CUO", MUNI + ".ENTIDADES_CATEGORIA", MUNI + ".ENVIO_DOCUMENTOS");
    assertThat(http.postJson("/cuentas/api/credencial", null, Map.of("token", token)).status())
        .as("shown once").isEqualTo(400);
    assertThat(http.postJson("/cuentas/api/clave", null, Map.of("token", token, "clave", "Clave segura 2026",
        "confirmacion", "Clave segura 2026")).status()).as("a credential link sets no password").isEqualTo(400);

    Http.Response cuo = http.soap("/pide/PcmCuo", cuoEnvelope(security(MUNI + ".CUO", secrets.get(MUNI + ".CUO")), MUNI));
    assertThat(cuo.body()).as(cuo.body()).containsPattern("<return>\\d{10}</return>");
    assertThat(http.get("/api/entidades/" + MUNI + "/credenciales", SGTD_ADMIN).json().get("credenciales").toString())
        .contains("VIGENTE");
  }

  @Test
  void aRevokedCredentialStopsWorkingAtOnce() {
    String ruc = freshRuc();
    // issued as a grant does, its link to a user of the test (in the log: no mail server)
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger mailer = (Logger) LoggerFactory.getLogger("pe.gob.pcm.platform.account.LinkMailer");
    mailer.addAppender(log);
    try {
      credentials.issue(ruc, "CUO", "prueba-" + UUID.randomUUID(), "sgtd.mesaayuda", "muni.ti");
    } finally {
      mailer.detachAppender(log);
    }
    String token = lastLinkToken(log, "muni.ti");
    JsonNode shown = http.postJson("/cuentas/api/credencial", null, Map.of("token", token)).json().get("credenciales");
    assertThat(shown).hasSize(1);
    String secret = shown.get(0).get("clave").asText();
    String header = security(ruc + ".CUO", secret);
    assertThat(http.soap("/pide/PcmCuo", cuoEnvelope(header, ruc)).body()).containsPattern("<return>\\d{10}</return>");

    assertThat(http.postJson("/api/entidades/" + ruc + "/credenciales/CUO/revocacion",
        Http.basic("sgtd.mesaayuda", "demo"), Map.of("motivo", "x")).status()).as("only the SGTD administration")
        .isEqualTo(403);
    assertThat(http.postJson("/api/entidades/" + ruc + "/credenciales/OTRO/revocacion", SGTD_ADMIN,
        Map.of("motivo", "x")).status()).isEqualTo(400);
    Http.Response revoked = http.postJson("/api/entidades/" + ruc + "/credenciales/CUO/revocacion", SGTD_ADMIN,
        Map.of("motivo", "La entidad reportó la clave expuesta"));
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    assertThat(revoked.body()).contains("REVOCADA", "La entidad reportó la clave expuesta");
    assertThat(http.postJson("/api/entidades/" + ruc + "/credenciales/CUO/revocacion", SGTD_ADMIN,
        Map.of("motivo", "otra vez")).status()).isEqualTo(404);

    long counter = cuoCounter();
    Http.Response refused = http.soap("/pide/PcmCuo", cuoEnvelope(header, ruc));
    assertThat(refused.status()).isEqualTo(500);
    assertThat(refused.body()).contains("Credencial de la PIDE no válida o revocada para el servicio PcmCuo");
    assertThat(cuoCounter()).isEqualTo(counter);
  }

  @Test
  void aSuspendedEntitysCredentialsAreRefusedUntilItIsReactivated() {
    String ruc = freshRuc();
    Http.Response registered = http.postJson("/api/entidades", SGTD_ADMIN,
        Map.of("ruc", ruc, "nombre", "Municipalidad de Prueba de Suspensión", "categoria", 8));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger mailer = (Logger) LoggerFactory.getLogger("pe.gob.pcm.platform.account.LinkMailer");
    mailer.addAppender(log);
    String grant = "prueba-" + UUID.randomUUID();
    try {
      credentials.issue(ruc, "CUO", grant, "sgtd.mesaayuda", "muni.ti");
      credentials.issue(ruc, "ENVIO_DOCUMENTOS", grant, "sgtd.mesaayuda", "muni.ti");
    } finally {
      mailer.detachAppender(log);
    }
    Map<String, String> secrets = new HashMap<>();
    http.postJson("/cuentas/api/credencial", null, Map.of("token", lastLinkToken(log, "muni.ti"))).json()
        .get("credenciales").forEach(c -> secrets.put(c.get("usuario").asText(), c.get("clave").asText()));
    String cuoHeader = security(ruc + ".CUO", secrets.get(ruc + ".CUO"));
    String envioHeader = security(ruc + ".ENVIO_DOCUMENTOS", secrets.get(ruc + ".ENVIO_DOCUMENTOS"));
    assertThat(http.soap("/pide/PcmCuo", cuoEnvelope(cuoHeader, ruc)).body()).containsPattern("<return>\\d{10}</return>");

    Http.Response suspended = http.postJson("/api/entidades/" + ruc + "/suspension", SGTD_ADMIN,
        Map.of("motivo", "Incumplimiento de las condiciones de uso"));
    assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
    assertThat(suspended.json().get("estado").asText()).isEqualTo("SUSPENDIDA");
    String reason = "La entidad " + ruc + " está suspendida en la plataforma: sus credenciales de la PIDE no se"
        + " aceptan mientras dure la suspensión.";

    long counter = cuoCounter();
    Http.Response noCuo = http.soap("/pide/PcmCuo", cuoEnvelope(cuoHeader, ruc));
    assertThat(noCuo.status()).as("the fault of a revoked credential").isEqualTo(500);
    assertThat(noCuo.body()).contains("<faultcode>soap:Client</faultcode>").contains(reason)
        .doesNotContain("<return>");
    assertThat(cuoCounter()).as("no CUO handed out").isEqualTo(counter);
    String refusedCuo = newCuo();
    Http.Response noDocument = http.soap("/pide/PcmIMgdTramite", reception(envioHeader, refusedCuo, ruc));
    assertThat(noDocument.status()).isEqualTo(200);
    assertThat(noDocument.body()).contains("<vcodres>0003</vcodres>").contains(reason);
    assertThat(received(refusedCuo)).as("nothing relayed nor stored").isZero();

    assertThat(http.delete("/api/entidades/" + ruc + "/suspension", SGTD_ADMIN).json().get("estado").asText())
        .isEqualTo("ACTIVA");
    assertThat(http.soap("/pide/PcmCuo", cuoEnvelope(cuoHeader, ruc)).body()).as("reactivated")
        .containsPattern("<return>\\d{10}</return>");
    String cuo = newCuo();
    Http.Response accepted = http.soap("/pide/PcmIMgdTramite", reception(envioHeader, cuo, ruc));
    assertThat(accepted.body()).as(accepted.body()).contains("<vcodres>0000</vcodres>");
    assertThat(received(cuo)).isEqualTo(1);
  }

  @Test
  void theRevocationIsDescribedInOpenApi() {
    JsonNode paths = http.get("/v3/api-docs", null).json().get("paths");
    assertThat(paths.has("/api/entidades/{ruc}/credenciales/{servicio}/revocacion")).isTrue();
    assertThat(paths.get("/api/entidades/{ruc}/credenciales/{servicio}/revocacion").has("post")).isTrue();
  }

  // ---- the contracts' envelopes, written by hand

  static String security(String username, String password) {
    return "<wsse:Security soapenv:mustUnderstand=\"1\" xmlns:wsse=\"" + UsernameToken.WSSE + "\">"
        + "<wsse:UsernameToken><wsse:Username>" + username + "</wsse:Username>"
        + "<wsse:Password Type=\"" + UsernameToken.PASSWORD_TEXT + "\">" + password + "</wsse:Password>"
        + "</wsse:UsernameToken></wsse:Security>";
  }

  static String envelope(String header, String body) {
    return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
        + "<soapenv:Header>" + header + "</soapenv:Header><soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
  }

  static String cuoEnvelope(String header, String ruc) {
    return envelope(header, "<web:getCUOEntidad xmlns:web=\"http://pcm.pide.gob.pe/webservice\"><ruc>" + ruc
        + "</ruc><servicio>3011</servicio></web:getCUOEntidad>");
  }

  /** recepcionarTramiteResponse of PcmIMgdTramite, from the municipality to the PCM, fields in the PIDE's order. */
  static String reception(String header, String cuo) {
    return reception(header, cuo, MUNI);
  }

  /** recepcionarTramiteResponse of PcmIMgdTramite from the sender to the PCM. */
  static String reception(String header, String cuo, String senderRuc) {
    String pdf = Base64.getEncoder().encodeToString(TestPki.unsignedPdf("Oficio " + cuo));
    return envelope(header, "<ws:recepcionarTramiteResponse xmlns:ws=\"http://ws.wsiopidetramite.segdi.gob.pe/\"><request>"
        + "<vrucentrem>" + senderRuc + "</vrucentrem><vrucentrec>" + PCM + "</vrucentrec>"
        + "<vnomentemi>Municipalidad Distrital de Ejemplo</vnomentemi><vuniorgrem>GERENCIA MUNICIPAL</vuniorgrem>"
        + "<vcuo>" + cuo + "</vcuo><ccodtipdoc>01</ccodtipdoc><vnumdoc>OFICIO N° " + cuo + "</vnumdoc>"
        + "<dfecdoc>" + OffsetDateTime.now(ZoneOffset.ofHours(-5)).minusHours(1)
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")) + "</dfecdoc>"
        + "<vuniorgdst>SECRETARÍA GENERAL</vuniorgdst><vnomdst>ANA TORRES</vnomdst>"
        + "<vnomcardst>SECRETARIA GENERAL</vnomcardst><vasu>Prueba de credenciales</vasu>"
        + "<snumanx>0</snumanx><snumfol>1</snumfol><bpdfdoc>" + pdf + "</bpdfdoc><vnomdoc>oficio.pdf</vnomdoc>"
        + "<ctipdociderem>1</ctipdociderem><vnumdociderem>45678912</vnumdociderem>"
        + "</request></ws:recepcionarTramiteResponse>");
  }

  // ---- helpers

  private static String newCuo() {
    return pe.gob.pcm.platform.tramite.TramiteTestEnvelopes.newCuo();
  }

  private long cuoCounter() {
    return jdbc.queryForObject("SELECT ultimo FROM pide_cuo_contador WHERE id = 1", Long.class);
  }

  private long received(String cuo) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM iotdtc_recepcion WHERE vcuo = ?", Long.class, cuo);
  }

  private Map<String, Object> outgoing(String processInstanceId) {
    return jdbc.queryForMap("SELECT * FROM iotdtc_despacho WHERE process_instance_id = ? ORDER BY id DESC"
        + " FETCH FIRST 1 ROWS ONLY", processInstanceId);
  }

  /** The token of the last credential link written to the log for the user (no mail server in tests). */
  private static String lastLinkToken(ListAppender<ILoggingEvent> log, String userId) {
    Pattern link = Pattern.compile("/cuentas/credencial\\.html\\?token=([A-Za-z0-9_-]+)");
    String token = null;
    for (ILoggingEvent event : log.list) {
      Matcher matcher = link.matcher(event.getFormattedMessage());
      if (event.getFormattedMessage().contains(userId) && matcher.find()) {
        token = matcher.group(1);
      }
    }
    assertThat(token).as("a credential link for " + userId + " in " + log.list).isNotNull();
    return token;
  }

  /** A RUC no other test uses, with a valid check digit (weights 5,4,3,2,7,6,5,4,3,2). */
  private static String freshRuc() {
    String base = "20" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    int[] weights = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += (base.charAt(i) - '0') * weights[i];
    }
    return base + (11 - sum % 11) % 10;
  }
}

package pe.gob.pcm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import pe.gob.pcm.platform.pgo.PgoProcess;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TestPki;

/**
 * Where one entity's users stop: over real HTTP, the REST API, the platform's own API and the
 * webapps' API. Unauthenticated calls get 401; a municipality's users asking for the PCM's
 * process instance, task, variables, history, documents or PGO expediente get nothing (404,
 * 403 or an empty list, never the data); engine-wide figures are for administrators only; the
 * webapps refuse a state-changing call without the CSRF token.
 */
@PlatformTest
class AccessBoundariesIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ADMIN = Http.basic("demo", "demo");
  static final String MUNI_MESA = Http.basic("muni.mesapartes", "demo");
  static final String MUNI_OGPP = Http.basic("muni.ogpp", "demo");
  static final String PCM_MESA = Http.basic("pcm.mesapartes", "demo");
  static final String ENGINE_API = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired Actors actors;
  @Autowired pe.gob.pcm.platform.entity.HostedEntities hostedEntities;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired pe.gob.pcm.platform.pgo.PgoStructures structures;
  Http http;

  /** A document the PIDE delivered to the PCM: its instance, task, CUO and stored PDF. */
  record Received(String cuo, String processInstanceId, String taskId, String documentId,
      String processDefinitionId) {}

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void unauthenticatedCallsGet401() {
    List<String> paths = List.of("/engine-rest/process-definition", "/engine-rest/process-instance",
        "/engine-rest/task", "/engine-rest/history/process-instance", "/engine-rest/metrics",
        "/engine-rest/history/process-definition/cleanable-process-instance-report", "/engine-rest/user",
        "/engine-rest/deployment", "/api/documentos/x", "/api/pgo/expedientes/1/estructura",
        "/api/pgo/entidades/" + Actors.PCM_RUC + "/ROF/versiones", "/api/plataforma", "/api/pide/entidades",
        "/documentos/subir.html", ENGINE_API + "/task", ENGINE_API + "/process-instance",
        "/camunda/api/cockpit/plugin/base/default/process-definition/statistics");
    List<String> open = new ArrayList<>();
    for (String path : paths) {
      Http.Response response = http.get(path, null);
      if (response.status() != 401) {
        open.add(path + " → " + response.status());
      }
    }
    assertThat(open).as("deben responder 401 sin credenciales").isEmpty();
    // wrong credentials are no credentials
    // (a user no test logs in as: Camunda delays a user's next logins after a wrong password)
    assertThat(http.get("/engine-rest/task", Http.basic("muni.legal", "otra")).status()).isEqualTo(401);
  }

  @Test
  void aMunicipalityUserGetsNothingOfAPcmReception() {
    Received pcm = receive(Actors.PCM_RUC, "20601234565");
    // the PCM's own Mesa de Partes does see it (the probes below can find data)
    assertThat(http.get("/engine-rest/process-instance/" + pcm.processInstanceId(), PCM_MESA).status()).isEqualTo(200);
    assertThat(http.get("/engine-rest/task/" + pcm.taskId(), PCM_MESA).status()).isEqualTo(200);
    assertThat(http.get("/api/documentos/" + pcm.documentId(), Http.basic("demo", "demo")).status()).isEqualTo(200);

    String pi = pcm.processInstanceId();
    String task = pcm.taskId();
    List<String> leaks = new ArrayList<>();
    for (String path : List.of(
        "/engine-rest/process-instance/" + pi,
        "/engine-rest/process-instance/" + pi + "/variables",
        "/engine-rest/process-instance/" + pi + "/variables/cuo",
        "/engine-rest/process-instance/" + pi + "/activity-instances",
        "/engine-rest/process-instance?businessKey=" + pcm.cuo(),
        "/engine-rest/process-instance/count?businessKey=" + pcm.cuo(),
        "/engine-rest/execution?processInstanceId=" + pi,
        "/engine-rest/variable-instance?processInstanceIdIn=" + pi,
        "/engine-rest/task?processInstanceId=" + pi,
        "/engine-rest/task/count?processInstanceId=" + pi,
        "/engine-rest/task/" + task,
        "/engine-rest/task/" + task + "/variables",
        "/engine-rest/task/" + task + "/form-variables",
        "/engine-rest/task/" + task + "/identity-links",
        "/engine-rest/task/" + task + "/comment",
        "/engine-rest/incident?processInstanceId=" + pi,
        "/engine-rest/job?processInstanceId=" + pi,
        "/engine-rest/history/process-instance/" + pi,
        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + pcm.cuo(),
        "/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + pcm.cuo(),
        "/engine-rest/history/activity-instance?processInstanceId=" + pi,
        "/engine-rest/history/variable-instance?processInstanceId=" + pi,
        "/engine-rest/history/detail?processInstanceId=" + pi,
        "/engine-rest/history/task?processInstanceId=" + pi,
        "/engine-rest/history/identity-link-log?taskId=" + task,
        "/engine-rest/history/user-operation?processInstanceId=" + pi,
        "/engine-rest/history/process-definition/" + pcm.processDefinitionId() + "/statistics",
        "/engine-rest/history/process-definition/cleanable-process-instance-report",
        "/engine-rest/history/process-definition/cleanable-process-instance-report/count",
        "/engine-rest/metrics",
        "/engine-rest/metrics/activity-instance-start/sum",
        "/engine-rest/metrics/task-users?startTime=2020-01-01T00:00:00.000%2B0000",
        "/api/documentos/" + pcm.documentId(),
        "/api/documentos/" + pcm.documentId() + "/contenido")) {
      String leak = leak(path, http.get(path, MUNI_MESA), pcm);
      if (leak != null) {
        leaks.add(leak);
      }
    }
    assertThat(leaks).as("lo que un usuario de la municipalidad obtiene de la PCM").isEmpty();
  }

  @Test
  void countsAndStatisticsOfAMunicipalityUserIgnoreThePcmsInstances() {
    Received first = receive(Actors.PCM_RUC, "20601234565");
    List<String> paths = List.of(
        "/engine-rest/process-definition/" + first.processDefinitionId() + "/statistics",
        "/engine-rest/process-definition/statistics",
        "/engine-rest/process-instance/count",
        "/engine-rest/execution/count",
        "/engine-rest/task/count",
        "/engine-rest/variable-instance/count",
        "/engine-rest/history/process-instance/count",
        "/engine-rest/history/activity-instance/count",
        "/engine-rest/history/task/count",
        "/engine-rest/history/variable-instance/count",
        "/engine-rest/history/detail/count",
        "/engine-rest/history/process-instance/report?reportType=duration&periodUnit=month",
        "/engine-rest/history/task/report?reportType=count&groupBy=processDefinition");
    Map<String, String> before = new java.util.LinkedHashMap<>();
    paths.forEach(path -> before.put(path, answer(path, MUNI_MESA)));

    receive(Actors.PCM_RUC, "20601234565");

    List<String> changed = new ArrayList<>();
    for (String path : paths) {
      String after = answer(path, MUNI_MESA);
      if (!after.equals(before.get(path))) {
        changed.add(path + ": " + abbreviate(before.get(path)) + " → " + abbreviate(after));
      }
    }
    assertThat(changed).as("cifras que cuentan las instancias de la PCM").isEmpty();
    // the same figures do move for the PCM's own user
    String pcmBefore = http.get("/engine-rest/process-instance/count", PCM_MESA).body();
    receive(Actors.PCM_RUC, "20601234565");
    assertThat(http.get("/engine-rest/process-instance/count", PCM_MESA).body()).isNotEqualTo(pcmBefore);
  }

  @Test
  void aMunicipalityUserCannotActOnAPcmReception() throws Exception {
    Received pcm = receive(Actors.PCM_RUC, "20601234565");
    String pi = pcm.processInstanceId();

    Http.Response claim = http.postJson("/engine-rest/task/" + pcm.taskId() + "/claim", MUNI_MESA,
        Map.of("userId", "muni.mesapartes"));
    Http.Response complete = http.postJson("/engine-rest/task/" + pcm.taskId() + "/complete", MUNI_MESA,
        Map.of("variables", Map.of("receptionDecision", Map.of("value", "REGISTRAR"))));
    Http.Response setVariable = http.postJson("/engine-rest/process-instance/" + pi + "/variables", MUNI_MESA,
        Map.of("modifications", Map.of("cuo", Map.of("value", "0000000000"))));
    Http.Response suspend = put("/engine-rest/process-instance/" + pi + "/suspended", MUNI_MESA, "{\"suspended\":true}");
    Http.Response delete = delete("/engine-rest/process-instance/" + pi, MUNI_MESA);

    for (Http.Response refused : List.of(claim, complete, setVariable, suspend, delete)) {
      assertThat(refused.status()).as(refused.body()).isIn(403, 404);
      assertThat(refused.body()).doesNotContain(pcm.cuo()).doesNotContain("Exception:").doesNotContain("at org.");
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).active().count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().taskId(pcm.taskId()).singleResult().getAssignee()).isNull();
    assertThat(runtime.getVariable(pi, "cuo")).isEqualTo(pcm.cuo());
  }

  @Test
  void aHiddenInstanceAnswers404LikeAMissingOne() {
    Received pcm = receive(Actors.PCM_RUC, "20601234565");

    Http.Response hidden = http.get("/engine-rest/process-instance/" + pcm.processInstanceId() + "/variables", MUNI_MESA);
    Http.Response missing = http.get("/engine-rest/process-instance/no-existe/variables", MUNI_MESA);

    assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
    assertThat(missing.status()).as(missing.body()).isEqualTo(404);
    assertThat(hidden.body()).doesNotContain("ENGINE-").doesNotContain(pcm.cuo());
  }

  @Test
  void engineWideFiguresAreForAdministratorsOnly() {
    Received pcm = receive(Actors.PCM_RUC, "20601234565");
    for (String path : List.of("/engine-rest/metrics", "/engine-rest/metrics/activity-instance-start/sum",
        "/engine-rest/history/process-definition/" + pcm.processDefinitionId() + "/statistics",
        "/engine-rest/history/process-definition/cleanable-process-instance-report",
        "/engine-rest/history/process-definition/cleanable-process-instance-report/count")) {
      assertThat(http.get(path, MUNI_MESA).status()).as(path).isEqualTo(403);
      assertThat(http.get(path, PCM_MESA).status()).as(path).isEqualTo(403);
      assertThat(http.get(path, ADMIN).status()).as(path).isEqualTo(200);
    }
  }

  /**
   * A session opened before its entity is suspended ends at its next request (401 with the
   * reason), logging in again is refused, and after the reactivation both work again.
   */
  @Test
  void theOpenSessionsOfASuspendedEntityEnd() throws Exception {
    String ruc = "20500009994";
    assertThat(pe.gob.pcm.platform.validation.Identifiers.rucProblem(ruc)).isNull();
    hostedEntities.register(new pe.gob.pcm.platform.entity.HostedEntities.EntityDetails(ruc,
        "Municipalidad Distrital de Suspensión (prueba)", 8, null, null), "prueba");
    String user = "suspension.mesapartes";
    if (identity.createUserQuery().userId(user).count() == 0) {
      org.camunda.bpm.engine.identity.User created = identity.newUser(user);
      created.setFirstName("Mesa");
      created.setLastName("Suspensión");
      created.setPassword("demo");
      identity.saveUser(created);
      identity.createMembership(user, Role.MESA_PARTES.groupId());
      identity.createTenantUserMembership(ruc, user);
    }
    Browser browser = new Browser();
    assertThat(browser.login(user, true).statusCode()).isEqualTo(200);
    assertThat(browser.get(ENGINE_API + "/task/count").statusCode()).isEqualTo(200);
    try {
      assertThat(hostedEntities.suspend(ruc, "Prueba de suspensión", "prueba")).isTrue();
      HttpResponse<String> ended = browser.get(ENGINE_API + "/task/count");
      assertThat(ended.statusCode()).isEqualTo(401);
      assertThat(ended.body()).contains("suspendida");
      assertThat(browser.get(ENGINE_API + "/task/count").statusCode()).isEqualTo(401);
      assertThat(browser.login(user, true).statusCode()).isEqualTo(401);
      // a PCM user, member of every tenant through its groups, keeps working
      Browser pcm = new Browser();
      assertThat(pcm.login("sgtd.mesaayuda", true).statusCode()).isEqualTo(200);
      assertThat(pcm.get(ENGINE_API + "/task/count").statusCode()).isEqualTo(200);
    } finally {
      hostedEntities.reactivate(ruc, "prueba");
    }
    Browser again = new Browser();
    assertThat(again.login(user, true).statusCode()).isEqualTo(200);
    assertThat(again.get(ENGINE_API + "/task/count").statusCode()).isEqualTo(200);
  }

  /**
   * Within one entity: a role that a procedure names as a candidate somewhere reads all of that
   * procedure's tasks (a grant on the definition, TaskReaders) but works only on its own; a role
   * the procedure never names sees none of them.
   */
  @Test
  void aRoleReadsItsProceduresTasksButWorksOnlyOnItsOwn() throws Exception {
    ProcessInstance pgo = actors.as("pcm.ogpp", () -> runtime.startProcessInstanceByKey(PgoProcess.KEY,
        Map.of("entityRuc", Actors.PCM_RUC, "entityName", "Presidencia del Consejo de Ministros",
            "entityCategory", "1", "documentType", "ROF", "trigger", "REASIGNACION")));
    String task = tasks.createTaskQuery().processInstanceId(pgo.getId()).singleResult().getId();
    assertThat(tasks.getIdentityLinksForTask(task)).anyMatch(l -> Role.OGPP.groupId().equals(l.getGroupId()));
    String legal = Http.basic("pcm.legal", "demo");
    String ti = Http.basic("pcm.ti", "demo");

    assertThat(http.get("/engine-rest/task/" + task, legal).status()).isEqualTo(200);
    assertThat(http.get("/engine-rest/task/" + task, ti).status()).isIn(403, 404);
    Http.Response claim = http.postJson("/engine-rest/task/" + task + "/claim", legal, Map.of("userId", "pcm.legal"));
    Http.Response complete = http.postJson("/engine-rest/task/" + task + "/complete", legal, Map.of("variables", Map.of()));
    assertThat(claim.status()).as(claim.body()).isEqualTo(403);
    assertThat(complete.status()).as(complete.body()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(http.postJson("/engine-rest/task/" + task + "/claim", Http.basic("pcm.ogpp", "demo"),
        Map.of("userId", "pcm.ogpp")).status()).isEqualTo(204);

    Received received = receive(Actors.PCM_RUC, "20601234565");
    assertThat(http.get("/engine-rest/task/" + received.taskId(), ti).status()).isIn(403, 404);
    assertThat(http.get("/engine-rest/task/" + received.taskId(), PCM_MESA).status()).isEqualTo(200);
  }

  @Test
  void pgoExpedientesAndVersionsOfAnotherEntityAreNotFound() throws Exception {
    ProcessInstance executive = actors.as("pcm.ogpp", () -> runtime.startProcessInstanceByKey(PgoProcess.KEY,
        Map.of("entityRuc", Actors.PCM_RUC, "entityName", "Presidencia del Consejo de Ministros",
            "entityCategory", "1", "documentType", "ROF", "trigger", "REASIGNACION")));
    long expediente = ((Number) runtime.getVariable(executive.getId(), PgoProcess.EXPEDIENTE_ID)).longValue();
    structures.save(expediente, "{\"unidades\": [{\"codigo\": \"01\", \"nombre\": \"Despacho Ministerial\","
        + " \"clase\": \"ORGANO\", \"tipo\": \"ALTA_DIRECCION\", \"nivel\": 1, \"funciones\": [\"Dirigir\"]}]}", "pcm.ogpp");
    String base = "/api/pgo/expedientes/" + expediente;
    assertThat(http.get(base + "/estructura", Http.basic("pcm.ogpp", "demo")).status()).isEqualTo(200);

    List<String> leaks = new ArrayList<>();
    for (String path : List.of(base + "/estructura", base + "/organigrama.svg",
        "/api/pgo/entidades/" + Actors.PCM_RUC + "/ROF/versiones",
        "/api/pgo/entidades/" + Actors.PCM_RUC + "/ROF/comparar?de=1&a=2",
        "/engine-rest/process-instance/" + executive.getId() + "/variables")) {
      Http.Response response = http.get(path, MUNI_OGPP);
      if (response.status() != 404 && response.status() != 403) {
        leaks.add(path + " → " + response.status() + " " + abbreviate(response.body()));
      }
    }
    Http.Response save = http.postText(base + "/estructura", MUNI_OGPP, "{\"unidades\":[]}");
    if (save.status() != 404) {
      leaks.add("POST " + base + "/estructura → " + save.status());
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void theWebappsNeedASessionAndTheCsrfTokenAndShowNothingOfAnotherEntity() throws Exception {
    Received muni = receive(Actors.MUNI_RUC, Actors.PCM_RUC);
    Received pcm = receive(Actors.PCM_RUC, Actors.MUNI_RUC);
    Browser browser = new Browser();

    assertThat(browser.get(ENGINE_API + "/task").statusCode()).isEqualTo(401);
    // the login itself is a POST: without the token Camunda's CSRF filter refuses it
    assertThat(browser.login("muni.mesapartes", false).statusCode()).isEqualTo(403);
    assertThat(browser.login("muni.mesapartes", true).statusCode()).isEqualTo(200);

    // logged in: the user's own task is there, the PCM's is not
    assertThat(browser.get(ENGINE_API + "/task/" + muni.taskId()).statusCode()).isEqualTo(200);
    HttpResponse<String> other = browser.get(ENGINE_API + "/task/" + pcm.taskId());
    assertThat(other.statusCode()).isEqualTo(404);
    HttpResponse<String> otherVariables = browser.get(ENGINE_API + "/process-instance/" + pcm.processInstanceId() + "/variables");
    assertThat(otherVariables.statusCode()).isEqualTo(404);
    assertThat(otherVariables.body()).doesNotContain(pcm.cuo());
    assertThat(JSON.readTree(browser.get(ENGINE_API + "/task?processInstanceId=" + pcm.processInstanceId()).body())).isEmpty();
    assertThat(browser.get("/api/documentos/" + pcm.documentId()).statusCode()).isEqualTo(404);
    assertThat(browser.get("/api/documentos/" + muni.documentId()).statusCode()).isEqualTo(200);

    // a state-changing call with the session cookie but without the token is refused
    HttpResponse<String> forged = browser.post(ENGINE_API + "/task/" + muni.taskId() + "/claim",
        "{\"userId\":\"muni.mesapartes\"}", false);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(muni.taskId()).singleResult().getAssignee()).isNull();
    // (Camunda may drop the session of a refused request: the genuine call logs in again)
    assertThat(browser.login("muni.mesapartes", true).statusCode()).isEqualTo(200);
    HttpResponse<String> genuine = browser.post(ENGINE_API + "/task/" + muni.taskId() + "/claim",
        "{\"userId\":\"muni.mesapartes\"}", true);
    assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(muni.taskId()).singleResult().getAssignee()).isEqualTo("muni.mesapartes");
  }

  // ---- helpers

  private String answer(String path, String authorization) {
    Http.Response response = http.get(path, authorization);
    return response.status() + " " + response.body();
  }

  /** Null when the answer gives nothing of the other entity's reception; else what it gave. */
  private static String leak(String path, Http.Response response, Received hidden) {
    String body = response.body() == null ? "" : response.body();
    if (response.status() == 404 || response.status() == 403) {
      // a refusal's "instance" repeats the path the caller asked for: the caller's own words, not data
      body = body.replaceFirst("\"instance\":\"[^\"]*\"", "");
      return body.contains(hidden.cuo()) || body.contains(hidden.documentId())
          ? path + " → " + response.status() + " pero nombra datos: " + abbreviate(body) : null;
    }
    if (response.status() != 200) {
      return path + " → " + response.status() + " " + abbreviate(body);
    }
    if (body.contains(hidden.cuo()) || body.contains(hidden.documentId())
        || body.contains(hidden.processInstanceId()) || body.contains(hidden.taskId())) {
      return path + " → 200 con los datos: " + abbreviate(body);
    }
    try {
      JsonNode json = JSON.readTree(body);
      if (json.isObject() && json.has("count") && json.get("count").asLong() > 0) {
        return path + " → 200 cuenta " + json.get("count");
      }
      if (json.isArray() && !json.isEmpty() && !path.contains("/process-definition/statistics")
          && !path.contains("/report")) {
        return path + " → 200 con " + json.size() + " elementos: " + abbreviate(body);
      }
    } catch (Exception notJson) {
      return path + " → 200 " + abbreviate(body);
    }
    return null;
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  /** A document delivered through wsiotramite to {@code receiver}, as the PIDE relays it. */
  private Received receive(String receiver, String sender) {
    String cuo = pe.gob.pcm.platform.tramite.TramiteTestEnvelopes.newCuo();
    String envelope = pe.gob.pcm.platform.tramite.TramiteTestEnvelopes.reception(cuo, sender, receiver,
        TestPki.unsignedPdf("Oficio " + cuo));
    Http.Response answer = http.soap("/wsiotramite/Tramite", envelope);
    assertThat(answer.body()).as(answer.body()).contains("<vcodres>0000</vcodres>");
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM iotdtc_recepcion WHERE vcuo = ?", String.class, cuo);
    String document = jdbc.queryForObject("SELECT p.document_id FROM iotdtd_doc_principal p JOIN iotdtm_doc_externo e"
        + " ON e.id = p.doc_externo_id JOIN iotdtc_recepcion r ON r.id = e.recepcion_id WHERE r.vcuo = ?", String.class, cuo);
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult();
    assertThat(instance.getTenantId()).isEqualTo(receiver);
    return new Received(cuo, pi, tasks.createTaskQuery().processInstanceId(pi).singleResult().getId(), document,
        instance.getProcessDefinitionId());
  }

  private Http.Response put(String path, String authorization, String json) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", authorization).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    return new Http.Response(r.statusCode(), r.body());
  }

  private Http.Response delete(String path, String authorization) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", authorization).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    return new Http.Response(r.statusCode(), r.body());
  }

  /** The webapps as a browser uses them: cookies, the session, and the XSRF token Camunda hands out. */
  private final class Browser {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base = "http://localhost:" + port;
    private String token;

    HttpResponse<String> get(String path) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
    }

    /** Keeps the XSRF token Camunda set last (it issues a new one with each new session). */
    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String cookie : response.headers().allValues("set-cookie")) {
        if (cookie.startsWith("XSRF-TOKEN=")) {
          token = cookie.substring("XSRF-TOKEN=".length()).split(";")[0];
        }
      }
      return response;
    }

    HttpResponse<String> login(String user, boolean withToken) throws Exception {
      get("/camunda/app/tasklist/default/");
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(form));
      if (withToken) {
        request.header("X-XSRF-TOKEN", token());
      }
      HttpResponse<String> response = send(request);
      // the login starts a new session: its token comes with the next request, as in the browser
      get("/camunda/api/admin/auth/user/default");
      return response;
    }

    HttpResponse<String> post(String path, String json, boolean withToken) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json").header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json));
      if (withToken) {
        request.header("X-XSRF-TOKEN", token());
      }
      return send(request);
    }

    private String token() {
      assertThat(token).as("Camunda entrega la cookie XSRF-TOKEN").isNotNull();
      return token;
    }
  }
}

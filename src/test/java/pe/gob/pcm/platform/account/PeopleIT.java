package pe.gob.pcm.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.MasterUsers;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * The entity's master user managing its people over real HTTP (docs/personas.md): create, list,
 * change roles, deactivate (the person can no longer log in) and reactivate (a new link), reset
 * links; nobody else may, and nothing of another entity is reached or even confirmed to exist;
 * imports of CSV and XLSX files all or nothing, with every refused line reported. The one-time
 * links are read where the demo writes them without a mail server: the log.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class PeopleIT {

  static final String API = "/api/entidad/usuarios";
  static final String MUNI = Actors.MUNI_RUC;
  static final Pattern LINK = Pattern.compile("enlace para (\\S+) \\((\\w+)\\): \\S+\\?token=([A-Za-z0-9_-]+)");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  Http http;
  String master;
  /** Unique per run: the context (and, on PostgreSQL, the database) is shared by every test class. */
  String run;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    master = Http.basic(MasterUsers.ensure(identity, MUNI), MasterUsers.PASSWORD);
    run = Long.toString(System.nanoTime(), 36);
  }

  @Test
  void masterUserCreatesListsChangesRolesDeactivatesAndReactivatesAPerson(CapturedOutput output) {
    String id = "mp." + run;
    Http.Response created = http.postJson(API, master, Map.of("usuario", id, "nombres", "Rosa",
        "apellidos", "Quispe Mamani", "correo", "rquispe." + run + "@muniejemplo.gob.pe", "roles", List.of("mesa-partes")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().at("/usuario/roles").toString()).isEqualTo("[\"mesa-partes\"]");
    assertThat(created.json().at("/usuario/activo").asBoolean()).isTrue();
    assertThat(identity.createUserQuery().userId(id).memberOfTenant(MUNI).memberOfGroup("mesa-partes").count())
        .isEqualTo(1);

    // the person chooses a password through the link mailed (here: logged) after the commit
    String password = "Mesa-partes-" + run + "1";
    redeem(link(output, id, OneTimeLinks.ACTIVATE), password);
    assertThat(http.get("/engine-rest/task", Http.basic(id, password)).status()).isEqualTo(200);

    JsonNode found = http.get(API + "?q=QUISPE%20mam", master).json();
    assertThat(found.at("/total").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(ids(found)).contains(id);
    assertThat(http.get(API + "?q=" + run, master).json().at("/usuarios/0/nombres").asText()).isEqualTo("Rosa");

    Http.Response changed = putJson(API + "/" + id + "/roles", master,
        Map.of("roles", List.of("mesa-partes", "tramite-documentario")));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(groupsOf(id)).containsExactlyInAnyOrder("mesa-partes", "tramite-documentario");

    // a task of a group the person had taken, and a reset link not used yet
    Task task = tasks.newTask();
    task.setName("Registrar documento recibido (prueba de personas)");
    task.setTenantId(MUNI);
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), "mesa-partes");
    tasks.setAssignee(task.getId(), id);
    assertThat(http.postJson(API + "/" + id + "/enlace", master, Map.of()).status()).isEqualTo(202);
    String unusedReset = link(output, id, OneTimeLinks.RESET);
    try {
      Http.Response deactivated = http.postJson(API + "/" + id + "/desactivacion", master, Map.of());
      assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
      assertThat(deactivated.json().at("/usuario/activo").asBoolean()).isFalse();
      assertThat(deactivated.json().at("/tareasDevueltas").asInt()).isEqualTo(1);
      assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();

      assertThat(http.get("/engine-rest/task", Http.basic(id, password)).status()).isEqualTo(401);
      assertThat(http.get("/api/plataforma", Http.basic(id, password)).status()).isEqualTo(401);
      assertThat(redeemStatus(unusedReset, "Otra-clave-" + run + "9")).isEqualTo(400);
      assertThat(groupsOf(id)).isEmpty();
      assertThat(identity.createTenantQuery().tenantId(MUNI).userMember(id).count())
          .as("la cuenta sigue en la entidad, para el historial").isEqualTo(1);
      JsonNode listed = http.get(API + "?q=" + id, master).json().at("/usuarios/0");
      assertThat(listed.at("/activo").asBoolean()).isFalse();
      assertThat(listed.at("/roles").toString()).isEqualTo("[\"mesa-partes\",\"tramite-documentario\"]");
      assertThat(http.postJson(API + "/" + id + "/enlace", master, Map.of()).json().at("/errores/0/campo").asText())
          .isEqualTo("usuario");
      assertThat(putJson(API + "/" + id + "/roles", master, Map.of("roles", List.of("ti"))).status()).isEqualTo(400);
      assertThat(http.postJson(API + "/" + id + "/desactivacion", master, Map.of()).status())
          .as("desactivar otra vez no cambia nada").isEqualTo(200);

      Http.Response reactivated = delete(API + "/" + id + "/desactivacion", master);
      assertThat(reactivated.status()).as(reactivated.body()).isEqualTo(200);
      assertThat(reactivated.json().at("/usuario/activo").asBoolean()).isTrue();
      assertThat(groupsOf(id)).containsExactlyInAnyOrder("mesa-partes", "tramite-documentario");
      assertThat(http.get("/engine-rest/task", Http.basic(id, password)).status())
          .as("la contraseña anterior no vuelve").isEqualTo(401);
      String newPassword = "Vuelve-" + run + "2";
      redeem(link(output, id, OneTimeLinks.REACTIVATE), newPassword);
      assertThat(http.get("/engine-rest/task", Http.basic(id, newPassword)).status()).isEqualTo(200);
    } finally {
      tasks.deleteTask(task.getId(), true);
    }
  }

  @Test
  void anOpenSessionLosesTheRolesOfADeactivatedPersonWhenItIsReadAgain(CapturedOutput output) throws Exception {
    String id = "sesion." + run;
    assertThat(http.postJson(API, master, Map.of("usuario", id, "nombres", "Iris", "apellidos", "Vega",
        "correo", "ivega@muniejemplo.gob.pe", "roles", List.of("mesa-partes"))).status()).isEqualTo(201);
    String password = "Con-sesion-" + run + "7";
    redeem(link(output, id, OneTimeLinks.ACTIVATE), password);
    WebSession tasklist = new WebSession();
    assertThat(tasklist.login(id, password)).isEqualTo(200);
    assertThat(tasklist.get("/api/plataforma").body()).contains("mesa-partes");

    assertThat(http.postJson(API + "/" + id + "/desactivacion", master, Map.of()).status()).isEqualTo(200);
    try {
      // past the time Camunda's webapps trust a session's groups (5 minutes by default)
      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofMinutes(6).toMillis()));
      JsonNode info = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tasklist.get("/api/plataforma").body());
      assertThat(info.at("/usuario").asText()).isEqualTo(id);
      assertThat(info.at("/grupos")).isEmpty();
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void listIsPagedByUserIdAndSearchable() {
    for (String name : List.of("a", "b", "c")) {
      assertThat(http.postJson(API, master, Map.of("usuario", "pag" + name + "." + run, "nombres", "Página",
          "apellidos", "Prueba " + name.toUpperCase(), "correo", "pag" + name + "@muniejemplo.gob.pe",
          "roles", List.of("ogpp"))).status()).isEqualTo(201);
    }
    long members = identity.createUserQuery().memberOfTenant(MUNI).count();
    JsonNode first = http.get(API + "?pagina=0&tamano=2", master).json();
    JsonNode second = http.get(API + "?pagina=1&tamano=2", master).json();
    assertThat(first.at("/total").asLong()).isEqualTo(members);
    assertThat(ids(first)).hasSize(2).isSorted();
    assertThat(ids(second)).hasSize(2).doesNotContainAnyElementsOf(ids(first));
    assertThat(ids(first).get(1)).isLessThan(ids(second).get(0));
    assertThat(ids(http.get(API + "?tamano=200", master).json()))
        .as("solo la entidad: nadie de la PCM").noneMatch(user -> user.startsWith("pcm."))
        .contains("muni.ti", "maestro." + MUNI);

    JsonNode search = http.get(API + "?q=" + run + "&tamano=2", master).json();
    assertThat(search.at("/total").asLong()).isEqualTo(3);
    assertThat(ids(search)).containsExactly("paga." + run, "pagb." + run);
    assertThat(ids(http.get(API + "?q=" + run + "&tamano=2&pagina=1", master).json())).containsExactly("pagc." + run);
    assertThat(ids(http.get(API + "?q=prueba%20b", master).json())).contains("pagb." + run).doesNotContain("paga." + run);
    assertThat(http.get(API + "?q=%25", master).json().at("/total").asLong())
        .as("un % buscado es un carácter, no un comodín").isZero();

    Http.Response tooLarge = http.get(API + "?tamano=201", master);
    assertThat(tooLarge.status()).isEqualTo(400);
    assertThat(tooLarge.json().at("/errores/0/campo").asText()).isEqualTo("tamano");
    assertThat(tooLarge.json().at("/errores/0/mensaje").asText()).contains("entre 1 y 200");
  }

  @Test
  void refusalsNameEachFieldInSpanish() {
    Http.Response refused = http.postJson(API, master, Map.of("usuario", "Con Espacios", "nombres", " ",
        "apellidos", "Díaz", "correo", "no-es-correo", "roles", List.of("usuario-maestro", "sgtd-mesa-ayuda", "jefe")));
    assertThat(refused.status()).isEqualTo(400);
    Map<String, String> errors = errors(refused.json());
    assertThat(errors.keySet()).containsExactlyInAnyOrder("usuario", "nombres", "correo", "roles");
    assertThat(errors.get("correo")).isEqualTo("Correo electrónico: no es un correo electrónico válido.");
    assertThat(errors.get("nombres")).isEqualTo("Nombres: es obligatorio.");
    assertThat(errors.get("roles")).contains("«usuario-maestro» no lo asigna el usuario máster",
        "«sgtd-mesa-ayuda» no lo asigna el usuario máster", "«jefe» no es un rol", "mesa-partes");

    Http.Response noRole = http.postJson(API, master, Map.of("usuario", "sinrol." + run, "nombres", "Ana",
        "apellidos", "Díaz", "correo", "ana@muniejemplo.gob.pe", "roles", List.of()));
    assertThat(errors(noRole.json())).containsOnlyKeys("roles");
    assertThat(errors(noRole.json()).get("roles")).startsWith("Roles: elija al menos uno");

    Http.Response existing = http.postJson(API, master, Map.of("usuario", "muni.ti", "nombres", "Ana",
        "apellidos", "Díaz", "correo", "ana@muniejemplo.gob.pe", "roles", List.of("ti")));
    assertThat(errors(existing.json()).get("usuario")).isEqualTo("Usuario: ya existe en su entidad.");
    assertThat(identity.createUserQuery().userId("sinrol." + run).count()).isZero();
  }

  @Test
  void usersOfAnotherEntityAreAnsweredAsUnknownAndNeverTouched() {
    String pcmUser = "pcm.mesapartes";
    for (String user : List.of(pcmUser, "nadie." + run)) {
      List<Http.Response> answers = List.of(http.get(API + "/" + user, master),
          putJson(API + "/" + user + "/roles", master, Map.of("roles", List.of("ti"))),
          http.postJson(API + "/" + user + "/desactivacion", master, Map.of()),
          delete(API + "/" + user + "/desactivacion", master),
          http.postJson(API + "/" + user + "/enlace", master, Map.of()));
      for (Http.Response answer : answers) {
        assertThat(answer.status()).as(user + ": " + answer.body()).isEqualTo(404);
        assertThat(answer.json().at("/detail").asText()).isEqualTo("No hay un usuario «" + user + "» en su entidad.");
      }
    }
    assertThat(groupsOf(pcmUser)).containsExactly("mesa-partes");
    assertThat(http.get("/engine-rest/task", Http.basic(pcmUser, "demo")).status()).isEqualTo(200);

    // an id taken in another entity is not joined to this one
    Http.Response taken = http.postJson(API, master, Map.of("usuario", "pcm.ti", "nombres", "Ana",
        "apellidos", "Díaz", "correo", "ana@muniejemplo.gob.pe", "roles", List.of("mesa-partes")));
    assertThat(taken.status()).isEqualTo(400);
    assertThat(errors(taken.json()).get("usuario")).isEqualTo("Usuario: ya está en uso: elija otro.");
    assertThat(identity.createTenantQuery().tenantId(MUNI).userMember("pcm.ti").count()).isZero();
    assertThat(groupsOf("pcm.ti")).containsExactly("ti");

    assertThat(ids(http.get(API + "?q=pcm.&tamano=200", master).json())).isEmpty();
  }

  @Test
  void onlyTheEntitysMasterUserManagesItsPeople() {
    Map<String, Object> person = Map.of("usuario", "intruso." + run, "nombres", "Ana", "apellidos", "Díaz",
        "correo", "ana@muniejemplo.gob.pe", "roles", List.of("mesa-partes"));
    for (String caller : List.of("muni.ti", "pcm.ti", "sgtd.mesaayuda", "demo")) {
      String auth = Http.basic(caller, "demo");
      Http.Response list = http.get(API, auth);
      assertThat(list.status()).as(caller).isEqualTo(403);
      assertThat(http.postJson(API, auth, person).status()).as(caller).isEqualTo(403);
      assertThat(http.postJson(API + "/muni.mesapartes/desactivacion", auth, Map.of()).status()).as(caller).isEqualTo(403);
      assertThat(http.upload(API + "/importacion", auth, "p.csv", "text/csv",
          ("usuario,nombres,apellidos,correo,roles\nintruso2." + run + ",Ana,Díaz,a@b.pe,ti\n")
              .getBytes(StandardCharsets.UTF_8)).status()).as(caller).isEqualTo(403);
    }
    assertThat(http.get(API, Http.basic("muni.ti", "demo")).json().at("/detail").asText())
        .isEqualTo("Solo el usuario máster de la entidad gestiona las personas de la entidad.");
    assertThat(http.get(API, Http.basic("demo", "demo")).json().at("/detail").asText()).contains("Camunda Admin");
    assertThat(http.get(API, null).status()).isEqualTo(401);
    assertThat(identity.createUserQuery().userIdIn("intruso." + run, "intruso2." + run).count()).isZero();
    assertThat(groupsOf("muni.mesapartes")).containsExactly("mesa-partes");

    Http.Response self = http.postJson(API + "/maestro." + MUNI + "/desactivacion", master, Map.of());
    assertThat(self.status()).isEqualTo(403);
    assertThat(self.json().at("/detail").asText()).isEqualTo("No puede desactivar su propia cuenta.");
    assertThat(http.get("/engine-rest/task", master).status()).isEqualTo(200);
  }

  @Test
  void goodCsvCreatesEveryPersonAndMailsTheirLinksAfterTheCommit(CapturedOutput output) {
    String csv = "\uFEFFusuario,nombres,apellidos,correo,roles\r\n"
        + "csv1." + run + ",Juan,Pérez Quispe,jperez@muniejemplo.gob.pe,mesa-partes\r\n"
        + "\r\n"
        + "csv2." + run + ",María José,\"Rojas, Huamán\",mrojas@muniejemplo.gob.pe,tramite-documentario; mesa-partes\r\n"
        + "csv3." + run + ",Luis,Ccori,lccori@muniejemplo.gob.pe,TI\r\n";
    Http.Response imported = http.upload(API + "/importacion", master, "personas.csv", "text/csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().at("/creados").asInt()).isEqualTo(3);
    assertThat(groupsOf("csv1." + run)).containsExactly("mesa-partes");
    assertThat(groupsOf("csv2." + run)).containsExactlyInAnyOrder("tramite-documentario", "mesa-partes");
    assertThat(groupsOf("csv3." + run)).containsExactly("ti");
    assertThat(identity.createUserQuery().userId("csv2." + run).singleResult().getLastName()).isEqualTo("Rojas, Huamán");
    assertThat(identity.createUserQuery().memberOfTenant(MUNI).userIdIn("csv1." + run, "csv2." + run, "csv3." + run)
        .count()).isEqualTo(3);
    for (int i = 1; i <= 3; i++) {
      assertThat(link(output, "csv" + i + "." + run, OneTimeLinks.ACTIVATE)).isNotBlank();
    }
  }

  @Test
  void badCsvCreatesNobodyAndReportsEveryRefusedLine(CapturedOutput output) {
    String good = "bien." + run;
    String csv = "usuario,nombres,apellidos,correo,roles\n"
        + good + ",Juan,Pérez,jperez@muniejemplo.gob.pe,mesa-partes\n"
        + "correo." + run + ",Ana,Díaz,ana.muniejemplo.gob.pe,ti\n"
        + good + ",Otro,Pérez,otro@muniejemplo.gob.pe,ogpp\n"
        + "rol." + run + ",Luis,Ccori,lccori@muniejemplo.gob.pe,mesa-partes;jefe-de-area\n"
        + "pcm.ti,Pedro,Soto,psoto@muniejemplo.gob.pe,ti\n";
    Http.Response refused = http.upload(API + "/importacion", master, "personas.csv", "text/csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().at("/detail").asText()).startsWith("No se creó ningún usuario: 4 de 5 filas");
    List<String> lines = new ArrayList<>();
    refused.json().at("/errores").forEach(e -> lines.add(e.at("/fila").asInt() + " " + e.at("/columna").asText()
        + " " + e.at("/mensaje").asText()));
    assertThat(lines).containsExactly(
        "3 correo Fila 3, Correo electrónico: no es un correo electrónico válido.",
        "4 usuario Fila 4, Usuario: repite el usuario de la fila 2.",
        "5 roles Fila 5, Roles: «jefe-de-area» no es un rol (use mesa-partes, tramite-documentario, ti, ogpp, asesoria-legal, gerencia-municipal, comision-regidores o concejo-municipal).",
        "6 usuario Fila 6, Usuario: ya está en uso: elija otro.");
    assertThat(identity.createUserQuery().userIdIn(good, "correo." + run, "rol." + run).count()).isZero();
    assertThat(identity.createTenantQuery().tenantId(MUNI).userMember("pcm.ti").count()).isZero();
    assertThat(output.getAll()).doesNotContain("enlace para " + good);
  }

  @Test
  void xlsxImportReadsTheFirstSheet() throws IOException {
    byte[] book = xlsx(List.of(
        List.of("usuario", "nombres", "apellidos", "correo", "roles"),
        List.of("xlsx1." + run, "Carmen", "Flores", "cflores@muniejemplo.gob.pe", "asesoria-legal"),
        List.of(),
        List.of("xlsx2." + run, "Jorge", "Salas", "jsalas@muniejemplo.gob.pe", "ogpp;ti")));
    Http.Response imported = http.upload(API + "/importacion", master, "personas.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", book);
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().at("/creados").asInt()).isEqualTo(2);
    assertThat(groupsOf("xlsx1." + run)).containsExactly("asesoria-legal");
    assertThat(groupsOf("xlsx2." + run)).containsExactlyInAnyOrder("ogpp", "ti");

    byte[] bad = xlsx(List.of(
        List.of("usuario", "nombres", "apellidos", "correo", "roles"),
        List.of("xlsx3." + run, "Rosa", "Vera", "rvera@muniejemplo.gob.pe", "mesa-partes"),
        List.of("xlsx4." + run, "", "Vera", "rvera@muniejemplo.gob.pe", "")));
    Http.Response refused = http.upload(API + "/importacion", master, "personas.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().at("/errores").findValuesAsText("columna")).containsExactly("nombres", "roles");
    assertThat(refused.json().at("/errores").findValuesAsText("fila")).containsExactly("3", "3");
    assertThat(identity.createUserQuery().userIdIn("xlsx3." + run, "xlsx4." + run).count()).isZero();
  }

  @Test
  void unreadableFilesAreRefusedAsAWhole() {
    String header = "usuario,nombres,apellidos,correo,roles\n";
    assertThat(fileRefusal("p.csv", "usuario;nombres;apellidos;correo;roles\na;b;c;d;e\n".getBytes(StandardCharsets.UTF_8)))
        .contains("separa las columnas con «;»");
    assertThat(fileRefusal("p.csv", (header + "ñandú." + run + ",Ñusta,Peña,n@muniejemplo.gob.pe,ti\n")
        .getBytes(Charset.forName("windows-1252")))).contains("no está en UTF-8");
    assertThat(fileRefusal("p.csv", "usuario,nombres,correo,roles\n".getBytes(StandardCharsets.UTF_8)))
        .contains("le falta la columna apellidos");
    assertThat(fileRefusal("p.csv", header.getBytes(StandardCharsets.UTF_8))).contains("no tiene personas");
    assertThat(fileRefusal("p.xlsx", "no soy un libro".getBytes(StandardCharsets.UTF_8))).contains(".xlsx");
    StringBuilder many = new StringBuilder(header);
    for (int i = 0; i <= 2000; i++) {
      many.append("muchos").append(i).append('.').append(run).append(",Ana,Díaz,a@muniejemplo.gob.pe,ti\n");
    }
    assertThat(fileRefusal("p.csv", many.toString().getBytes(StandardCharsets.UTF_8)))
        .contains("tiene más de 2000 personas");
    assertThat(identity.createUserQuery().userId("muchos0." + run).count()).isZero();
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Tasklist as a browser uses it: the session cookie and the XSRF token Camunda hands out. */
  private final class WebSession {
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String token;

    HttpResponse<String> get(String path) throws Exception {
      return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Accept", "application/json").GET());
    }

    int login(String user, String password) throws Exception {
      get("/camunda/app/tasklist/default/");
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
              + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
          .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(form)));
      return response.statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String cookie : response.headers().allValues("set-cookie")) {
        if (cookie.startsWith("XSRF-TOKEN=")) {
          token = cookie.substring("XSRF-TOKEN=".length()).split(";")[0];
        }
      }
      return response;
    }
  }

  private String fileRefusal(String name, byte[] content) {
    Http.Response refused = http.upload(API + "/importacion", master, name, "text/csv", content);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().at("/errores/0/campo").asText()).isEqualTo("archivo");
    return refused.json().at("/errores/0/mensaje").asText();
  }

  /** The token of the latest link of that purpose logged for the user. */
  private static String link(CapturedOutput output, String userId, String purpose) {
    String token = null;
    Matcher m = LINK.matcher(output.getAll());
    while (m.find()) {
      if (m.group(1).equals(userId) && m.group(2).equals(purpose)) {
        token = m.group(3);
      }
    }
    assertThat(token).as("enlace " + purpose + " para " + userId + " en el registro").isNotNull();
    return token;
  }

  private void redeem(String token, String password) {
    assertThat(redeemStatus(token, password)).isEqualTo(200);
  }

  private int redeemStatus(String token, String password) {
    return http.postJson("/cuentas/api/clave", null, Map.of("token", token, "clave", password,
        "confirmacion", password)).status();
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  private static List<String> ids(JsonNode page) {
    return StreamSupport.stream(page.at("/usuarios").spliterator(), false).map(u -> u.at("/usuario").asText()).toList();
  }

  private static Map<String, String> errors(JsonNode body) {
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    body.at("/errores").forEach(e -> errors.put(e.at("/campo").asText(), e.at("/mensaje").asText()));
    return errors;
  }

  private Http.Response putJson(String path, String auth, Object body) {
    return send("PUT", path, auth, body);
  }

  private Http.Response delete(String path, String auth) {
    return send("DELETE", path, auth, null);
  }

  private Http.Response send(String method, String path, String auth, Object body) {
    try {
      java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://localhost:" + port + path)).header("Authorization", auth)
          .header("Content-Type", "application/json")
          .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
              : java.net.http.HttpRequest.BodyPublishers.ofString(
                  new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body)));
      java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
          .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      return new Http.Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] xlsx(List<List<String>> rows) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Personas");
      for (int r = 0; r < rows.size(); r++) {
        if (rows.get(r).isEmpty()) {
          continue;
        }
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          row.createCell(c).setCellValue(rows.get(r).get(c));
        }
      }
      book.createSheet("Otra hoja").createRow(0).createCell(0).setCellValue("no se lee");
      book.write(out);
      return out.toByteArray();
    }
  }
}

package pe.gob.pcm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import pe.gob.pcm.platform.PlatformApplication;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.TestPki;

/**
 * Profile ldap against a directory of its own: an in-process LDAP server (UnboundID) seeded from
 * ldap/directorio.ldif, on a free port. People log in with their directory password, their groups
 * are the directory's, nobody outside the directory gets in, and the entity (tenant) a person
 * works for comes from the database: directly, or through a directory group.
 */
class DirectoryLoginIT {

  static final String BASE_DN = "dc=pcm,dc=gob,dc=pe";
  static final String MANAGER_DN = "cn=plataforma,dc=pcm,dc=gob,dc=pe";
  static final String MANAGER_PASSWORD = "clave-del-lector";
  static final String MUNI_RUC = "20601234565";
  static final String ENGINE = "directorio";

  static InMemoryDirectoryServer directory;
  static ConfigurableApplicationContext context;
  static IdentityService identity;
  static Http http;

  @BeforeAll
  static void startDirectoryAndPlatform() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
    config.addAdditionalBindCredentials(MANAGER_DN, MANAGER_PASSWORD);
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0,
        null));
    directory = new InMemoryDirectoryServer(config);
    directory.importFromLDIF(true, Path.of("src/test/resources/ldap/directorio.ldif").toFile());
    directory.startListening();

    context = new SpringApplicationBuilder(PlatformApplication.class)
        .profiles("test", "ldap")
        .initializers(new TestPki.Initializer())
        .run(
            "--server.port=0",
            // a second engine in this JVM: its own name keeps the shared registry's "default" intact
            "--camunda.bpm.process-engine-name=" + ENGINE,
            "--spring.datasource.url=jdbc:h2:mem:directorio;DB_CLOSE_DELAY=-1",
            "--platform.ldap.server-url=ldap://127.0.0.1:" + directory.getListenPort() + "/",
            "--platform.ldap.base-dn=" + BASE_DN,
            "--platform.ldap.manager-dn=" + MANAGER_DN,
            "--platform.ldap.manager-password=" + MANAGER_PASSWORD,
            "--platform.hosted-entities[0].ruc=" + MUNI_RUC,
            "--platform.hosted-entities[0].name=Municipalidad Distrital de Ejemplo");
    identity = context.getBean(IdentityService.class);
    http = new Http(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
    if (directory != null) {
      directory.shutDown(true);
    }
  }

  @Test
  void aDirectoryUserLogsInWithItsDirectoryPasswordAndNobodyElseDoes() {
    assertThat(identity.checkPassword("ana.quispe", "clave-de-ana")).isTrue();
    assertThat(identity.checkPassword("ana.quispe", "clave-equivocada")).isFalse();
    assertThat(identity.checkPassword("ana.quispe", "")).isFalse();
    assertThat(identity.checkPassword("no.existe", "clave-de-ana")).isFalse();
    // the starter's local administrator is not created: no account outside the directory
    assertThat(identity.checkPassword("admin", "clave-de-prueba")).isFalse();
    assertThat(identity.checkPassword("demo", "demo")).isFalse();

    User ana = identity.createUserQuery().userId("ana.quispe").singleResult();
    assertThat(ana.getFirstName()).isEqualTo("Ana");
    assertThat(ana.getLastName()).isEqualTo("Quispe");
    assertThat(ana.getEmail()).isEqualTo("ana.quispe@muni-ejemplo.gob.pe");
    assertThat(identity.createUserQuery().userId("luis.huaman").singleResult().getLastName()).isEqualTo("Huamán");
    assertThat(identity.createUserQuery().userId("no.existe").count()).isZero();
  }

  @Test
  void theGroupsAreTheDirectorysAndCannotBeChangedHere() {
    assertThat(identity.createGroupQuery().groupMember("ana.quispe").list()).extracting(Group::getId)
        .containsExactly(Role.MESA_PARTES.groupId());
    assertThat(identity.createGroupQuery().groupMember("luis.huaman").list()).extracting(Group::getId)
        .containsExactly(Role.SGTD_MESA_AYUDA.groupId());
    assertThat(identity.createGroupQuery().groupId(Role.MESA_PARTES.groupId()).singleResult().getName())
        .isEqualTo("Mesa de Partes");
    assertThat(identity.createUserQuery().memberOfGroup(Role.MESA_PARTES.groupId()).list()).extracting(User::getId)
        .containsExactly("ana.quispe");
    // role groups the directory lacks are not invented by the platform
    assertThat(identity.createGroupQuery().groupId(Role.OGPP.groupId()).count()).isZero();

    assertThatThrownBy(() -> identity.saveUser(identity.newUser("nuevo.usuario")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("directorio (LDAP)");
    assertThatThrownBy(() -> identity.saveGroup(identity.newGroup("nuevo-grupo")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("directorio (LDAP)");
    assertThatThrownBy(() -> identity.createMembership("ana.quispe", Role.TI.groupId()))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("directorio (LDAP)");
    assertThat(identity.createUserQuery().userId("nuevo.usuario").count()).isZero();
  }

  @Test
  void theEntityOfAPersonIsKeptInTheDatabase() {
    // registered at start from platform.hosted-entities, shared with the PCM's groups
    assertThat(identity.createTenantQuery().tenantId(MUNI_RUC).singleResult().getName())
        .isEqualTo("Municipalidad Distrital de Ejemplo");
    assertThat(identity.createTenantQuery().tenantId(MUNI_RUC).groupMember(Role.SGTD_MESA_AYUDA.groupId()).count())
        .isOne();

    if (identity.createTenantQuery().tenantId(MUNI_RUC).userMember("ana.quispe").count() == 0) {
      identity.createTenantUserMembership(MUNI_RUC, "ana.quispe");
    }
    assertThatThrownBy(() -> identity.createTenantUserMembership(MUNI_RUC, "no.existe"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("no existe en el directorio");

    // what a login asks: the user's entities, directly or through its directory groups
    assertThat(identity.createTenantQuery().userMember("ana.quispe").includingGroupsOfUser(true).list())
        .extracting(Tenant::getId).containsExactly(MUNI_RUC);
    // a PCM group's member serves every tenant its group belongs to (the hosted entity among them)
    java.util.List<String> ofHelpDesk = identity.createTenantQuery().groupMember(Role.SGTD_MESA_AYUDA.groupId())
        .orderByTenantId().asc().list().stream().map(Tenant::getId).toList();
    assertThat(ofHelpDesk).contains(MUNI_RUC);
    assertThat(identity.createTenantQuery().userMember("luis.huaman").includingGroupsOfUser(true).list())
        .extracting(Tenant::getId).containsExactlyElementsOf(ofHelpDesk);
    assertThat(identity.createTenantQuery().userMember("luis.huaman").includingGroupsOfUser(true).count())
        .isEqualTo(ofHelpDesk.size());
    assertThat(identity.createTenantQuery().userMember("luis.huaman").list()).isEmpty();
    assertThat(identity.createTenantQuery().userMember("rosa.admin").includingGroupsOfUser(true).list()).isEmpty();
    // the directory's users and groups of the entity (the LDAP plugin alone would list everyone)
    assertThat(identity.createUserQuery().memberOfTenant(MUNI_RUC).list()).extracting(User::getId)
        .containsExactly("ana.quispe");
    assertThat(identity.createGroupQuery().memberOfTenant(MUNI_RUC).list()).extracting(Group::getId)
        .contains(Role.SGTD_MESA_AYUDA.groupId()).doesNotContain(Role.MESA_PARTES.groupId());
  }

  @Test
  void overHttpTheDirectoryPasswordOpensTheApiAndTasklist() throws Exception {
    if (identity.createTenantQuery().tenantId(MUNI_RUC).userMember("ana.quispe").count() == 0) {
      identity.createTenantUserMembership(MUNI_RUC, "ana.quispe");
    }
    Http.Response me = http.get("/api/plataforma", Http.basic("ana.quispe", "clave-de-ana"));
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().path("usuario").asText()).isEqualTo("ana.quispe");
    assertThat(me.json().path("grupos").toString()).isEqualTo("[\"mesa-partes\"]");
    assertThat(me.json().path("entidades").toString()).isEqualTo("[\"" + MUNI_RUC + "\"]");

    assertThat(http.get("/api/plataforma", Http.basic("ana.quispe", "clave-equivocada")).status()).isEqualTo(401);
    assertThat(http.get("/api/plataforma", Http.basic("no.existe", "clave-de-ana")).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/engine/" + ENGINE + "/task", Http.basic("ana.quispe", "clave-de-ana")).status())
        .isEqualTo(200);
    assertThat(http.get("/engine-rest/engine/" + ENGINE + "/task", Http.basic("ana.quispe", "clave-equivocada")).status())
        .isEqualTo(401);

    assertThat(tasklistLogin("ana.quispe", "clave-de-ana")).isEqualTo(200);
    assertThat(tasklistLogin("ana.quispe", "clave-equivocada")).isEqualTo(401);
    assertThat(tasklistLogin("no.existe", "clave-de-ana")).isEqualTo(401);
  }

  @Test
  void theDirectorysAdministratorGroupHasEveryPermission() {
    assertThat(context.getBean(org.camunda.bpm.engine.AuthorizationService.class).createAuthorizationQuery()
        .groupIdIn(Role.ADMIN_GROUP).count()).isGreaterThan(10);
    Http.Response users = http.get("/engine-rest/engine/" + ENGINE + "/user", Http.basic("rosa.admin", "clave-de-rosa"));
    assertThat(users.status()).isEqualTo(200);
    assertThat(users.body()).contains("ana.quispe", "luis.huaman", "rosa.admin");
  }

  /** Tasklist's login form as a browser sends it: the page first (XSRF cookie), then the form. */
  private static int tasklistLogin(String user, String password) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/" + ENGINE + "/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow(() -> new AssertionError("sin cookie XSRF-TOKEN")).getValue();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}

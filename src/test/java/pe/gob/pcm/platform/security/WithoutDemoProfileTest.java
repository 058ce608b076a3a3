package pe.gob.pcm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import pe.gob.pcm.platform.PlatformApplication;
import pe.gob.pcm.platform.support.TestPki;

/** With the demo profile off there are no demo users, and no start without an admin password. */
class WithoutDemoProfileTest {

  @Test
  void refusesToStartWithoutAnAdminPassword() {
    StandardEnvironment env = new StandardEnvironment();
    env.setActiveProfiles("postgres");

    assertThatThrownBy(() -> new AdminPasswordCheck().postProcessEnvironment(env, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PLATFORM_ADMIN_PASSWORD");
  }

  @Test
  void acceptsAnAdminPasswordFromTheEnvironmentAndNeedsNoneInTheDemo() {
    StandardEnvironment env = new StandardEnvironment();
    env.setActiveProfiles("postgres");
    env.getPropertySources().addFirst(new MapPropertySource("t", Map.of("platform.admin.password", "s3cr3t")));
    new AdminPasswordCheck().postProcessEnvironment(env, new SpringApplication());

    StandardEnvironment demo = new StandardEnvironment();
    demo.setDefaultProfiles("demo");
    new AdminPasswordCheck().postProcessEnvironment(demo, new SpringApplication());
  }

  @Test
  void startsWithoutAnyDemoUserOrDemoEntity() {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlatformApplication.class)
        .profiles("test")
        .initializers(new TestPki.Initializer())
        .run(
            "--server.port=0",
            // a second engine in this JVM: its own name keeps the shared registry's "default" intact
            "--camunda.bpm.process-engine-name=sindemo",
            "--spring.datasource.url=jdbc:h2:mem:sin-demo;DB_CLOSE_DELAY=-1",
            "--platform.admin.user=administrador",
            "--platform.admin.password=clave-de-prueba")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("administrador");
      assertThat(identity.createUserQuery().userId("demo").count()).isZero();
      // no entity: only the tenant of requests from entities not hosted yet
      assertThat(identity.createTenantQuery().list()).extracting(t -> t.getId()).containsExactly(Role.REQUESTER_TENANT);
      assertThat(identity.createGroupQuery().groupId("sgtd-mesa-ayuda").count()).isEqualTo(1);
      assertThat(identity.checkPassword("administrador", "clave-de-prueba")).isTrue();
      assertThat(identity.createUserQuery().userIdIn("muni.mesapartes", "pcm.mesapartes", "muni.ti", "pcm.gerencia",
          "sgtd.mesaayuda", "sgp.evaluador", "sgp.supervisor").count()).isZero();
      // over HTTP too: the demo's credentials open nothing, the administrator's do
      pe.gob.pcm.platform.support.Http http = new pe.gob.pcm.platform.support.Http(
          Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
      for (String user : new String[] {"demo", "muni.mesapartes", "pcm.ti", "sgtd.mesaayuda"}) {
        assertThat(http.get("/engine-rest/engine/sindemo/user", pe.gob.pcm.platform.support.Http.basic(user, "demo")).status())
            .as(user).isEqualTo(401);
        assertThat(http.get("/api/plataforma", pe.gob.pcm.platform.support.Http.basic(user, "demo")).status())
            .as(user).isEqualTo(401);
      }
      assertThat(http.get("/engine-rest/engine/sindemo/user", pe.gob.pcm.platform.support.Http.basic("administrador", "clave-de-prueba"))
          .status()).isEqualTo(200);
    }
  }
}

package pe.gob.pcm.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * The OpenAPI document over real HTTP against the controllers' real mappings: every operation the
 * platform serves under {@code /api/**} and {@code /cuentas/api/**} is in {@code /v3/api-docs}
 * with a summary, a tag and at least one 4xx answer, so an endpoint added without its
 * documentation fails here; and Camunda's engine REST API stays out (docs/api.md).
 */
@PlatformTest
class OpenApiIT {

  static final String PACKAGE = "pe.gob.pcm.platform.";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  /** "GET /api/entidades/{ruc}" for every own handler method under the two API roots. */
  List<String> ownOperations() {
    TreeSet<String> operations = new TreeSet<>();
    for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
      for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
        if (!entry.getValue().getBeanType().getName().startsWith(PACKAGE)) {
          continue;
        }
        for (String pattern : entry.getKey().getPatternValues()) {
          if (!pattern.startsWith("/api/") && !pattern.startsWith("/cuentas/api/")) {
            continue;
          }
          var methods = entry.getKey().getMethodsCondition().getMethods();
          assertThat(methods).as("%s declares its HTTP method", entry.getValue()).isNotEmpty();
          for (RequestMethod method : methods) {
            operations.add(method.name() + " " + pattern);
          }
        }
      }
    }
    return new ArrayList<>(operations);
  }

  @Test
  void everyOwnOperationIsDescribed() throws java.io.IOException {
    Http.Response response = http.get("/v3/api-docs", null);
    assertThat(response.status()).isEqualTo(200);
    // the document as served, to read after a run
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), response.body());
    JsonNode doc = response.json();
    JsonNode paths = doc.get("paths");

    List<String> operations = ownOperations();
    assertThat(operations).as("the controllers' mappings were found")
        .contains("GET /api/entidades", "POST /cuentas/api/registro", "POST /api/documentos");

    List<String> problems = new ArrayList<>();
    for (String operation : operations) {
      String method = operation.substring(0, operation.indexOf(' ')).toLowerCase(Locale.ROOT);
      String path = operation.substring(operation.indexOf(' ') + 1);
      JsonNode described = paths.path(path).path(method);
      if (described.isMissingNode()) {
        problems.add(operation + ": falta en /v3/api-docs");
      }
    }

    Iterator<Map.Entry<String, JsonNode>> documented = paths.fields();
    while (documented.hasNext()) {
      Map.Entry<String, JsonNode> path = documented.next();
      if (path.getKey().startsWith("/engine-rest")) {
        problems.add(path.getKey() + ": la API REST de Camunda no debe estar en el documento");
      }
      path.getValue().fields().forEachRemaining(op -> {
        String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
        JsonNode o = op.getValue();
        if (o.path("summary").asText("").isBlank()) {
          problems.add(name + ": sin summary");
        }
        if (!o.path("tags").isArray() || o.path("tags").isEmpty()) {
          problems.add(name + ": sin tag");
        }
        boolean clientError = false;
        for (Iterator<String> codes = o.path("responses").fieldNames(); codes.hasNext(); ) {
          String code = codes.next();
          clientError |= code.startsWith("4");
          if (o.path("responses").path(code).path("description").asText("").isBlank()) {
            problems.add(name + ": respuesta " + code + " sin descripción");
          }
        }
        if (!clientError) {
          problems.add(name + ": ninguna respuesta 4xx documentada");
        }
        boolean open = path.getKey().startsWith("/cuentas/api/");
        if (!open && (!o.path("security").isArray() || o.path("security").isEmpty())) {
          problems.add(name + ": sin requisito de seguridad");
        }
        if (!open && !o.path("responses").has("401")) {
          problems.add(name + ": sin respuesta 401");
        }
        if (o.path("parameters").isArray()) {
          for (JsonNode parameter : o.path("parameters")) {
            if (parameter.path("description").asText("").isBlank()) {
              problems.add(name + ": parámetro " + parameter.path("name").asText() + " sin descripción");
            }
          }
        }
      });
    }
    assertThat(problems).as("operaciones sin documentar en /v3/api-docs").isEmpty();
  }

  /**
   * docs/openapi.json is the API as the code serves it: a change to an operation, a parameter or a
   * schema that is not written there too fails here, naming where they differ. With
   * {@code -Dplatform.openapi.write=true} the test writes the served document there instead
   * (docs/api.md says how), to review with git diff and commit with the change.
   */
  @Test
  void docsOpenApiJsonIsWhatTheCodeServes() throws java.io.IOException {
    String served = OpenApiDocument.normalized(http.get("/v3/api-docs", null).body());
    java.nio.file.Path committed = java.nio.file.Path.of("docs", "openapi.json");
    if (Boolean.getBoolean("platform.openapi.write")) {
      java.nio.file.Files.writeString(committed, served);
    }
    assertThat(committed).as("docs/openapi.json").exists();
    String written = java.nio.file.Files.readString(committed);
    List<String> differences = OpenApiDocument.differences(written, served, 15);
    assertThat(differences).as("docs/openapi.json no coincide con la API que sirve el código; si el cambio es"
        + " intencional, regenérelo con ./mvnw -o -P '!browser' -Dit.test=OpenApiIT -Dtest=NONE"
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dplatform.openapi.write=true verify y confírmelo"
        + " (el documento servido quedó en target/openapi.json)").isEmpty();
  }

  @Test
  void theDocumentNamesThePlatformItsSecurityAndItsTags() {
    JsonNode doc = http.get("/v3/api-docs", null).json();
    assertThat(doc.path("info").path("title").asText()).isEqualTo("Plataforma de gestión PCM");
    assertThat(doc.path("info").path("version").asText()).isNotBlank().doesNotContain("@", "${");
    assertThat(doc.path("info").path("description").asText()).contains("HTTP Basic", "sesión de Tasklist");
    JsonNode schemes = doc.path("components").path("securitySchemes");
    assertThat(schemes.path("basic").path("scheme").asText()).isEqualTo("basic");
    assertThat(schemes.path("sesionTasklist").path("in").asText()).isEqualTo("cookie");
    JsonNode problem = doc.path("components").path("schemas").path("Problema").path("properties");
    assertThat(problem.has("type") && problem.has("title") && problem.has("status") && problem.has("detail")
        && problem.has("instance") && problem.has("errores")).as("Problem Details").isTrue();
    // every refusal of every operation is declared as application/problem+json
    doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
        op.getValue().path("responses").fields().forEachRemaining(answer -> {
          if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
            assertThat(answer.getValue().path("content").fieldNames()).toIterable()
                .as("%s %s %s", op.getKey(), path.getKey(), answer.getKey()).containsExactly("application/problem+json");
          }
        })));
    List<String> tags = new ArrayList<>();
    doc.path("tags").forEach(tag -> {
      tags.add(tag.path("name").asText());
      assertThat(tag.path("description").asText()).as("tag %s", tag.path("name")).isNotBlank();
    });
    assertThat(tags).contains("Registro de entidades", "Personas de la entidad", "Documentos", "Cuentas");
    doc.path("paths").fieldNames().forEachRemaining(path ->
        assertThat(path).as("only the own API").matches("/(cuentas/)?api/.*"));
  }

  @Test
  void theGroupsSplitWhatNeedsALoginFromWhatIsOpen() {
    JsonNode platform = http.get("/v3/api-docs/plataforma", null).json().path("paths");
    JsonNode accounts = http.get("/v3/api-docs/cuentas", null).json().path("paths");
    assertThat(platform.has("/api/entidades")).isTrue();
    assertThat(platform.has("/cuentas/api/registro")).isFalse();
    assertThat(accounts.has("/cuentas/api/registro")).isTrue();
    assertThat(accounts.has("/api/entidades")).isFalse();
    assertThat(http.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
  }
}

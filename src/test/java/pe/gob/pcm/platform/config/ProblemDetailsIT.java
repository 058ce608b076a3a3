package pe.gob.pcm.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * Each kind of refusal of the platform's own API over real HTTP, as Problem Details (RFC 9457):
 * {@code application/problem+json}, the type and title of its kind, the status repeated in the
 * body, a Spanish detail, the path asked for, the refused field where there is one, and never a
 * stack trace or the framework's English.
 */
@PlatformTest
class ProblemDetailsIT {

  static final String ADMIN = Http.basic("demo", "demo");
  static final String ENTITY_USER = Http.basic("muni.ti", "demo");
  static final String TYPE = "tag:pcm.gob.pe,2026:plataforma/problema/";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  final HttpClient client = HttpClient.newHttpClient();

  record Answer(int status, String contentType, JsonNode body, String raw) {}

  Answer send(String method, String path, String authorization, String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String type = response.headers().firstValue("Content-Type").orElse("");
    JsonNode json = null;
    try {
      json = JSON.readTree(response.body());
    } catch (Exception notJson) {
      // asserted below
    }
    return new Answer(response.statusCode(), type, json, response.body());
  }

  /** The parts every problem has; answers its detail. */
  static String problem(Answer answer, int status, String kind, String path) {
    assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
    assertThat(answer.contentType()).as(answer.raw()).startsWith("application/problem+json");
    assertThat(answer.body()).as("JSON: %s", answer.raw()).isNotNull();
    assertThat(answer.body().path("type").asText()).isEqualTo(TYPE + kind);
    assertThat(answer.body().path("title").asText()).isNotBlank();
    assertThat(answer.body().path("status").asInt()).isEqualTo(status);
    assertThat(answer.body().path("instance").asText()).isEqualTo(path.replaceAll("\\?.*", ""));
    String detail = answer.body().path("detail").asText();
    assertThat(detail).isNotBlank();
    assertThat(answer.raw()).doesNotContain("at org.", "at pe.gob", "Exception", "Failed to", "Required ");
    return detail;
  }

  static List<String> fields(Answer answer) {
    List<String> fields = new ArrayList<>();
    answer.body().path("errores").forEach(f -> fields.add(f.path("campo").asText() + ": " + f.path("mensaje").asText()));
    return fields;
  }

  @Test
  void invalidDataNamesEachField() throws Exception {
    Answer answer = send("POST", "/api/entidades", ADMIN, "application/json",
        "{\"ruc\": \"20123456789\", \"nombre\": \"Entidad\", \"categoria\": \"nueve\"}");
    assertThat(problem(answer, 400, "datos-invalidos", "/api/entidades")).contains("Categoría: debe ser un número del 1 al 8");
    assertThat(fields(answer)).containsExactly("categoria: Categoría: debe ser un número del 1 al 8.");
  }

  @Test
  void aBodyThatIsNotJsonSaysWhere() throws Exception {
    Answer answer = send("POST", "/api/entidades", ADMIN, "application/json", "{\"ruc\": \"2012345");
    assertThat(problem(answer, 400, "datos-invalidos", "/api/entidades"))
        .startsWith("El cuerpo de la solicitud no es JSON válido (línea 1, columna");
  }

  @Test
  void aParameterOfTheWrongTypeIsNamed() throws Exception {
    Answer answer = send("GET", "/api/entidades?pagina=primera", ADMIN, null, null);
    assertThat(problem(answer, 400, "datos-invalidos", "/api/entidades"))
        .contains("pagina: «primera» no es un valor válido; debe ser un número entero.");
    assertThat(fields(answer)).containsExactly("pagina: pagina: «primera» no es un valor válido; debe ser un número entero.");
  }

  @Test
  void aMissingParameterIsNamed() throws Exception {
    Answer answer = send("GET", "/api/pide/entidades", ENTITY_USER, null, null);
    assertThat(problem(answer, 400, "datos-invalidos", "/api/pide/entidades")).isEqualTo("Falta el parámetro «categoria».");
    assertThat(fields(answer)).containsExactly("categoria: categoria: es obligatorio.");
  }

  @Test
  void noCredentialsIs401() throws Exception {
    Answer answer = send("GET", "/api/entidades", null, null, null);
    assertThat(problem(answer, 401, "no-autenticado", "/api/entidades")).contains("Debe iniciar sesión");
    Answer wrong = send("GET", "/api/entidades", Http.basic("nadie.registrado", "otra"), null, null);
    problem(wrong, 401, "no-autenticado", "/api/entidades");
  }

  @Test
  void aRoleThatMayNotIs403() throws Exception {
    Answer answer = send("POST", "/api/entidades", ENTITY_USER, "application/json",
        "{\"ruc\": \"20123456789\", \"nombre\": \"Entidad\"}");
    assertThat(problem(answer, 403, "no-permitido", "/api/entidades")).isNotEqualTo("Forbidden");
    Answer metrics = send("GET", "/api/metricas/procesos", ENTITY_USER, null, null);
    assertThat(problem(metrics, 403, "no-permitido", "/api/metricas/procesos")).contains("Gerencia");
  }

  @Test
  void whatDoesNotExistIs404() throws Exception {
    Answer document = send("GET", "/api/documentos/no-existe", ENTITY_USER, null, null);
    assertThat(problem(document, 404, "no-encontrado", "/api/documentos/no-existe")).isEqualTo("Documento no encontrado.");
    Answer expediente = send("GET", "/api/pgo/expedientes/999999999/estructura", ENTITY_USER, null, null);
    assertThat(problem(expediente, 404, "no-encontrado", "/api/pgo/expedientes/999999999/estructura"))
        .isEqualTo("No encontrado.");
  }

  @Test
  void aMethodOrMediaTypeNotServedIsSaidInSpanish() throws Exception {
    Answer method = send("PATCH", "/api/entidades", ADMIN, "application/json", "{}");
    assertThat(problem(method, 405, "metodo-no-permitido", "/api/entidades")).startsWith("Esta ruta no admite el método PATCH");
    Answer media = send("POST", "/api/entidades", ADMIN, "application/xml", "<entidad/>");
    assertThat(problem(media, 415, "tipo-no-admitido", "/api/entidades"))
        .startsWith("El tipo de contenido application/xml no es admitido; envíe application/json");
  }

  @Test
  void anUploadThatIsNotMultipartSaysWhatToSend() throws Exception {
    Answer answer = send("POST", "/api/documentos", ENTITY_USER, "application/pdf", "%PDF-1.7");
    assertThat(problem(answer, 415, "tipo-no-admitido", "/api/documentos"))
        .startsWith("El tipo de contenido application/pdf no es admitido; envíe multipart/form-data");
  }

  @Test
  void aPathThatDoesNotExistUnderTheApiIsAProblemToo() throws Exception {
    Answer answer = send("GET", "/api/no-existe", ENTITY_USER, null, null);
    assertThat(problem(answer, 404, "no-encontrado", "/api/no-existe")).isEqualTo("No existe la ruta pedida.");
    // outside the API, Boot's own error page is kept
    Answer page = send("GET", "/no-existe-tampoco", null, null, null);
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.contentType()).doesNotStartWith("application/problem+json");
  }
}

package pe.gob.pcm.platform.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The refusals of the platform's own API as Problem Details (RFC 9457,
 * {@code application/problem+json}): a {@code type} per kind of refusal, its Spanish
 * {@code title}, the {@code status}, a Spanish {@code detail} for the person who reads it, the
 * {@code instance} (the path asked for) and, when fields were refused, {@code errores}: each field
 * with its reason. The types are {@code tag:} URIs (RFC 4151): names, not addresses; docs/api.md
 * lists them. Written by config/ApiExceptionHandler for the controllers and by the filters that
 * refuse before a controller is reached (authentication, same-origin).
 */
public final class Problems {

  public static final String MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
  /** The extension member with the refused fields. */
  public static final String FIELDS = "errores";

  private static final String TYPE_PREFIX = "tag:pcm.gob.pe,2026:plataforma/problema/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A kind of refusal: the status it answers with, its type's name and its title. */
  public enum Kind {
    INVALID(400, "datos-invalidos", "Datos inválidos"),
    UNAUTHENTICATED(401, "no-autenticado", "Debe iniciar sesión"),
    FORBIDDEN(403, "no-permitido", "Operación no permitida"),
    NOT_FOUND(404, "no-encontrado", "No encontrado"),
    METHOD_NOT_ALLOWED(405, "metodo-no-permitido", "Método HTTP no permitido"),
    NOT_ACCEPTABLE(406, "formato-no-disponible", "Formato de respuesta no disponible"),
    CONFLICT(409, "conflicto", "No se puede en el estado actual"),
    TOO_LARGE(413, "demasiado-grande", "Solicitud demasiado grande"),
    UNSUPPORTED_MEDIA_TYPE(415, "tipo-no-admitido", "Tipo de contenido no admitido"),
    UNAVAILABLE(503, "no-disponible", "Servicio no disponible"),
    INTERNAL(500, "error-interno", "Error interno");

    private final int status;
    private final String name;
    private final String title;

    Kind(int status, String name, String title) {
      this.status = status;
      this.name = name;
      this.title = title;
    }

    public int status() {
      return status;
    }

    public URI type() {
      return URI.create(TYPE_PREFIX + name);
    }

    public String title() {
      return title;
    }

    /** The kind that answers with this status; a status without its own kind, by its class. */
    public static Kind of(int status) {
      for (Kind kind : values()) {
        if (kind.status == status) {
          return kind;
        }
      }
      return status >= 500 ? INTERNAL : INVALID;
    }
  }

  private Problems() {}

  /** The problem for a status, with the detail for people and, if any, the refused fields. */
  public static ProblemDetail of(HttpStatusCode status, String detail, List<FieldError> fields, String instance) {
    Kind kind = Kind.of(status.value());
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setType(kind.type());
    problem.setTitle(kind.title());
    problem.setDetail(detail);
    if (instance != null) {
      problem.setInstance(URI.create(instance));
    }
    if (fields != null && !fields.isEmpty()) {
      problem.setProperty(FIELDS, fields.stream().map(Problems::field).toList());
    }
    return problem;
  }

  /** One refused field as the {@code errores} member shows it. */
  public static Map<String, Object> field(FieldError field) {
    Map<String, Object> item = new LinkedHashMap<>();
    if (field.row() != null) {
      item.put("fila", field.row());
    }
    if (field.column() != null) {
      item.put("columna", field.column());
    }
    item.put("campo", field.field());
    item.put("mensaje", field.message());
    return item;
  }

  public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** The problem as the members of its JSON body, in the order of RFC 9457, extensions last. */
  public static Map<String, Object> body(ProblemDetail problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getInstance() != null) {
      body.put("instance", problem.getInstance().toString());
    }
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    return body;
  }

  /** For a filter: writes the problem as the whole answer. */
  public static void write(HttpServletRequest request, HttpServletResponse response, int status, String detail)
      throws IOException {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body(of(HttpStatusCode.valueOf(status), detail, null, request.getRequestURI())));
    } catch (JsonProcessingException e) {
      throw new IOException(e);
    }
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}

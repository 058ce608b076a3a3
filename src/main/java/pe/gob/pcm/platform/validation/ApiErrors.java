package pe.gob.pcm.platform.validation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The bodies of the own API's refusals, as the OpenAPI document describes them (the controllers'
 * {@code @ApiResponse}s cite these types). They are written by config/ApiExceptionHandler
 * ({@link InvalidInputException}), by the controllers themselves ({@code {"mensaje"}}) and by
 * Spring Boot's error page for a {@code ResponseStatusException}.
 */
public final class ApiErrors {

  private ApiErrors() {}

  /** 400: the input refused, each field with its reason (config/ApiExceptionHandler). */
  @Schema(name = "ErrorValidacion", description = "Datos rechazados: el mensaje general y cada campo con su motivo,"
      + " en castellano.")
  public record Invalid(
      @Schema(description = "Resumen del rechazo", example = "Revise los datos ingresados. Página: debe ser 0 o mayor.")
      String mensaje,
      @Schema(description = "Cada campo rechazado") List<Field> errores) {}

  /** One refused field. */
  @Schema(name = "ErrorCampo", description = "Un campo rechazado")
  public record Field(
      @Schema(description = "Nombre del campo o parámetro", example = "pagina") String campo,
      @Schema(description = "Motivo, en castellano", example = "Página: debe ser 0 o mayor.") String mensaje) {}

  /** A refusal with only a message: 401 of the authentication filter, and several 403/404/409. */
  @Schema(name = "Mensaje", description = "Un mensaje en castellano")
  public record Message(@Schema(description = "Motivo, en castellano") String mensaje) {}

  /** Spring Boot's error body, for a {@code ResponseStatusException} (its message in Spanish). */
  @Schema(name = "ErrorHttp", description = "Error con su estado HTTP y el motivo en castellano (campo message)")
  public record Http(
      @Schema(description = "Momento del error (ISO 8601)") String timestamp,
      @Schema(description = "Estado HTTP", example = "403") int status,
      @Schema(description = "Nombre del estado HTTP", example = "Forbidden") String error,
      @Schema(description = "Motivo, en castellano") String message,
      @Schema(description = "Ruta pedida") String path) {}
}

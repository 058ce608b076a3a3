package pe.gob.pcm.platform.validation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The bodies of the own API's refusals, as the OpenAPI document describes them (the controllers'
 * {@code @ApiResponse}s cite these types with {@link #PROBLEM_JSON}): Problem Details (RFC 9457),
 * written by config/ApiExceptionHandler and the filters through {@link Problems}.
 */
public final class ApiErrors {

  /** The media type of every refusal. */
  public static final String PROBLEM_JSON = Problems.MEDIA_TYPE;

  private ApiErrors() {}

  /** Any refusal: its type, title, status, the Spanish detail, the path and, if any, the fields. */
  @Schema(name = "Problema", description = "Rechazo en formato Problem Details (RFC 9457, application/problem+json):"
      + " el tipo, el título, el estado HTTP, el motivo en castellano (detail) y, si hubo campos rechazados,"
      + " cada uno con su motivo (errores).")
  public record Problem(
      @Schema(description = "Tipo del problema (URI tag:, lista en docs/api.md)",
          example = "tag:pcm.gob.pe,2026:plataforma/problema/datos-invalidos") String type,
      @Schema(description = "Título del tipo, en castellano", example = "Datos inválidos") String title,
      @Schema(description = "Estado HTTP", example = "400") int status,
      @Schema(description = "Motivo, en castellano, para la persona que lo lee",
          example = "Revise los datos ingresados. Página: debe ser 0 o mayor.") String detail,
      @Schema(description = "Ruta pedida", example = "/api/entidades") String instance,
      @Schema(description = "Cada campo rechazado (solo si los hubo)") List<Field> errores) {}

  /** One refused field. */
  @Schema(name = "ErrorCampo", description = "Un campo rechazado; en un archivo de hoja de cálculo, también su fila y"
      + " columna")
  public record Field(
      @Schema(description = "Fila de la hoja de cálculo (la 1 es el encabezado); solo en un archivo", example = "4")
      Integer fila,
      @Schema(description = "Letra de la columna de la hoja de cálculo; solo en un archivo", example = "D")
      String columna,
      @Schema(description = "Nombre del campo o parámetro", example = "pagina") String campo,
      @Schema(description = "Motivo, en castellano", example = "Página: debe ser 0 o mayor.") String mensaje) {}
}

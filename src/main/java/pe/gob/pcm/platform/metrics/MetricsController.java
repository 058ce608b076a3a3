package pe.gob.pcm.platform.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pe.gob.pcm.platform.calendar.CalendarProperties;
import pe.gob.pcm.platform.security.ApiAuthentication;
import pe.gob.pcm.platform.security.PlatformUser;
import pe.gob.pcm.platform.validation.ApiErrors;
import pe.gob.pcm.platform.validation.FieldError;
import pe.gob.pcm.platform.validation.InvalidInputException;

/**
 * {@code GET /api/metricas/procesos?desde=AAAA-MM-DD&hasta=AAAA-MM-DD[&entidad=RUC]}: the figures
 * of Cockpit's "Métricas" view. Authenticated like every /api/** call (Basic or the webapp
 * session); only managers and administrators may read (403 otherwise).
 */
@RestController
@Tag(name = "Métricas", description = "Cifras de los procesos para la Gerencia (vista «Métricas» de Cockpit,"
    + " docs/metricas.md)")
@SecurityRequirement(name = ApiAuthentication.BASIC)
@SecurityRequirement(name = ApiAuthentication.SESSION)
@ApiResponse(responseCode = "401", description = ApiAuthentication.UNAUTHENTICATED,
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
public class MetricsController {

  /** Default period when none is given: the last 30 days, today included. */
  static final int DEFAULT_DAYS = 30;

  private final ProcessMetrics metrics;
  private final MetricsAccess access;
  private final ZoneId zone;

  public MetricsController(ProcessMetrics metrics, MetricsAccess access, CalendarProperties calendar) {
    this.metrics = metrics;
    this.access = access;
    this.zone = calendar.zone();
  }

  @GetMapping("/api/metricas/procesos")
  @Operation(summary = "Métricas de los procesos en un periodo",
      description = "Por proceso y entidad: instancias iniciadas, completadas, canceladas y en curso, duración"
          + " mediana y p90, plazos incumplidos (SLA) e incidentes en el periodo (por defecto, los últimos 30 días);"
          + " y las tareas abiertas por grupo, con su antigüedad. Solo la Gerencia (grupos de"
          + " platform.metrics.reader-groups) y los administradores.")
  @ApiResponse(responseCode = "200", description = "Las cifras del periodo",
      content = @Content(schema = @Schema(implementation = ProcessMetrics.Report.class)))
  @ApiResponse(responseCode = "400", description = "Fecha inválida, o «desde» posterior a «hasta»",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "403", description = "El usuario no lee métricas",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<?> processes(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Primer día del periodo, AAAA-MM-DD (por defecto, 29 días antes de «hasta»)")
      @RequestParam(name = "desde", required = false) String desde,
      @Parameter(description = "Último día del periodo, AAAA-MM-DD (por defecto, hoy en America/Lima)")
      @RequestParam(name = "hasta", required = false) String hasta,
      @Parameter(description = "RUC de una entidad, para sus cifras solamente")
      @RequestParam(name = "entidad", required = false) String entidad) {
    if (!access.mayRead(user)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Las métricas de procesos solo están disponibles para la Gerencia y los administradores.");
    }
    List<FieldError> errors = new ArrayList<>();
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
    LocalDate to = date(hasta, "hasta", "Hasta", today, errors);
    LocalDate from = date(desde, "desde", "Desde", to == null ? null : to.minusDays(DEFAULT_DAYS - 1), errors);
    if (from != null && to != null && from.isAfter(to)) {
      errors.add(new FieldError("desde", "Desde", "debe ser anterior o igual a la fecha «hasta»"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    String ruc = entidad == null || entidad.isBlank() ? null : entidad.strip();
    return ResponseEntity.ok(metrics.report(from, to, ruc));
  }

  private static LocalDate date(String text, String field, String label, LocalDate byDefault,
      List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      return byDefault;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, label, "no es una fecha válida (AAAA-MM-DD)"));
      return null;
    }
  }
}

package pe.gob.pcm.platform.pgo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pe.gob.pcm.platform.calendar.CalendarProperties;
import pe.gob.pcm.platform.security.ApiAuthentication;
import pe.gob.pcm.platform.security.PlatformUser;
import pe.gob.pcm.platform.validation.ApiErrors;
import pe.gob.pcm.platform.validation.FieldChecks;

/**
 * Every ROF/MOP case across entities, for the SGP's page /pgo/expedientes.html: a page of cases
 * filtered by state, entity category (level of government), evaluator and overdue, with the
 * numbers managers read (cases per state, open cases per evaluator, average working days per
 * round, overdue and breached rounds). PCM staff only.
 */
@RestController
@RequestMapping("/api/pgo")
@Tag(name = "ROF/MOP: expedientes", description = "Todos los expedientes de ROF/MOP de todas las entidades, con filtros"
    + " e indicadores para la SGP (docs/processes/pgo.md).")
@SecurityRequirement(name = ApiAuthentication.BASIC)
@SecurityRequirement(name = ApiAuthentication.SESSION)
@ApiResponse(responseCode = "401", description = ApiAuthentication.UNAUTHENTICATED,
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
public class PgoCasesController {

  static final int MAX_PAGE_SIZE = 100;
  static final Set<String> STATES = Set.of("EN_FORMULACION", "EN_EVALUACION", "OBSERVADO", "OPINION_FAVORABLE",
      "DESFAVORABLE", "EN_CONCEJO", "ORDENANZA_APROBADA", "NO_APROBADO", "APROBADO", "ARCHIVADO");

  /** Levels of government by PIDE category: 1–5 national bodies, 6 regional, 7–8 local governments. */
  static final Map<String, int[]> LEVELS = Map.of("NACIONAL", new int[] {1, 5}, "REGIONAL", new int[] {6, 6},
      "LOCAL", new int[] {7, 8});

  private final PgoCasesMapper cases;
  private final CalendarProperties calendar;

  public PgoCasesController(PgoCasesMapper cases, CalendarProperties calendar) {
    this.cases = cases;
    this.calendar = calendar;
  }

  @GetMapping("/expedientes")
  @Operation(summary = "Expedientes de ROF/MOP de todas las entidades",
      description = "Una página de expedientes (del más reciente al más antiguo) con su última ronda, filtrada por"
          + " estado, categoría de la entidad (nivel de gobierno, 1 a 8 de la PIDE), evaluador y vencidos (ronda abierta"
          + " con el plazo pasado); y los indicadores de todos los expedientes: por estado, abiertos por evaluador,"
          + " promedio de días hábiles por ronda, rondas vencidas e incumplidas. Solo el personal de la PCM.")
  @ApiResponse(responseCode = "200", description = "total, pagina, tamano, expedientes e indicadores")
  @ApiResponse(responseCode = "400", description = "Un filtro o la paginación no es válido, con el campo y su motivo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "403", description = "El usuario no es del personal de la PCM",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<?> list(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Estado del expediente (EN_EVALUACION, OBSERVADO, …)") @RequestParam(name = "estado", required = false) String state,
      @Parameter(description = "Nivel de gobierno: NACIONAL (categorías 1 a 5), REGIONAL (6) o LOCAL (7 y 8), o una"
          + " categoría de la PIDE, 1 a 8") @RequestParam(name = "nivel", required = false) String level,
      @Parameter(description = "Usuario del evaluador asignado") @RequestParam(name = "evaluador", required = false) String evaluator,
      @Parameter(description = "Solo los que tienen la ronda abierta vencida") @RequestParam(name = "vencidos", required = false) String overdue,
      @Parameter(description = "Página, desde 0") @RequestParam(name = "pagina", required = false) String page,
      @Parameter(description = "Expedientes por página, 1 a 100 (20 por defecto)") @RequestParam(name = "tamano", required = false) String size) {
    if (!user.isPcmSide() && !user.isAdmin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Solo el personal de la PCM ve los expedientes de todas las entidades.");
    }
    FieldChecks checks = new FieldChecks();
    String cleanState = blank(state) ? null : state.strip().toUpperCase(java.util.Locale.ROOT);
    checks.check("estado", "Estado", cleanState == null || STATES.contains(cleanState) ? null : "elija un estado de la lista");
    int[] categories = LEVELS.get(blank(level) ? "" : level.strip().toUpperCase(java.util.Locale.ROOT));
    if (categories == null && !blank(level)) {
      Integer category = number(checks, "nivel", "Nivel de gobierno", level, 1, 8, null);
      categories = category == null ? null : new int[] {category, category};
    }
    checks.check("evaluador", "Evaluador", evaluator != null && evaluator.length() > 64 ? "no debe superar 64 caracteres" : null);
    checks.check("vencidos", "Vencidos", overdue == null || Set.of("true", "false", "").contains(overdue.strip())
        ? null : "debe ser true o false");
    int pageNumber = number(checks, "pagina", "Página", page, 0, 1_000_000, 0);
    int pageSize = number(checks, "tamano", "Tamaño de página", size, 1, MAX_PAGE_SIZE, 20);
    checks.throwIfAny();

    LocalDateTime now = LocalDateTime.now(calendar.zone());
    PgoCasesMapper.Filter filter = new PgoCasesMapper.Filter(cleanState, categories == null ? null : categories[0],
        categories == null ? null : categories[1], blank(evaluator) ? null : evaluator.strip(),
        "true".equals(overdue == null ? null : overdue.strip()), now);
    Map<String, Object> indicators = new LinkedHashMap<>();
    indicators.put("porEstado", cases.byState());
    indicators.put("abiertosPorEvaluador", cases.openByEvaluator());
    java.math.BigDecimal average = cases.averageWorkingDaysPerRound();
    indicators.put("promedioDiasHabilesPorRonda", average == null ? null : average.setScale(1, RoundingMode.HALF_UP));
    indicators.put("rondasVencidas", cases.overdueRounds(now));
    indicators.put("rondasIncumplidas", cases.breachedRounds());

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", cases.count(filter));
    body.put("pagina", pageNumber);
    body.put("tamano", pageSize);
    body.put("expedientes", cases.page(filter, pageNumber * pageSize, pageSize));
    body.put("indicadores", indicators);
    return ResponseEntity.ok(body);
  }

  private static Integer number(FieldChecks checks, String field, String label, String raw, int min, int max, Integer fallback) {
    return checks.wholeNumber(field, label, raw, min, max, fallback,
        ("nivel".equals(field) ? "elija NACIONAL, REGIONAL, LOCAL o una categoría" : "debe ser un número") + " entre " + min + " y " + max);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

}

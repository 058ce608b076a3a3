package pe.gob.pcm.platform.procedure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.security.ApiAuthentication;
import pe.gob.pcm.platform.security.PlatformUser;
import pe.gob.pcm.platform.security.Role;
import pe.gob.pcm.platform.validation.ApiErrors;
import pe.gob.pcm.platform.validation.FieldChecks;

/**
 * Standardized administrative procedures (docs/processes/procedimientos.md): the SGP's catalogue
 * (a page at a time, and each procedure with its versions and norms), the start of the SGP's cycle,
 * and, for an entity, the procedures that apply to it with what it adopted and what is overdue.
 */
@RestController
@Tag(name = "Procedimientos estandarizados", description = "Catálogo de la SGP, versiones con su norma, y las"
    + " adecuaciones de cada entidad (docs/processes/procedimientos.md).")
@SecurityRequirement(name = ApiAuthentication.BASIC)
@SecurityRequirement(name = ApiAuthentication.SESSION)
@ApiResponse(responseCode = "401", description = ApiAuthentication.UNAUTHENTICATED,
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
@ApiResponse(responseCode = "400", description = "Un parámetro no es válido, con el campo y su motivo",
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
public class ProcedureController {

  static final int MAX_PAGE_SIZE = 100;
  static final Set<String> SITUATIONS = Set.of("ADOPTADOS", "PENDIENTES", "VENCIDOS");

  private final ProcedureViews views;
  private final HostedEntities entities;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final ProcedureProperties properties;

  public ProcedureController(ProcedureViews views, HostedEntities entities, RuntimeService runtime,
      IdentityService identity, ProcedureProperties properties) {
    this.views = views;
    this.entities = entities;
    this.runtime = runtime;
    this.identity = identity;
    this.properties = properties;
  }

  @GetMapping("/api/procedimientos")
  @Operation(summary = "Catálogo de procedimientos estandarizados",
      description = "Una página de los procedimientos publicados (por nombre), cada uno con su versión vigente: base"
          + " legal, requisitos, derecho de tramitación, plazo máximo en días hábiles, silencio, tipo de unidad"
          + " competente, niveles de gobierno y norma de aprobación.")
  @ApiResponse(responseCode = "200", description = "total, pagina, tamano y procedimientos")
  public Map<String, Object> catalogue(
      @Parameter(description = "Nivel de gobierno: NACIONAL, REGIONAL o LOCAL") @RequestParam(name = "nivel", required = false) String level,
      @Parameter(description = "Texto en el nombre o el código") @RequestParam(name = "texto", required = false) String text,
      @Parameter(description = "Página, desde 0") @RequestParam(name = "pagina", required = false) String page,
      @Parameter(description = "Procedimientos por página, 1 a 100 (20 por defecto)") @RequestParam(name = "tamano", required = false) String size) {
    FieldChecks checks = new FieldChecks();
    String cleanLevel = blank(level) ? null : level.strip().toUpperCase(Locale.ROOT);
    checks.check("nivel", "Nivel de gobierno", cleanLevel == null || StandardProcedure.LEVELS.contains(cleanLevel)
        ? null : "elija NACIONAL, REGIONAL o LOCAL");
    checks.check("texto", "Texto", text != null && text.length() > 100 ? "no debe superar 100 caracteres" : null);
    Paging paging = Paging.of(checks, page, size);
    checks.throwIfAny();
    return views.cataloguePage(cleanLevel, blank(text) ? null : text.strip(), paging.page(), paging.size());
  }

  @GetMapping("/api/procedimientos/{codigo}")
  @Operation(summary = "Un procedimiento estandarizado con sus versiones",
      description = "Sus versiones publicadas (la vigente y las superadas), cada una con su norma de aprobación, y el"
          + " plazo de adecuación de la vigente. El personal de la PCM ve también la versión en curso.")
  @ApiResponse(responseCode = "200", description = "El procedimiento y sus versiones, de la más reciente a la más antigua")
  @ApiResponse(responseCode = "404", description = "No hay un procedimiento con ese código",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> detail(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Código, p. ej. PE-0001") @PathVariable("codigo") String code) {
    Map<String, Object> body = code.length() > 20 ? null
        : views.detail(code.strip().toUpperCase(Locale.ROOT), user.isPcmSide() || user.isAdmin());
    if (body == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No hay un procedimiento estandarizado con código " + code + ".");
    }
    return body;
  }

  @PostMapping("/api/procedimientos/formulaciones")
  @Operation(summary = "Formular o actualizar un procedimiento estandarizado",
      description = "Inicia el ciclo de la SGP (formulación, revisión legal, aprobación con su norma, publicación)"
          + " para un procedimiento nuevo (sin código) o para una nueva versión de uno publicado (con su código). La"
          + " primera tarea, «Formular el procedimiento estandarizado», queda en Tasklist. Solo evaluadores de la SGP.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "{\"codigo\"}: vacío para uno nuevo")
  @ApiResponse(responseCode = "201", description = "procesoId y codigo (null si es nuevo)")
  @ApiResponse(responseCode = "403", description = "El usuario no es evaluador de la SGP",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<Map<String, Object>> formulate(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @RequestBody(required = false) Map<String, Object> in) {
    if (!user.hasRole(Role.SGP_EVALUADOR)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Solo los evaluadores de la SGP formulan procedimientos estandarizados.");
    }
    Object code = in == null ? null : in.get("codigo");
    if (code != null && !(code instanceof String)) {
      new FieldChecks().check("codigo", "Código del procedimiento", "debe ser un texto").throwIfAny();
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(ProcedureProcess.ENTITY_RUC, properties.sgpEntityRuc());
    vars.put(ProcedureProcess.CODE, blank((String) code) ? null : ((String) code).strip());
    identity.setAuthentication(user.id(), user.groupIds(), user.tenantIds());
    ProcessInstance pi;
    try {
      pi = runtime.startProcessInstanceByKey(ProcedureProcess.KEY, vars);
    } finally {
      identity.clearAuthentication();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("procesoId", pi.getId());
    body.put("codigo", runtime.getVariable(pi.getId(), ProcedureProcess.CODE));
    return ResponseEntity.status(HttpStatus.CREATED).body(body);
  }

  @GetMapping("/api/entidades/{ruc}/procedimientos")
  @Operation(summary = "Procedimientos estandarizados de una entidad",
      description = "Los procedimientos publicados que se aplican al nivel de gobierno de la entidad, cada uno con la"
          + " versión que adoptó (si la hay), el plazo de adecuación (días hábiles desde la publicación,"
          + " platform.procedures.adoption-working-days) y su situación: ADOPTADO (la versión vigente), PENDIENTE o"
          + " VENCIDO. El personal de la PCM ve cualquier entidad; los usuarios de una entidad, solo la suya.")
  @ApiResponse(responseCode = "200", description = "ruc, nivelGobierno, total, pagina, tamano y procedimientos")
  @ApiResponse(responseCode = "404", description = "Otra entidad que la del usuario, o no registrada",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> ofEntity(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "RUC de la entidad") @PathVariable("ruc") String ruc,
      @Parameter(description = "ADOPTADOS, PENDIENTES (la versión vigente sin adoptar) o VENCIDOS (pendientes con el"
          + " plazo pasado); todos si se omite") @RequestParam(name = "situacion", required = false) String situation,
      @Parameter(description = "Página, desde 0") @RequestParam(name = "pagina", required = false) String page,
      @Parameter(description = "Procedimientos por página, 1 a 100 (20 por defecto)") @RequestParam(name = "tamano", required = false) String size) {
    boolean pcm = user.isPcmSide() || user.isAdmin();
    var entity = (pcm || ruc.equals(user.entityRuc())) ? entities.find(ruc) : java.util.Optional.<pe.gob.pcm.platform.entity.HostedEntityMapper.HostedEntityRow>empty();
    if (entity.isEmpty() || !entity.get().hosted()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No hay una entidad con RUC " + ruc + " a su alcance.");
    }
    FieldChecks checks = new FieldChecks();
    String cleanSituation = blank(situation) ? null : situation.strip().toUpperCase(Locale.ROOT);
    checks.check("situacion", "Situación", cleanSituation == null || SITUATIONS.contains(cleanSituation) ? null
        : "elija ADOPTADOS, PENDIENTES o VENCIDOS");
    Paging paging = Paging.of(checks, page, size);
    checks.throwIfAny();
    Map<String, Object> body = views.entityPage(ruc, entity.get().governmentLevel(), cleanSituation, paging.page(), paging.size());
    body.put("entidad", entity.get().name());
    return body;
  }

  @GetMapping("/api/entidad/procedimientos")
  @Operation(summary = "Procedimientos estandarizados de la entidad del usuario",
      description = "Como /api/entidades/{ruc}/procedimientos, para la entidad del usuario que llama (la página"
          + " /procedimientos/).")
  @ApiResponse(responseCode = "200", description = "ruc, nivelGobierno, total, pagina, tamano y procedimientos")
  @ApiResponse(responseCode = "404", description = "El usuario no pertenece a una sola entidad",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> ofOwnEntity(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "ADOPTADOS, PENDIENTES o VENCIDOS; todos si se omite") @RequestParam(name = "situacion", required = false) String situation,
      @Parameter(description = "Página, desde 0") @RequestParam(name = "pagina", required = false) String page,
      @Parameter(description = "Procedimientos por página, 1 a 100 (20 por defecto)") @RequestParam(name = "tamano", required = false) String size) {
    if (user.entityRuc() == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Su usuario no pertenece a una entidad: use /api/entidades/{ruc}/procedimientos.");
    }
    return ofEntity(user, user.entityRuc(), situation, page, size);
  }

  /** A page number from 0 and a page size from 1 to {@link #MAX_PAGE_SIZE}, refused by name in Spanish. */
  record Paging(int page, int size) {
    static Paging of(FieldChecks checks, String page, String size) {
      return new Paging(number(checks, "pagina", "Página", page, 0, 1_000_000, 0),
          number(checks, "tamano", "Tamaño de página", size, 1, MAX_PAGE_SIZE, 20));
    }

    private static int number(FieldChecks checks, String field, String label, String raw, int min, int max, int fallback) {
      return checks.wholeNumber(field, label, raw, min, max, fallback, "debe ser un número entre " + min + " y " + max);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

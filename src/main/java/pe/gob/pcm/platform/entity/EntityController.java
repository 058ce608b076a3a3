package pe.gob.pcm.platform.entity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import pe.gob.pcm.platform.entity.HostedEntityMapper.HostedEntityRow;
import pe.gob.pcm.platform.security.ApiAuthentication;
import pe.gob.pcm.platform.security.PlatformUser;
import pe.gob.pcm.platform.validation.ApiErrors;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.InvalidInputException;

/**
 * The registry of entities over REST ({@code /api/entidades}, OpenAPI at {@code /v3/api-docs}):
 * PCM-side staff read it, an entity's users read their own entity, and the SGTD's
 * administrators ({@code sgtd-administrador}) register, suspend and reactivate entities.
 */
@RestController
@RequestMapping("/api/entidades")
@Tag(name = "Registro de entidades", description = "Entidades públicas hospedadas en la plataforma (cada una, un"
    + " tenant de Camunda por su RUC): consulta para el personal de la PCM; registro, suspensión y reactivación"
    + " por la administración de entidades de la SGTD (docs/incorporacion.md)")
@SecurityRequirement(name = ApiAuthentication.BASIC)
@SecurityRequirement(name = ApiAuthentication.SESSION)
@ApiResponse(responseCode = "401", description = ApiAuthentication.UNAUTHENTICATED,
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
public class EntityController {

  private static final int MAX_PAGE_SIZE = 200;

  private final HostedEntities entities;

  public EntityController(HostedEntities entities) {
    this.entities = entities;
  }

  /** One page of the registry, by name; {@code estado} and {@code q} (name or RUC) optional. */
  @GetMapping
  @Operation(summary = "Listar el registro de entidades",
      description = "Una página del registro ordenada por nombre, con el total. Solo el personal de la PCM y los"
          + " administradores.")
  @ApiResponse(responseCode = "200", description = "La página: total, pagina, tamano y entidades")
  @ApiResponse(responseCode = "400", description = "Estado, página, tamaño o búsqueda inválidos",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "403", description = "El usuario no es personal de la PCM",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> list(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Estado: SOLICITANTE, ACTIVA o SUSPENDIDA (todos si se omite)")
      @RequestParam(name = "estado", required = false) String state,
      @Parameter(description = "Texto a buscar en el nombre o el RUC (hasta 100 caracteres)")
      @RequestParam(name = "q", required = false) String text,
      @Parameter(description = "Número de página, desde 0")
      @RequestParam(name = "pagina", defaultValue = "0") int page,
      @Parameter(description = "Entidades por página, de 1 a 200")
      @RequestParam(name = "tamano", defaultValue = "50") int size) {
    if (!user.isAdmin() && !user.isPcmSide()) {
      throw forbidden("Solo el personal de la PCM puede consultar el registro de entidades.");
    }
    FieldChecks checks = new FieldChecks()
        .check("pagina", "Página", page < 0 ? "debe ser 0 o mayor" : null)
        .check("tamano", "Tamaño de página", size < 1 || size > MAX_PAGE_SIZE
            ? "debe estar entre 1 y " + MAX_PAGE_SIZE : null)
        .check("q", "Búsqueda", text != null && text.length() > 100 ? "no debe superar 100 caracteres" : null);
    EntityState filter = null;
    if (state != null && !state.isBlank()) {
      try {
        filter = EntityState.valueOf(state.strip().toUpperCase());
      } catch (IllegalArgumentException e) {
        checks.check("estado", "Estado", "debe ser SOLICITANTE, ACTIVA o SUSPENDIDA");
      }
    }
    checks.throwIfAny();
    List<Map<String, Object>> rows = entities.page(filter, text, page * size, size).stream()
        .map(EntityController::view).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", entities.count(filter, text));
    body.put("pagina", page);
    body.put("tamano", size);
    body.put("entidades", rows);
    return body;
  }

  @GetMapping("/{ruc}")
  @Operation(summary = "Consultar una entidad del registro",
      description = "Datos y estado de la entidad. El personal de la PCM y los administradores ven cualquiera; los"
          + " usuarios de una entidad, solo la suya.")
  @ApiResponse(responseCode = "200", description = "La entidad")
  @ApiResponse(responseCode = "404", description = "No está en el registro, o es otra entidad que la del usuario",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> get(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "RUC de la entidad (11 dígitos)") @PathVariable String ruc) {
    HostedEntityRow row = entities.find(ruc).orElse(null);
    boolean mayRead = user.isAdmin() || user.isPcmSide() || ruc.equals(user.entityRuc());
    if (row == null || !mayRead) {
      throw notFound("No hay una entidad con RUC " + ruc + " en el registro.");
    }
    return view(row);
  }

  /**
   * Registers an entity as active with its tenant, for one that joined outside Colabora. Body:
   * {@code ruc, nombre, categoria (1-8), sector, nivelGobierno}. Repeating it updates the details.
   */
  @PostMapping
  @Operation(summary = "Registrar una entidad activa",
      description = "Registra como activa, con su tenant, una entidad incorporada fuera de Colabora; repetirlo"
          + " actualiza sus datos. Solo la administración de entidades de la SGTD (sgtd-administrador) o un"
          + " administrador.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "{\"ruc\", \"nombre\", \"categoria\" (1 a 8),"
      + " \"sector\", \"nivelGobierno\" (NACIONAL, REGIONAL o LOCAL)}")
  @ApiResponse(responseCode = "201", description = "Registrada")
  @ApiResponse(responseCode = "200", description = "Ya estaba hospedada: datos actualizados")
  @ApiResponse(responseCode = "400", description = "RUC, nombre, categoría, sector o nivel de gobierno inválidos",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "403", description = "El usuario no administra entidades"
      + ApiAuthentication.CROSS_SITE_WRITE,
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<Map<String, Object>> register(
      @RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @RequestBody(required = false) Map<String, Object> body) {
    requireAdministrator(user);
    Map<String, Object> in = body == null ? Map.of() : body;
    Integer category = null;
    Object rawCategory = in.get("categoria");
    if (rawCategory != null) {
      try {
        category = Integer.valueOf(rawCategory.toString().strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("categoria", "Categoría", "debe ser un número del 1 al 8");
      }
    }
    String level = string(in, "nivelGobierno");
    if (level != null && !List.of("NACIONAL", "REGIONAL", "LOCAL").contains(level)) {
      throw new InvalidInputException("nivelGobierno", "Nivel de gobierno", "debe ser NACIONAL, REGIONAL o LOCAL");
    }
    String sector = string(in, "sector");
    if (sector != null && sector.length() > 120) {
      throw new InvalidInputException("sector", "Sector", "no debe superar 120 caracteres");
    }
    String ruc = string(in, "ruc");
    boolean existed = ruc != null && entities.find(ruc).filter(HostedEntityRow::hosted).isPresent();
    HostedEntityRow row = entities.register(
        new HostedEntities.EntityDetails(ruc, string(in, "nombre"), category, sector, level), user.id());
    return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).body(view(row));
  }

  /** Suspends an active entity. Body: {@code motivo}. */
  @PostMapping("/{ruc}/suspension")
  @Operation(summary = "Suspender una entidad",
      description = "Suspende una entidad activa: sus usuarios no inician sesión y los documentos que le envíen se"
          + " rechazan. Repetirlo sobre una suspendida no cambia nada. Solo sgtd-administrador o un administrador.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "{\"motivo\": \"...\"} (obligatorio, hasta"
      + " 500 caracteres)")
  @ApiResponse(responseCode = "200", description = "La entidad, suspendida")
  @ApiResponse(responseCode = "400", description = "Falta el motivo, o la entidad no está activa",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "403", description = "El usuario no administra entidades"
      + ApiAuthentication.CROSS_SITE_WRITE,
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "404", description = "No hay una entidad hospedada con ese RUC",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> suspend(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "RUC de la entidad") @PathVariable String ruc,
      @RequestBody(required = false) Map<String, Object> body) {
    requireAdministrator(user);
    String reason = body == null ? null : string(body, "motivo");
    new FieldChecks().check("motivo", "Motivo de la suspensión",
        pe.gob.pcm.platform.validation.Identifiers.textProblem(reason, 500)).throwIfAny();
    HostedEntityRow row = hosted(ruc);
    if (row.state() == EntityState.ACTIVA) {
      entities.suspend(ruc, reason, user.id());
    } else if (row.state() != EntityState.SUSPENDIDA) {
      throw new InvalidInputException("ruc", "Entidad", "solo se suspende una entidad activa");
    }
    return view(hosted(ruc));
  }

  /** Reactivates a suspended entity. */
  @DeleteMapping("/{ruc}/suspension")
  @Operation(summary = "Reactivar una entidad suspendida",
      description = "Levanta la suspensión; sobre una entidad no suspendida no cambia nada. Solo sgtd-administrador"
          + " o un administrador.")
  @ApiResponse(responseCode = "200", description = "La entidad, con su estado")
  @ApiResponse(responseCode = "403", description = "El usuario no administra entidades"
      + ApiAuthentication.CROSS_SITE_WRITE,
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "404", description = "No hay una entidad hospedada con ese RUC",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> reactivate(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "RUC de la entidad") @PathVariable String ruc) {
    requireAdministrator(user);
    HostedEntityRow row = hosted(ruc);
    if (row.state() == EntityState.SUSPENDIDA) {
      entities.reactivate(ruc, user.id());
    }
    return view(hosted(ruc));
  }

  private HostedEntityRow hosted(String ruc) {
    return entities.find(ruc).filter(HostedEntityRow::hosted)
        .orElseThrow(() -> notFound("No hay una entidad hospedada con RUC " + ruc + "."));
  }

  private static void requireAdministrator(PlatformUser user) {
    if (!user.administersEntities()) {
      throw forbidden("Solo la administración de entidades de la SGTD puede hacer este cambio.");
    }
  }

  private static String string(Map<String, Object> in, String key) {
    Object value = in.get(key);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  static Map<String, Object> view(HostedEntityRow row) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("ruc", row.ruc());
    view.put("nombre", row.name());
    view.put("categoria", row.category());
    view.put("sector", row.sector());
    view.put("nivelGobierno", row.governmentLevel());
    view.put("estado", row.state().name());
    view.put("motivoEstado", row.stateReason());
    view.put("estadoCambiadoPor", row.stateChangedBy());
    view.put("estadoCambiadoEn", row.stateChangedAt() == null ? null : row.stateChangedAt().toString());
    view.put("registradoPor", row.createdBy());
    view.put("registradoEn", row.createdAt() == null ? null : row.createdAt().toString());
    return view;
  }

  private static ResponseStatusException forbidden(String message) {
    return new ResponseStatusException(HttpStatus.FORBIDDEN, message);
  }

  private static ResponseStatusException notFound(String message) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, message);
  }
}

package pe.gob.pcm.platform.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import jakarta.servlet.http.HttpServletRequest;
import pe.gob.pcm.platform.validation.Problems;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.security.ApiAuthentication;
import pe.gob.pcm.platform.security.PlatformUser;
import pe.gob.pcm.platform.security.Role;
import pe.gob.pcm.platform.validation.ApiErrors;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.InvalidInputException;

/**
 * The people of the caller's entity ({@code /api/entidad/usuarios}, page
 * {@code /entidad/personas.html}, docs/personas.md). Only the entity's master user
 * ({@code usuario-maestro}) acts here, and only on users of its own tenant: a user of another
 * entity is answered as one that does not exist (404). The PCM's staff and the administrators
 * manage accounts in Camunda Admin and are refused (403), as is anyone else.
 */
@RestController
@RequestMapping("/api/entidad/usuarios")
@Tag(name = "Personas de la entidad", description = "El usuario máster de una entidad crea, consulta, asigna roles,"
    + " desactiva, reactiva e importa (CSV/XLSX) a las personas de su entidad (docs/personas.md). Un usuario de"
    + " otra entidad se responde como inexistente (404).")
@SecurityRequirement(name = ApiAuthentication.BASIC)
@SecurityRequirement(name = ApiAuthentication.SESSION)
@ApiResponse(responseCode = "401", description = ApiAuthentication.UNAUTHENTICATED,
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
@ApiResponse(responseCode = "403", description = "El usuario no es el usuario máster de la entidad, es personal de la"
    + " PCM o administrador, su entidad está suspendida, o la cuenta pedida la administra la PCM"
    + ApiAuthentication.CROSS_SITE_WRITE,
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
public class PeopleController {

  private static final int MAX_PAGE_SIZE = 200;

  private final People people;
  private final HostedEntities entities;
  private final int maxImportRows;
  private final DataSize maxImportSize;

  public PeopleController(People people, HostedEntities entities,
      @Value("${platform.people.import-max-rows:2000}") int maxImportRows,
      @Value("${platform.people.import-max-size:2MB}") DataSize maxImportSize) {
    this.people = people;
    this.entities = entities;
    this.maxImportRows = maxImportRows;
    this.maxImportSize = maxImportSize;
  }

  /** One page of the entity's people by user id; {@code q} (optional) in the user id or the names. */
  @GetMapping
  @Operation(summary = "Listar las personas de la entidad",
      description = "Una página de las personas de la entidad del usuario máster, por id de usuario, con los roles"
          + " que puede asignar.")
  @ApiResponse(responseCode = "200", description = "La página: entidad, usuarioActual, total, pagina, tamano,"
      + " usuarios y rolesAsignables")
  @ApiResponse(responseCode = "400", description = "Página, tamaño o búsqueda inválidos",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> list(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Texto a buscar en el id de usuario o los nombres (hasta 100 caracteres)")
      @RequestParam(name = "q", required = false) String text,
      @Parameter(description = "Número de página, desde 0")
      @RequestParam(name = "pagina", defaultValue = "0") int page,
      @Parameter(description = "Personas por página, de 1 a 200")
      @RequestParam(name = "tamano", defaultValue = "50") int size) {
    String ruc = entityOf(user);
    new FieldChecks()
        .check("pagina", "Página", page < 0 ? "debe ser 0 o mayor"
            : (long) page * size > Integer.MAX_VALUE ? "es demasiado grande" : null)
        .check("tamano", "Tamaño de página", size < 1 || size > MAX_PAGE_SIZE
            ? "debe estar entre 1 y " + MAX_PAGE_SIZE : null)
        .check("q", "Búsqueda", text != null && text.length() > 100 ? "no debe superar 100 caracteres" : null)
        .throwIfAny();
    People.PersonPage found = people.page(ruc, text, page * size, size);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entidad", Map.of("ruc", ruc, "nombre", entities.name(ruc).orElse(ruc)));
    body.put("usuarioActual", user.id());
    body.put("total", found.total());
    body.put("pagina", page);
    body.put("tamano", size);
    body.put("usuarios", found.people().stream().map(PeopleController::view).toList());
    body.put("rolesAsignables", People.ASSIGNABLE.stream()
        .map(role -> Map.of("rol", role.groupId(), "nombre", role.displayName())).toList());
    return body;
  }

  @GetMapping("/{usuario}")
  @Operation(summary = "Consultar una persona de la entidad",
      description = "Nombres, apellidos, correo, roles, si está activa y si es el usuario máster.")
  @ApiResponse(responseCode = "200", description = "La persona")
  @ApiResponse(responseCode = "404", description = "No hay un usuario con ese id en la entidad",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> get(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Id del usuario, por ejemplo muni.ti") @PathVariable("usuario") String userId) {
    return view(people.find(entityOf(user), userId));
  }

  /** Body: {@code usuario, nombres, apellidos, correo, roles} (a list of role ids). */
  @PostMapping
  @Operation(summary = "Crear una persona en la entidad",
      description = "Crea la cuenta con sus roles de la entidad y le envía a su correo un enlace de un solo uso para"
          + " elegir su contraseña.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "{\"usuario\", \"nombres\", \"apellidos\","
      + " \"correo\", \"roles\": [\"mesa-partes\", ...]}")
  @ApiResponse(responseCode = "201", description = "Creada: mensaje y usuario")
  @ApiResponse(responseCode = "400", description = "Datos inválidos, id de usuario en uso o rol no asignable",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<Map<String, Object>> create(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @RequestBody(required = false) Map<String, Object> body) {
    String ruc = entityOf(user);
    Map<String, Object> in = body == null ? Map.of() : body;
    People.Person created = people.create(ruc, new Accounts.NewAccount(text(in, "usuario"), text(in, "nombres"),
        text(in, "apellidos"), text(in, "correo")), roles(in), user.id());
    return ResponseEntity.status(HttpStatus.CREATED).body(answer("Se creó el usuario «" + created.userId()
        + "». Le enviamos a su correo un enlace para que elija su contraseña; funciona una sola vez.", created));
  }

  /** Body: {@code roles}, the person's entity-side roles from now on. */
  @PutMapping("/{usuario}/roles")
  @Operation(summary = "Cambiar los roles de una persona",
      description = "Reemplaza los roles de la entidad de la persona por los indicados.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "{\"roles\": [\"mesa-partes\", ...]}")
  @ApiResponse(responseCode = "200", description = "Actualizados: mensaje y usuario")
  @ApiResponse(responseCode = "400", description = "Rol desconocido o no asignable, o persona desactivada",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "404", description = "No hay un usuario con ese id en la entidad",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> changeRoles(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Id del usuario, por ejemplo muni.ti") @PathVariable("usuario") String userId, @RequestBody(required = false) Map<String, Object> body) {
    String ruc = entityOf(user);
    People.Person changed = people.changeRoles(ruc, userId, roles(body == null ? Map.of() : body), user.id());
    return answer("Se actualizaron los roles de «" + changed.userId() + "».", changed);
  }

  @PostMapping("/{usuario}/desactivacion")
  @Operation(summary = "Desactivar una persona",
      description = "La persona ya no puede iniciar sesión y pierde sus roles; las tareas que tenía tomadas vuelven a"
          + " la bandeja de su grupo.")
  @ApiResponse(responseCode = "200", description = "Desactivada: mensaje, usuario y tareasDevueltas")
  @ApiResponse(responseCode = "403", description = "Como en las demás operaciones, y además: la propia cuenta, la de"
      + " un usuario máster o una cuenta que administra la PCM" + ApiAuthentication.CROSS_SITE_WRITE,
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "404", description = "No hay un usuario con ese id en la entidad",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> deactivate(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Id del usuario, por ejemplo muni.ti") @PathVariable("usuario") String userId) {
    People.Deactivated done = people.deactivate(entityOf(user), userId, user.id());
    Map<String, Object> answer = answer("Se desactivó a «" + done.person().userId() + "»: ya no puede iniciar"
        + " sesión." + (done.releasedTasks() == 0 ? ""
        : " " + done.releasedTasks() + " tarea(s) que tenía tomadas volvieron a la bandeja de su grupo."), done.person());
    answer.put("tareasDevueltas", done.releasedTasks());
    return answer;
  }

  @DeleteMapping("/{usuario}/desactivacion")
  @Operation(summary = "Reactivar una persona",
      description = "Le devuelve sus roles y le envía a su correo un enlace para elegir una nueva contraseña;"
          + " sobre una persona activa no cambia nada.")
  @ApiResponse(responseCode = "200", description = "Reactivada (o ya activa): mensaje y usuario")
  @ApiResponse(responseCode = "404", description = "No hay un usuario con ese id en la entidad",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> reactivate(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Id del usuario, por ejemplo muni.ti") @PathVariable("usuario") String userId) {
    People.Reactivated done = people.reactivate(entityOf(user), userId, user.id());
    String id = done.person().userId();
    return answer(done.wasInactive() ? "Se reactivó a «" + id + "»: recuperó sus roles y le enviamos a su correo un"
        + " enlace para que elija una nueva contraseña." : "«" + id + "» ya estaba activo.", done.person());
  }

  /** Mails the person a one-time link to choose a new password; nobody sees or sets it. */
  @PostMapping("/{usuario}/enlace")
  @Operation(summary = "Enviar un enlace para elegir una nueva contraseña",
      description = "Envía a la persona un enlace de un solo uso; nadie ve ni fija su contraseña. La actual sirve"
          + " hasta que use el enlace.")
  @ApiResponse(responseCode = "202", description = "Enviado: mensaje y usuario")
  @ApiResponse(responseCode = "400", description = "La persona está desactivada o no tiene correo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "404", description = "No hay un usuario con ese id en la entidad",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<Map<String, Object>> sendResetLink(
      @RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Id del usuario, por ejemplo muni.ti") @PathVariable("usuario") String userId) {
    People.Person person = people.sendResetLink(entityOf(user), userId, user.id());
    return ResponseEntity.accepted().body(answer("Le enviamos a «" + person.userId() + "» un enlace para elegir"
        + " una nueva contraseña; funciona una sola vez. Su contraseña actual sirve hasta que lo use.", person));
  }

  /**
   * Creates the people of a file ({@code archivo}: CSV UTF-8 or XLSX, docs/personas.md) all or
   * nothing: 201 with the ids created, or 400 with every refused line and why.
   */
  @PostMapping(path = "/importacion", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Importar personas desde un archivo",
      description = "Crea todas las personas de la plantilla (CSV UTF-8 o XLSX, docs/personas.md) o ninguna: si"
          + " alguna línea está mal, no se crea nadie y se responde cada línea rechazada con su motivo.")
  @ApiResponse(responseCode = "201", description = "Creadas: mensaje, creados y usuarios")
  @ApiResponse(responseCode = "400", description = "Falta el archivo, es demasiado grande, o hay líneas rechazadas"
      + " (cada una con su fila, columna y motivo)",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ImportRefusal.class)))
  @ApiResponse(responseCode = "413", description = "El archivo supera el tamaño máximo de subida",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<Map<String, Object>> importFile(
      @RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "La plantilla llena, CSV UTF-8 o XLSX (multipart/form-data)")
      @RequestPart(name = "archivo", required = false) MultipartFile file) throws IOException {
    String ruc = entityOf(user);
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException("archivo", "Archivo", "es obligatorio: suba la plantilla CSV o XLSX llena");
    }
    if (file.getSize() > maxImportSize.toBytes()) {
      throw new InvalidInputException("archivo", "Archivo", "supera " + maxImportSize.toKilobytes() + " KB:"
          + " divídalo en archivos de hasta " + maxImportRows + " personas");
    }
    List<PeopleFile.Line> lines = PeopleFile.read(file.getOriginalFilename(), file.getBytes(), maxImportRows);
    List<String> created = people.importAll(ruc, lines, user.id());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("mensaje", "Se crearon " + created.size() + " usuarios. Cada uno recibirá en su correo un enlace para"
        + " elegir su contraseña.");
    body.put("creados", created.size());
    body.put("usuarios", created);
    return ResponseEntity.status(HttpStatus.CREATED).body(body);
  }

  /** The body of {@link #importRefused}, for the OpenAPI document. */
  @Schema(name = "ImportacionRechazada", description = "Importación rechazada (Problem Details, RFC 9457): cada línea"
      + " con su fila, columna y motivo. Sin filas, cuando falta el archivo o es demasiado grande.")
  record ImportRefusal(
      @Schema(description = "Tipo del problema", example = "tag:pcm.gob.pe,2026:plataforma/problema/datos-invalidos")
      String type,
      @Schema(description = "Título del tipo", example = "Datos inválidos") String title,
      @Schema(description = "Estado HTTP", example = "400") int status,
      @Schema(description = "Resumen, en castellano") String detail,
      @Schema(description = "Ruta pedida") String instance,
      @Schema(description = "Líneas leídas del archivo") Integer filasLeidas, List<ImportRefusalLine> errores) {}

  /** One refused line of an import. */
  @Schema(name = "LineaRechazada")
  record ImportRefusalLine(@Schema(description = "Fila del archivo (la 1 es la cabecera)") Integer fila,
      @Schema(description = "Columna de la plantilla") String columna,
      @Schema(description = "Igual que columna; o el campo, sin fila") String campo,
      @Schema(description = "Motivo, en castellano") String mensaje) {}

  /** An import refused: every refused line, with its row, column and reason. */
  @ExceptionHandler(People.ImportRefused.class)
  ResponseEntity<ProblemDetail> importRefused(People.ImportRefused e, HttpServletRequest request) {
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, e.getMessage(), null, request.getRequestURI());
    problem.setProperty("filasLeidas", e.rows());
    problem.setProperty(Problems.FIELDS, e.errors().stream().map(error -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("fila", error.row());
      item.put("columna", error.column());
      item.put("campo", error.column());
      item.put("mensaje", error.message());
      return item;
    }).toList());
    return Problems.response(problem);
  }

  /** The caller's entity, if the caller is its master user; otherwise 403. */
  private String entityOf(PlatformUser user) {
    if (user.isAdmin() || user.isPcmSide()) {
      throw forbidden("El personal de la PCM y los administradores gestionan las cuentas en Camunda Admin.");
    }
    String ruc = user.entityRuc();
    if (ruc == null || !user.hasRole(Role.USUARIO_MAESTRO)) {
      throw forbidden("Solo el usuario máster de la entidad gestiona las personas de la entidad.");
    }
    if (entities.isSuspended(ruc)) {
      throw forbidden("Su entidad está suspendida en la plataforma: no se pueden gestionar sus personas.");
    }
    return ruc;
  }

  private static List<String> roles(Map<String, Object> in) {
    Object raw = in.get("roles");
    if (raw == null) {
      return List.of();
    }
    if (raw instanceof String text) {
      return PeopleFile.splitRoles(text);
    }
    if (raw instanceof List<?> list) {
      List<String> roles = new ArrayList<>();
      for (Object role : list) {
        roles.add(role == null ? "" : role.toString());
      }
      return roles;
    }
    throw new InvalidInputException("roles", "Roles", "debe ser una lista de roles, por ejemplo [\"mesa-partes\"]");
  }

  private static String text(Map<String, Object> in, String key) {
    Object value = in.get(key);
    return value == null ? null : value.toString();
  }

  private static Map<String, Object> answer(String message, People.Person person) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("mensaje", message);
    answer.put("usuario", view(person));
    return answer;
  }

  static Map<String, Object> view(People.Person person) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("usuario", person.userId());
    view.put("nombres", person.firstName());
    view.put("apellidos", person.lastName());
    view.put("correo", person.email());
    view.put("roles", person.roles().stream().map(Role::groupId).toList());
    view.put("activo", person.active());
    view.put("maestro", person.master());
    return view;
  }

  private static ResponseStatusException forbidden(String message) {
    return new ResponseStatusException(HttpStatus.FORBIDDEN, message);
  }
}

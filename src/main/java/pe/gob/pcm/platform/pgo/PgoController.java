package pe.gob.pcm.platform.pgo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pe.gob.pcm.platform.security.ApiAuthentication;
import pe.gob.pcm.platform.security.PlatformUser;
import pe.gob.pcm.platform.validation.ApiErrors;

/**
 * The expediente's structure for people and forms: its organigram (SVG, shown in the task
 * forms), each version as JSON, and an entity's approved ROF/MOP versions with their comparison.
 * Who may see an expediente is who may see its process instance in Camunda.
 */
@RestController
@RequestMapping("/api/pgo")
@Tag(name = "ROF/MOP", description = "Estructura orgánica de los expedientes del ROF/MOP (PGO): guardar una versión,"
    + " leerla como JSON u organigrama SVG, y las versiones aprobadas de una entidad con su comparación"
    + " (docs/processes/pgo.md). Ve un expediente quien ve su instancia de proceso en Camunda.")
@SecurityRequirement(name = ApiAuthentication.BASIC)
@SecurityRequirement(name = ApiAuthentication.SESSION)
@ApiResponse(responseCode = "401", description = ApiAuthentication.UNAUTHENTICATED,
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
public class PgoController {

  private final PgoMapper mapper;
  private final PgoStructures structures;
  private final PgoStructureAccess access;

  public PgoController(PgoMapper mapper, PgoStructures structures, PgoStructureAccess access) {
    this.mapper = mapper;
    this.structures = structures;
    this.access = access;
  }

  /**
   * Saves a new version of the structure (the editor page posts here): only the entity's planning
   * office, only while the expediente is being formulated or corrected. Answers the version and
   * the rules' findings; a text that is not the format is refused (400) naming the problem.
   */
  @PostMapping(value = "/expedientes/{id}/estructura", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
  @Operation(summary = "Guardar una versión de la estructura del expediente",
      description = "La página del editor la envía. Solo la oficina de planeamiento (ogpp) de la entidad, mientras"
          + " el expediente está en formulación o subsanación. Si el contenido no cambió, no crea una versión"
          + " nueva. Responde la versión y los hallazgos de las reglas.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "La estructura en el formato JSON de"
      + " docs/processes/pgo.md (unidades con su tipo, dependencia y funciones)")
  @ApiResponse(responseCode = "200", description = "Guardada: version, cambio, unidades, errores, advertencias y"
      + " hallazgos")
  @ApiResponse(responseCode = "400", description = "El texto no es una estructura en el formato, con el problema",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "403", description = "Escritura con la sesión de Tasklist enviada desde otro sitio",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "404", description = "El expediente no existe o el usuario no puede verlo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "409", description = "El usuario no es la oficina de planeamiento de la entidad, o el"
      + " expediente no está en formulación ni subsanación",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<?> saveStructure(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id, @RequestBody(required = false) String json) {
    PgoStructures.Saved saved = access.edit(user, id, () -> structures.save(id, json, user.id()));
    return ResponseEntity.ok(answer(saved));
  }

  /** What the editor reads of a saved or checked structure. */
  static Map<String, Object> answer(PgoStructures.Saved saved) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("version", saved.version());
    body.put("cambio", saved.changed());
    body.put("unidades", saved.units());
    body.put("errores", saved.errors());
    body.put("advertencias", saved.warnings());
    body.put("hallazgos", PgoDelegates.rows(saved.findings()));
    return body;
  }

  /**
   * Applies the rules to a structure without saving it: the editor page asks as the person edits,
   * to show each finding on its unit. Whoever may see the expediente may ask.
   */
  @PostMapping(value = "/expedientes/{id}/estructura/verificacion",
      consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
  @Operation(summary = "Verificar una estructura sin guardarla",
      description = "Aplica las reglas de estructura (con su fuente legal) a la estructura enviada, sin crear una"
          + " versión: el editor la pide mientras la persona edita. Responde los hallazgos por unidad y si difiere"
          + " de la última versión guardada.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "La estructura en el formato JSON de"
      + " docs/processes/pgo.md")
  @ApiResponse(responseCode = "200", description = "Verificada: version (la última guardada), cambio, unidades,"
      + " errores, advertencias y hallazgos")
  @ApiResponse(responseCode = "400", description = "El texto no es una estructura en el formato, con el problema",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "403", description = "Enviada con la sesión de Tasklist desde otro sitio",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "404", description = "El expediente no existe o el usuario no puede verlo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<?> checkStructure(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id, @RequestBody(required = false) String json) {
    if (visible(user, id) == null) {
      return notFound();
    }
    return ResponseEntity.ok(answer(structures.check(id, json)));
  }

  @GetMapping(value = "/expedientes/{id}/organigrama.svg", produces = "image/svg+xml")
  @Operation(summary = "Organigrama del expediente en SVG",
      description = "El organigrama de una versión de la estructura, como lo muestran los formularios de Tasklist.")
  @ApiResponse(responseCode = "200", description = "El organigrama",
      content = @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "404", description = "El expediente no existe, no tiene esa estructura o el usuario no"
      + " puede verlo", content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<String> organigram(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id, @Parameter(description = "Versión de la estructura (por defecto, la última)")
      @RequestParam(name = "version", required = false) Integer version) {
    PgoMapper.Expediente e = visible(user, id);
    PgoMapper.Structure structure = e == null ? null : structure(id, version);
    if (structure == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND,
          "Organigrama no disponible: el expediente no existe, no tiene estructura o no puede verlo.");
    }
    String title = "Organigrama - " + e.entityName + " - " + e.documentType + " (versión " + structure.version() + ")";
    return ResponseEntity.ok().header("Cache-Control", "no-store")
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .body(OrgChart.svg(OrgStructure.parse(structure.content(), "estructura", "Estructura"), title));
  }

  @GetMapping("/expedientes/{id}/estructura")
  @Operation(summary = "Estructura del expediente en JSON",
      description = "Una versión de la estructura, en el formato de docs/processes/pgo.md.")
  @ApiResponse(responseCode = "200", description = "La estructura")
  @ApiResponse(responseCode = "404", description = "El expediente no existe, no tiene esa estructura o el usuario no puede verlo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<?> structureJson(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id, @Parameter(description = "Versión de la estructura (por defecto, la última)")
      @RequestParam(name = "version", required = false) Integer version) {
    PgoMapper.Structure structure = visible(user, id) == null ? null : structure(id, version);
    if (structure == null) {
      return notFound();
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(structure.content());
  }

  @GetMapping("/entidades/{ruc}/{documentType}/versiones")
  @Operation(summary = "Versiones aprobadas del ROF o MOP de una entidad",
      description = "Cada versión aprobada con su expediente, su estructura, el instrumento de aprobación, la norma y"
          + " sus fechas. El personal de la PCM, los administradores y los usuarios de la entidad.")
  @ApiResponse(responseCode = "200", description = "Las versiones (vacío si no tiene)")
  @ApiResponse(responseCode = "404", description = "Otra entidad que la del usuario",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<?> versions(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "RUC de la entidad") @PathVariable String ruc,
      @Parameter(description = "ROF o MOP") @PathVariable String documentType) {
    if (!mayReadEntity(user, ruc)) {
      return notFound();
    }
    return ResponseEntity.ok(mapper.versions(ruc, documentType.toUpperCase(java.util.Locale.ROOT)));
  }

  @GetMapping("/entidades/{ruc}/{documentType}/comparar")
  @Operation(summary = "Comparar dos versiones aprobadas del ROF o MOP",
      description = "Unidades agregadas, eliminadas y cambiadas de la versión «de» a la versión «a».")
  @ApiResponse(responseCode = "200", description = "Las diferencias",
      content = @Content(schema = @Schema(implementation = StructureDiff.class)))
  @ApiResponse(responseCode = "400", description = "Falta «de» o «a», o no son números",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "404", description = "Otra entidad que la del usuario, o no existe una de las versiones",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<?> compare(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "RUC de la entidad") @PathVariable String ruc,
      @Parameter(description = "ROF o MOP") @PathVariable String documentType,
      @Parameter(description = "Versión de partida") @RequestParam("de") int from,
      @Parameter(description = "Versión de llegada") @RequestParam("a") int to) {
    if (!mayReadEntity(user, ruc)) {
      return notFound();
    }
    List<PgoMapper.RofVersion> versions = mapper.versions(ruc, documentType.toUpperCase(java.util.Locale.ROOT));
    PgoMapper.RofVersion a = versions.stream().filter(v -> v.version() == from).findFirst().orElse(null);
    PgoMapper.RofVersion b = versions.stream().filter(v -> v.version() == to).findFirst().orElse(null);
    if (a == null || b == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND,
          "No existe la versión " + (a == null ? from : to) + " del " + documentType + " de la entidad.");
    }
    return ResponseEntity.ok(StructureDiff.between(
        OrgStructure.parse(mapper.structure(a.structureId()).content(), "de", "Versión"),
        OrgStructure.parse(mapper.structure(b.structureId()).content(), "a", "Versión")));
  }

  private PgoMapper.Structure structure(long id, Integer version) {
    if (version == null) {
      return mapper.latestStructure(id);
    }
    return mapper.structures(id).stream().filter(s -> s.version() == version).findFirst().orElse(null);
  }

  private PgoMapper.Expediente visible(PlatformUser user, long id) {
    return access.visible(user, id);
  }

  private static boolean mayReadEntity(PlatformUser user, String ruc) {
    return user.isAdmin() || user.isPcmSide() || user.tenantIds().contains(ruc);
  }

  /** Thrown, never returned: the return type lets callers write {@code return notFound();}. */
  private static ResponseEntity<Map<String, String>> notFound() {
    throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No encontrado.");
  }
}

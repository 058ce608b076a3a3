package pe.gob.pcm.platform.processmap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.security.ApiAuthentication;
import pe.gob.pcm.platform.security.PlatformUser;
import pe.gob.pcm.platform.security.Role;
import pe.gob.pcm.platform.validation.ApiErrors;
import pe.gob.pcm.platform.validation.FieldChecks;

/**
 * Process maps (docs/processes/mapa-procesos.md): the SGP's templates, a case's map (read, saved by
 * the entity's planning office while formulating or correcting, checked without saving, drawn as
 * SVG, exported as PDF), the round's observations and answers, and each entity's current map with
 * its references to units checked against its current ROF today.
 */
@RestController
@Tag(name = "Mapas de procesos", description = "Mapa de procesos de cada entidad (niveles 0, 1 y 2, con diagramas"
    + " BPMN en el nivel 2), plantillas de la SGP y su evaluación (docs/processes/mapa-procesos.md).")
@SecurityRequirement(name = ApiAuthentication.BASIC)
@SecurityRequirement(name = ApiAuthentication.SESSION)
@ApiResponse(responseCode = "401", description = ApiAuthentication.UNAUTHENTICATED,
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
@ApiResponse(responseCode = "404", description = "El expediente o la entidad no existe o el usuario no puede verlo",
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
public class ProcessMapController {

  private final ProcessMapMapper mapper;
  private final ProcessMaps maps;
  private final ProcessMapRounds rounds;
  private final ProcessMapTemplates templates;
  private final ProcessMapReports reports;
  private final DocumentStore documents;
  private final HostedEntities entities;
  private final TaskService tasks;
  private final RuntimeService runtime;

  public ProcessMapController(ProcessMapMapper mapper, ProcessMaps maps, ProcessMapRounds rounds,
      ProcessMapTemplates templates, ProcessMapReports reports, DocumentStore documents, HostedEntities entities,
      TaskService tasks, RuntimeService runtime) {
    this.mapper = mapper;
    this.maps = maps;
    this.rounds = rounds;
    this.templates = templates;
    this.reports = reports;
    this.documents = documents;
    this.entities = entities;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  @GetMapping("/api/mapas/plantillas")
  @Operation(summary = "Plantillas de mapa de procesos de la SGP",
      description = "Código, nombre, descripción, categorías de entidad a las que se ofrecen y número de procesos.")
  @ApiResponse(responseCode = "200", description = "Las plantillas")
  public List<Map<String, Object>> templates() {
    return templates.all().stream().map(t -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("codigo", t.code());
      m.put("nombre", t.name());
      m.put("descripcion", t.description());
      m.put("categorias", t.categories());
      m.put("procesos", t.map().processes().size());
      return m;
    }).toList();
  }

  @GetMapping(value = "/api/mapas/plantillas/{codigo}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Una plantilla de la SGP en el formato JSON del mapa")
  @ApiResponse(responseCode = "200", description = "El mapa de la plantilla")
  public ProcessMap template(@Parameter(description = "Código de la plantilla (p. ej. MUNICIPAL)") @PathVariable String codigo) {
    return templates.find(codigo).map(ProcessMapTemplates.Template::map).orElseThrow(ProcessMapController::notFound);
  }

  static final int MAX_PAGE_SIZE = 100;
  static final Set<String> STATES = Set.of("EN_FORMULACION", "ENVIADO", "EN_EVALUACION", "OBSERVADO", "FAVORABLE",
      "DESFAVORABLE", "APROBADO", "ARCHIVADO", "CANCELADO");

  @GetMapping("/api/mapas/expedientes")
  @Operation(summary = "Expedientes de mapa de procesos",
      description = "Una página de expedientes, del más reciente al más antiguo, filtrada por estado y entidad. El"
          + " personal de la PCM ve los de todas las entidades; el de una entidad, solo los suyos.")
  @ApiResponse(responseCode = "200", description = "total, pagina, tamano y expedientes")
  @ApiResponse(responseCode = "400", description = "Un filtro o la paginación no es válido, con el campo y su motivo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> list(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Estado (EN_FORMULACION, EN_EVALUACION, OBSERVADO, APROBADO, …)")
      @RequestParam(name = "estado", required = false) String state,
      @Parameter(description = "RUC de la entidad") @RequestParam(name = "entidad", required = false) String ruc,
      @Parameter(description = "Página, desde 0") @RequestParam(name = "pagina", required = false) String page,
      @Parameter(description = "Expedientes por página, 1 a 100 (20 por defecto)")
      @RequestParam(name = "tamano", required = false) String size) {
    FieldChecks checks = new FieldChecks();
    String cleanState = state == null || state.isBlank() ? null : state.strip().toUpperCase(java.util.Locale.ROOT);
    checks.check("estado", "Estado", cleanState == null || STATES.contains(cleanState) ? null : "elija un estado de la lista");
    String cleanRuc = ruc == null || ruc.isBlank() ? null : ruc.strip();
    checks.check("entidad", "Entidad", cleanRuc == null ? null : pe.gob.pcm.platform.validation.Identifiers.rucProblem(cleanRuc));
    Integer pageNumber = checks.wholeNumber("pagina", "Página", page, 0, 1_000_000, 0, "debe ser un número entre 0 y 1000000");
    Integer pageSize = checks.wholeNumber("tamano", "Tamaño de página", size, 1, MAX_PAGE_SIZE, 20,
        "debe ser un número entre 1 y " + MAX_PAGE_SIZE);
    checks.throwIfAny();
    if (!user.isPcmSide() && !user.isAdmin()) {
      String own = user.entityRuc();
      if (own == null || (cleanRuc != null && !cleanRuc.equals(own))) {
        throw notFound();
      }
      cleanRuc = own;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", mapper.count(cleanState, cleanRuc));
    body.put("pagina", pageNumber);
    body.put("tamano", pageSize);
    body.put("expedientes", mapper.page(cleanState, cleanRuc, pageNumber * pageSize, pageSize));
    return body;
  }

  @GetMapping("/api/mapas/expedientes/{id}")
  @Operation(summary = "Un expediente de mapa de procesos",
      description = "Entidad, estado, rondas, observaciones con sus respuestas, la última versión con los hallazgos"
          + " de hoy y lo que el usuario puede hacer ahora (editar, observar la ronda, responder).")
  @ApiResponse(responseCode = "200", description = "El expediente")
  public Map<String, Object> expediente(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id) {
    ProcessMapMapper.Case c = visible(user, id);
    ProcessMaps.Checked latest = maps.read(id, null);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", c.id);
    body.put("entidad", c.entityRuc);
    body.put("entidadNombre", c.entityName);
    body.put("estado", c.state);
    body.put("plantilla", c.template);
    body.put("evaluador", c.evaluator);
    body.put("version", latest == null ? 0 : latest.version());
    body.put("mapa", latest == null ? new ProcessMap(List.of()) : latest.map());
    body.put("hallazgos", latest == null ? List.of() : latest.findings());
    body.put("unidades", units(c.entityRuc));
    body.put("rondas", mapper.rounds(id));
    body.put("observaciones", mapper.observations(id));
    body.put("categorias", rounds.categories());
    body.put("puedeEditar", editable(user, c) != null);
    Task evaluation = evaluation(user, c);
    body.put("puedeObservar", evaluation != null);
    body.put("puedeResponder", correcting(user, c) != null);
    body.put("ronda", runtime.createProcessInstanceQuery().processInstanceId(c.processInstanceId).count() == 0 ? null
        : runtime.getVariable(c.processInstanceId, ProcessMapProcess.ROUND));
    return body;
  }

  @PutMapping(value = "/api/mapas/expedientes/{id}/mapa", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
  @Operation(summary = "Guardar una versión del mapa del expediente",
      description = "Solo la oficina de planeamiento (ogpp) de la entidad, mientras el expediente está en formulación"
          + " o subsanación. Si el contenido no cambió, no crea una versión nueva. Responde la versión y los hallazgos.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "El mapa en el formato JSON de"
      + " docs/processes/mapa-procesos.md")
  @ApiResponse(responseCode = "200", description = "Guardado: version, cambio, procesos, errores, advertencias, hallazgos")
  @ApiResponse(responseCode = "400", description = "El texto no es un mapa en el formato, con el problema",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "409", description = "El usuario no es la OGPP de la entidad o el expediente no está en"
      + " formulación ni subsanación",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> save(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id, @RequestBody(required = false) String json) {
    ProcessMapMapper.Case c = visible(user, id);
    Task task = editable(user, c);
    if (task == null) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, planner(user, c)
          ? "El mapa solo se puede editar mientras el expediente está en formulación o subsanación."
          : "Solo la oficina de planeamiento de la entidad puede editar el mapa.");
    }
    ProcessMaps.Saved saved = maps.save(id, json, user.id());
    runtime.setVariables(c.processInstanceId, ProcessMapCycle.mapVariables(saved));
    return saved.body();
  }

  @PostMapping(value = "/api/mapas/expedientes/{id}/mapa/verificacion",
      consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
  @Operation(summary = "Verificar un mapa sin guardarlo",
      description = "Aplica las reglas del mapa (con la estructura vigente del ROF/MOP de la entidad) sin crear una"
          + " versión: el editor la pide mientras la persona edita.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "El mapa en el formato JSON")
  @ApiResponse(responseCode = "200", description = "Verificado: version (la última guardada), cambio, hallazgos")
  @ApiResponse(responseCode = "400", description = "El texto no es un mapa en el formato, con el problema",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> check(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id, @RequestBody(required = false) String json) {
    visible(user, id);
    return maps.check(id, json).body();
  }

  @GetMapping(value = "/api/mapas/expedientes/{id}/mapa.svg", produces = "image/svg+xml")
  @Operation(summary = "El mapa del expediente dibujado (SVG)", description = "Niveles 0 y 1 por tipo de proceso; en"
      + " rojo los procesos con errores hoy.")
  @ApiResponse(responseCode = "200", description = "El dibujo")
  public ResponseEntity<String> caseSvg(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id,
      @Parameter(description = "Versión (la última si se omite)") @RequestParam(required = false) Integer version) {
    visible(user, id);
    return svg(read(id, version));
  }

  @GetMapping(value = "/api/mapas/expedientes/{id}/mapa.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "El mapa del expediente en PDF")
  @ApiResponse(responseCode = "200", description = "El PDF")
  public ResponseEntity<byte[]> casePdf(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id,
      @Parameter(description = "Versión (la última si se omite)") @RequestParam(required = false) Integer version) {
    ProcessMapMapper.Case c = visible(user, id);
    ProcessMaps.Checked checked = read(id, version);
    return pdf(reports.mapPdf(c.entityName, "Propuesta en expediente " + c.id + " (" + c.state + ")", checked),
        "mapa-procesos-" + c.entityRuc + "-exp" + c.id + "-v" + checked.version() + ".pdf");
  }

  @PutMapping(value = "/api/mapas/expedientes/{id}/rondas/{ronda}/observaciones", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Registrar las observaciones de la ronda (evaluador de la SGP)",
      description = "Reemplaza la lista: cada observación con el proceso de la versión evaluada (o vacío: todo el"
          + " mapa), la categoría y el texto. Solo el evaluador con la tarea «Evaluar» abierta de esa ronda.")
  @ApiResponse(responseCode = "200", description = "Las observaciones guardadas")
  @ApiResponse(responseCode = "400", description = "Una observación no es válida, con su número y campo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "409", description = "No es la ronda en evaluación o el usuario no la evalúa",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public List<ProcessMapMapper.Observation> observe(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id,
      @Parameter(description = "Número de la ronda") @PathVariable int ronda,
      @RequestBody(required = false) ProcessMapRounds.ObservationsInput body) {
    ProcessMapMapper.Case c = visible(user, id);
    Task task = evaluation(user, c);
    if (task == null || ronda != currentRound(c)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          "Solo el evaluador de la SGP con la tarea «Evaluar» abierta puede observar la ronda en curso.");
    }
    return rounds.record(id, ronda, body, user.id());
  }

  @PutMapping(value = "/api/mapas/expedientes/{id}/rondas/{ronda}/respuestas", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Responder las observaciones de la ronda (OGPP de la entidad)",
      description = "Por número de observación: aceptada, modificada o argumentada (con su argumento).")
  @ApiResponse(responseCode = "200", description = "Las observaciones con sus respuestas")
  @ApiResponse(responseCode = "400", description = "Una respuesta no es válida, con su número y campo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "409", description = "El expediente no está en subsanación de esa ronda o el usuario no"
      + " es la OGPP de la entidad",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public List<ProcessMapMapper.Observation> answer(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id,
      @Parameter(description = "Número de la ronda") @PathVariable int ronda,
      @RequestBody(required = false) pe.gob.pcm.platform.pgo.PgoRounds.AnswersInput body) {
    ProcessMapMapper.Case c = visible(user, id);
    if (correcting(user, c) == null || ronda != currentRound(c)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          "Solo la oficina de planeamiento de la entidad, con la tarea «Subsanar» abierta, responde la ronda en curso.");
    }
    List<ProcessMapMapper.Observation> answered = rounds.answer(id, ronda, body, user.id());
    // the open «Subsanar» form shows the answers just saved
    runtime.setVariable(c.processInstanceId, ProcessMapProcess.OBSERVATIONS,
        org.camunda.spin.plugin.variable.SpinValues.jsonValue(org.camunda.spin.Spin.JSON(rounds.rows(answered))).create());
    return answered;
  }

  @GetMapping("/api/entidades/{ruc}/mapa-procesos")
  @Operation(summary = "El mapa de procesos vigente de una entidad",
      description = "Con su norma y los hallazgos de hoy: una unidad responsable que ya no está en el ROF/MOP vigente"
          + " de la entidad queda marcada (regla M6). Lo ven la entidad y la PCM.")
  @ApiResponse(responseCode = "200", description = "El mapa vigente")
  public Map<String, Object> current(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "RUC de la entidad") @PathVariable String ruc) {
    ProcessMapMapper.Current current = currentOf(user, ruc);
    ProcessMaps.Checked checked = maps.read(current.expedienteId(), current.version());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("vigente", current);
    body.put("mapa", checked.map());
    body.put("hallazgos", checked.findings());
    body.put("unidadesInexistentes", checked.findings().stream()
        .filter(f -> "M6".equals(f.rule()) && f.isError() && f.process() != null).map(MapFinding::process).toList());
    return body;
  }

  @GetMapping(value = "/api/entidades/{ruc}/mapa-procesos.svg", produces = "image/svg+xml")
  @Operation(summary = "El mapa de procesos vigente de una entidad, dibujado (SVG)")
  @ApiResponse(responseCode = "200", description = "El dibujo")
  public ResponseEntity<String> currentSvg(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "RUC de la entidad") @PathVariable String ruc) {
    ProcessMapMapper.Current current = currentOf(user, ruc);
    return svg(maps.read(current.expedienteId(), current.version()));
  }

  @GetMapping(value = "/api/entidades/{ruc}/mapa-procesos.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "El mapa de procesos vigente de una entidad en PDF")
  @ApiResponse(responseCode = "200", description = "El PDF")
  public ResponseEntity<byte[]> currentPdf(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "RUC de la entidad") @PathVariable String ruc) {
    ProcessMapMapper.Current current = currentOf(user, ruc);
    ProcessMaps.Checked checked = maps.read(current.expedienteId(), current.version());
    return pdf(reports.mapPdf(checked.expediente().entityName, "Vigente, aprobado por " + current.norm() + " del "
        + current.normDate(), checked), "mapa-procesos-" + ruc + "-vigente.pdf");
  }

  // ---- helpers

  private ProcessMaps.Checked read(long id, Integer version) {
    ProcessMaps.Checked checked = maps.read(id, version);
    if (checked == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, version == null
          ? "El expediente aún no tiene una versión del mapa." : "No existe la versión " + version + " del mapa.");
    }
    return checked;
  }

  private static ResponseEntity<String> svg(ProcessMaps.Checked checked) {
    Set<String> flagged = new HashSet<>();
    checked.findings().stream().filter(f -> f.isError() && f.process() != null).forEach(f -> flagged.add(f.process()));
    return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
        .body(ProcessMapPicture.svg(checked.map(), flagged));
  }

  private static ResponseEntity<byte[]> pdf(byte[] pdf, String fileName) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"").body(pdf);
  }

  private ProcessMapMapper.Current currentOf(PlatformUser user, String ruc) {
    new FieldChecks().check("ruc", "RUC", pe.gob.pcm.platform.validation.Identifiers.rucProblem(ruc)).throwIfAny();
    if (!(user.isAdmin() || user.isPcmSide() || user.tenantIds().contains(ruc))) {
      throw notFound();
    }
    ProcessMapMapper.Current current = mapper.current(ruc);
    if (current == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, entities.isHosted(ruc)
          ? "La entidad aún no tiene un mapa de procesos aprobado." : "La entidad no está registrada en la plataforma.");
    }
    return current;
  }

  private List<Map<String, String>> units(String ruc) {
    Map<String, String> units = maps.units(ruc);
    return units == null ? List.of() : units.entrySet().stream()
        .map(e -> Map.of("codigo", e.getKey(), "nombre", e.getValue() == null ? "" : e.getValue())).toList();
  }

  private ProcessMapMapper.Case visible(PlatformUser user, long id) {
    ProcessMapMapper.Case c = mapper.findCase(id);
    if (c == null || !documents.canSeeProcess(user, c.processInstanceId)) {
      throw notFound();
    }
    return c;
  }

  private static boolean planner(PlatformUser user, ProcessMapMapper.Case c) {
    return user.groupIds().contains(Role.OGPP.groupId()) && user.tenantIds().contains(c.entityRuc);
  }

  private Task editable(PlatformUser user, ProcessMapMapper.Case c) {
    return planner(user, c) ? openTask(c, "Task_Formulate", "Task_Correct") : null;
  }

  private Task correcting(PlatformUser user, ProcessMapMapper.Case c) {
    return planner(user, c) ? openTask(c, "Task_Correct") : null;
  }

  private Task evaluation(PlatformUser user, ProcessMapMapper.Case c) {
    if (!user.groupIds().contains(Role.SGP_EVALUADOR.groupId())) {
      return null;
    }
    Task task = openTask(c, "Task_Evaluate");
    return task != null && (task.getAssignee() == null || task.getAssignee().equals(user.id())) ? task : null;
  }

  private Task openTask(ProcessMapMapper.Case c, String... keys) {
    return tasks.createTaskQuery().processInstanceId(c.processInstanceId).taskDefinitionKeyIn(keys).active()
        .listPage(0, 1).stream().findFirst().orElse(null);
  }

  private int currentRound(ProcessMapMapper.Case c) {
    Object round = runtime.getVariable(c.processInstanceId, ProcessMapProcess.ROUND);
    return round == null ? 0 : ((Number) round).intValue();
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "No encontrado.");
  }
}

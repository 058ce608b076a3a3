package pe.gob.pcm.platform.pgo;

import static pe.gob.pcm.platform.pgo.PgoProcess.*;

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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.security.ApiAuthentication;
import pe.gob.pcm.platform.security.PlatformUser;
import pe.gob.pcm.platform.security.Role;
import pe.gob.pcm.platform.validation.ApiErrors;
import pe.gob.pcm.platform.validation.FieldChecks;

/**
 * The SGP's evaluation rounds for the page «Observaciones y respuestas» (/pgo/ronda.html): the
 * evaluator records the round's observations, the entity answers them, and both read every round
 * with the changes of the structure beside the answers. The supervisor reassigns a case here.
 */
@RestController
@RequestMapping("/api/pgo")
@Tag(name = "ROF/MOP: evaluación", description = "Rondas de evaluación de la SGP: observaciones por unidad, respuestas"
    + " de la entidad, cambios de la estructura entre rondas y asignación del expediente a un evaluador"
    + " (docs/processes/pgo.md).")
@SecurityRequirement(name = ApiAuthentication.BASIC)
@SecurityRequirement(name = ApiAuthentication.SESSION)
@ApiResponse(responseCode = "401", description = ApiAuthentication.UNAUTHENTICATED,
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
public class PgoEvaluationController {

  private final PgoMapper mapper;
  private final PgoRounds rounds;
  private final PgoAssignment assignment;
  private final DocumentStore documents;
  private final TaskService tasks;
  private final RuntimeService runtime;

  public PgoEvaluationController(PgoMapper mapper, PgoRounds rounds, PgoAssignment assignment, DocumentStore documents,
      TaskService tasks, RuntimeService runtime) {
    this.mapper = mapper;
    this.rounds = rounds;
    this.assignment = assignment;
    this.documents = documents;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  @GetMapping("/expedientes/{id}/rondas")
  @Operation(summary = "Rondas de evaluación del expediente",
      description = "Cada ronda con su plazo, evaluador, resultado, observaciones con la respuesta de la entidad y los"
          + " cambios de la estructura entre la versión evaluada y la corregida; además, si el usuario puede registrar"
          + " observaciones o respuestas ahora, las categorías y las unidades de la estructura en evaluación.")
  @ApiResponse(responseCode = "200", description = "Las rondas")
  @ApiResponse(responseCode = "404", description = "El expediente no existe o el usuario no puede verlo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<?> rounds(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id) {
    PgoMapper.Expediente e = visible(user, id);
    if (e == null) {
      return notFound();
    }
    int current = currentRound(e);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("expediente", e.id);
    body.put("entidad", e.entityName);
    body.put("documento", e.documentType);
    body.put("estado", e.state);
    body.put("evaluador", e.evaluator);
    body.put("rondaActual", current);
    body.put("puedeObservar", evaluationTask(e, user) != null);
    body.put("puedeResponder", correctionTask(e, user) != null);
    body.put("categorias", rounds.categories().entrySet().stream()
        .map(c -> Map.of("codigo", c.getKey(), "nombre", c.getValue())).toList());
    body.put("respuestasPosibles", List.of(
        Map.of("codigo", PgoRounds.ACCEPTED, "nombre", PgoRounds.ANSWERS.get(PgoRounds.ACCEPTED)),
        Map.of("codigo", PgoRounds.CHANGED, "nombre", PgoRounds.ANSWERS.get(PgoRounds.CHANGED)),
        Map.of("codigo", PgoRounds.ARGUED, "nombre", PgoRounds.ANSWERS.get(PgoRounds.ARGUED))));
    OrgStructure evaluated = current == 0 ? null : rounds.evaluatedStructure(id, current);
    body.put("unidades", evaluated == null ? List.of() : evaluated.units().stream()
        .map(u -> Map.of("codigo", u.code(), "nombre", u.name() == null ? "" : u.name())).toList());
    body.put("rondas", rounds.rounds(id));
    return ResponseEntity.ok(body);
  }

  @PutMapping(value = "/expedientes/{id}/rondas/{ronda}/observaciones",
      consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
  @Operation(summary = "Registrar las observaciones de la ronda",
      description = "Reemplaza la lista de observaciones de la ronda en evaluación. Solo el evaluador de la SGP que"
          + " tiene la tarea «Evaluar» (o un evaluador, si nadie la tiene), mientras está abierta. Cada observación"
          + " va ligada a una unidad de la estructura evaluada (código) o a todo el documento (sin unidad).")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "{\"observaciones\": [{\"unidad\": \"08\","
      + " \"categoria\": \"FUNCIONES\", \"texto\": \"...\"}]}")
  @ApiResponse(responseCode = "200", description = "Las observaciones guardadas, numeradas")
  @ApiResponse(responseCode = "400", description = "Observaciones rechazadas, cada una con su campo y motivo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "403", description = "Escritura con la sesión de Tasklist enviada desde otro sitio",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "404", description = "El expediente no existe o el usuario no puede verlo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "409", description = "No es la ronda en evaluación o el usuario no es su evaluador",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<?> observe(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id,
      @Parameter(description = "Número de la ronda") @PathVariable("ronda") int round,
      @RequestBody(required = false) String body) {
    PgoMapper.Expediente e = visible(user, id);
    if (e == null) {
      return notFound();
    }
    Task task = evaluationTask(e, user);
    if (task == null || round != currentRound(e)) {
      return conflict("Solo el evaluador asignado puede registrar observaciones, y solo en la ronda en evaluación ("
          + currentRound(e) + ").");
    }
    List<PgoMapper.Observation> saved = rounds.recordObservations(id, round, body, user.id());
    runtime.setVariable(e.processInstanceId, OBSERVATIONS,
        PgoDelegates.json(PgoRounds.observationRows(saved, rounds.categories())));
    runtime.setVariable(e.processInstanceId, OBSERVATION_COUNT, saved.size());
    return ResponseEntity.ok(Map.of("ronda", round, "observaciones", saved));
  }

  @PutMapping(value = "/expedientes/{id}/rondas/{ronda}/respuestas",
      consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
  @Operation(summary = "Responder las observaciones de la ronda",
      description = "La oficina de planeamiento (ogpp) de la entidad, mientras subsana: cada observación aceptada,"
          + " modificada o argumentada (el argumento es obligatorio). Las no enviadas quedan como estaban.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "{\"respuestas\": [{\"numero\": 1,"
      + " \"respuesta\": \"ARGUMENTADA\", \"texto\": \"...\"}]}")
  @ApiResponse(responseCode = "200", description = "Las observaciones de la ronda con sus respuestas")
  @ApiResponse(responseCode = "400", description = "Respuestas rechazadas, cada una con su campo y motivo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "403", description = "Escritura con la sesión de Tasklist enviada desde otro sitio",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "404", description = "El expediente no existe o el usuario no puede verlo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "409", description = "El expediente no está en subsanación de esa ronda o el usuario no"
      + " es la oficina de planeamiento de la entidad",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<?> answer(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id,
      @Parameter(description = "Número de la ronda") @PathVariable("ronda") int round,
      @RequestBody(required = false) String body) {
    PgoMapper.Expediente e = visible(user, id);
    if (e == null) {
      return notFound();
    }
    if (correctionTask(e, user) == null || round != currentRound(e)) {
      return conflict("Solo la oficina de planeamiento de la entidad responde, mientras subsana las observaciones de la"
          + " ronda " + currentRound(e) + ".");
    }
    List<PgoMapper.Observation> saved = rounds.answer(id, round, body, user.id());
    runtime.setVariable(e.processInstanceId, OBSERVATIONS,
        PgoDelegates.json(PgoRounds.observationRows(saved, rounds.categories())));
    return ResponseEntity.ok(Map.of("ronda", round, "observaciones", saved));
  }

  /** The body of a reassignment. */
  public record Reassignment(@Schema(description = "Usuario del evaluador (grupo sgp-evaluador)") String evaluador,
      @Schema(description = "Motivo de la reasignación") String motivo) {}

  @PostMapping("/expedientes/{id}/asignacion")
  @Operation(summary = "Reasignar el expediente a otro evaluador",
      description = "El supervisor de la SGP (sgp-supervisor) cambia el evaluador de un expediente en curso: la tarea"
          + " «Evaluar» abierta pasa al nuevo evaluador y las rondas siguientes también. Queda registrado con su motivo.")
  @ApiResponse(responseCode = "200", description = "Reasignado: el evaluador y el historial de asignaciones")
  @ApiResponse(responseCode = "400", description = "Evaluador que no es de la SGP, el mismo de ahora, o falta el motivo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "403", description = "El usuario no es supervisor de la SGP, o escritura con la sesión"
      + " de Tasklist enviada desde otro sitio", content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "404", description = "El expediente no existe o el usuario no puede verlo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "409", description = "El expediente ya terminó",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<?> reassign(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id, @RequestBody(required = false) Reassignment body) {
    if (!user.groupIds().contains(Role.SGP_SUPERVISOR.groupId())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Solo el supervisor de la SGP reasigna expedientes.");
    }
    PgoMapper.Expediente e = visible(user, id);
    if (e == null) {
      return notFound();
    }
    if (runtime.createProcessInstanceQuery().processInstanceId(e.processInstanceId).count() == 0) {
      return conflict("El expediente ya terminó: no se puede reasignar.");
    }
    if (body == null) {
      new FieldChecks().check("evaluador", "Evaluador", "es obligatorio").throwIfAny();
    }
    String who = assignment.reassign(e, body.evaluador(), body.motivo(), user.id());
    return ResponseEntity.ok(Map.of("evaluador", who, "asignaciones", mapper.assignments(id)));
  }

  @GetMapping("/evaluadores")
  @Operation(summary = "Evaluadores de la SGP",
      description = "Los usuarios del grupo sgp-evaluador, para asignar o reasignar expedientes. Solo el personal de la PCM.")
  @ApiResponse(responseCode = "200", description = "Cada evaluador: label (nombre y usuario) y value (usuario)")
  @ApiResponse(responseCode = "403", description = "El usuario no es del personal de la PCM",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<?> evaluators(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user) {
    if (!user.isPcmSide() && !user.isAdmin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Solo el personal de la PCM.");
    }
    return ResponseEntity.ok(assignment.evaluatorOptions());
  }

  /** The open evaluation task the user may work on: theirs, or nobody's and the user is an evaluator. */
  private Task evaluationTask(PgoMapper.Expediente e, PlatformUser user) {
    if (!user.groupIds().contains(Role.SGP_EVALUADOR.groupId())) {
      return null;
    }
    Task task = tasks.createTaskQuery().processInstanceId(e.processInstanceId).taskDefinitionKey("Task_Evaluate")
        .singleResult();
    return task != null && (task.getAssignee() == null || task.getAssignee().equals(user.id())) ? task : null;
  }

  private Task correctionTask(PgoMapper.Expediente e, PlatformUser user) {
    boolean planner = user.groupIds().contains(Role.OGPP.groupId()) && user.tenantIds().contains(e.entityRuc);
    return planner ? tasks.createTaskQuery().processInstanceId(e.processInstanceId).taskDefinitionKey("Task_Correct")
        .singleResult() : null;
  }

  private int currentRound(PgoMapper.Expediente e) {
    return mapper.evaluations(e.id).stream().mapToInt(PgoMapper.Evaluation::round).max().orElse(0);
  }

  private PgoMapper.Expediente visible(PlatformUser user, long id) {
    PgoMapper.Expediente e = mapper.expediente(id);
    return e != null && documents.canSeeProcess(user, e.processInstanceId) ? e : null;
  }

  /** Thrown, never returned: the return type lets callers write {@code return notFound();}. */
  private static ResponseEntity<Map<String, String>> notFound() {
    throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No encontrado.");
  }

  /** Thrown, never returned, as {@link #notFound()}. */
  private static ResponseEntity<Map<String, String>> conflict(String message) {
    throw new ResponseStatusException(HttpStatus.CONFLICT, message);
  }
}

package pe.gob.pcm.platform.pgo;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pe.gob.pcm.platform.security.PlatformUser;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.security.Role;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

/**
 * The expediente's structure for people and forms: its organigram (SVG, shown in the task
 * forms), each version as JSON, and an entity's approved ROF/MOP versions with their comparison.
 * Who may see an expediente is who may see its process instance in Camunda.
 */
@RestController
@RequestMapping("/api/pgo")
public class PgoController {

  private final PgoMapper mapper;
  private final DocumentStore documents;
  private final PgoStructures structures;
  private final TaskService tasks;
  private final RuntimeService runtime;

  public PgoController(PgoMapper mapper, DocumentStore documents, PgoStructures structures, TaskService tasks,
      RuntimeService runtime) {
    this.runtime = runtime;
    this.mapper = mapper;
    this.documents = documents;
    this.structures = structures;
    this.tasks = tasks;
  }

  /**
   * Saves a new version of the structure (the editor page posts here): only the entity's planning
   * office, only while the expediente is being formulated or corrected. Answers the version and
   * the rules' findings; a text that is not the format is refused (400) naming the problem.
   */
  @PostMapping(value = "/expedientes/{id}/estructura", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
  public ResponseEntity<?> saveStructure(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @PathVariable long id, @RequestBody(required = false) String json) {
    PgoMapper.Expediente e = visible(user, id);
    if (e == null) {
      return notFound();
    }
    boolean planner = user.groupIds().contains(Role.OGPP.groupId()) && user.tenantIds().contains(e.entityRuc);
    boolean editable = tasks.createTaskQuery().processInstanceId(e.processInstanceId)
        .taskDefinitionKeyIn("Task_Formulate", "Task_Correct").count() > 0;
    if (!planner || !editable) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("mensaje", !planner
          ? "Solo la oficina de planeamiento de la entidad puede editar la estructura."
          : "La estructura solo se puede editar mientras el expediente está en formulación o subsanación."));
    }
    PgoStructures.Saved saved = structures.save(id, json, user.id());
    // the open task's form shows the version just saved, its counts and findings
    runtime.setVariables(e.processInstanceId, PgoDelegates.structureVariables(saved));
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("version", saved.version());
    body.put("cambio", saved.changed());
    body.put("unidades", saved.units());
    body.put("errores", saved.errors());
    body.put("advertencias", saved.warnings());
    body.put("hallazgos", PgoDelegates.rows(saved.findings()));
    return ResponseEntity.ok(body);
  }

  @GetMapping(value = "/expedientes/{id}/organigrama.svg", produces = "image/svg+xml")
  public ResponseEntity<String> organigram(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @PathVariable long id, @RequestParam(name = "version", required = false) Integer version) {
    PgoMapper.Expediente e = visible(user, id);
    PgoMapper.Structure structure = e == null ? null : structure(id, version);
    if (structure == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
          .body("Organigrama no disponible: el expediente no existe, no tiene estructura o no puede verlo.");
    }
    String title = "Organigrama - " + e.entityName + " - " + e.documentType + " (versión " + structure.version() + ")";
    return ResponseEntity.ok().header("Cache-Control", "no-store")
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .body(OrgChart.svg(OrgStructure.parse(structure.content(), "estructura", "Estructura"), title));
  }

  @GetMapping("/expedientes/{id}/estructura")
  public ResponseEntity<?> structureJson(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @PathVariable long id, @RequestParam(name = "version", required = false) Integer version) {
    PgoMapper.Structure structure = visible(user, id) == null ? null : structure(id, version);
    if (structure == null) {
      return notFound();
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(structure.content());
  }

  @GetMapping("/entidades/{ruc}/{documentType}/versiones")
  public ResponseEntity<?> versions(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @PathVariable String ruc, @PathVariable String documentType) {
    if (!mayReadEntity(user, ruc)) {
      return notFound();
    }
    return ResponseEntity.ok(mapper.versions(ruc, documentType.toUpperCase(java.util.Locale.ROOT)));
  }

  @GetMapping("/entidades/{ruc}/{documentType}/comparar")
  public ResponseEntity<?> compare(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @PathVariable String ruc, @PathVariable String documentType, @RequestParam("de") int from, @RequestParam("a") int to) {
    if (!mayReadEntity(user, ruc)) {
      return notFound();
    }
    List<PgoMapper.RofVersion> versions = mapper.versions(ruc, documentType.toUpperCase(java.util.Locale.ROOT));
    PgoMapper.RofVersion a = versions.stream().filter(v -> v.version() == from).findFirst().orElse(null);
    PgoMapper.RofVersion b = versions.stream().filter(v -> v.version() == to).findFirst().orElse(null);
    if (a == null || b == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("mensaje",
          "No existe la versión " + (a == null ? from : to) + " del " + documentType + " de la entidad."));
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
    PgoMapper.Expediente e = mapper.expediente(id);
    return e != null && documents.canSeeProcess(user, e.processInstanceId) ? e : null;
  }

  private static boolean mayReadEntity(PlatformUser user, String ruc) {
    return user.isAdmin() || user.isPcmSide() || user.tenantIds().contains(ruc);
  }

  private static ResponseEntity<Map<String, String>> notFound() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("mensaje", "No encontrado."));
  }
}

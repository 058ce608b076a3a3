package pe.gob.pcm.platform.pgo;

import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.security.PlatformUser;
import pe.gob.pcm.platform.security.Role;

/**
 * Who may read and who may edit an expediente's structure, for every way in (the editor's JSON,
 * the XLSX workbook): whoever may see its process instance in Camunda sees it; only the entity's
 * planning office edits it, and only while the expediente is being formulated or corrected.
 */
@Component
public class PgoStructureAccess {

  private final PgoMapper mapper;
  private final DocumentStore documents;
  private final TaskService tasks;
  private final RuntimeService runtime;

  public PgoStructureAccess(PgoMapper mapper, DocumentStore documents, TaskService tasks, RuntimeService runtime) {
    this.mapper = mapper;
    this.documents = documents;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  /** The expediente if the user may see it; null if it does not exist or is not theirs to see. */
  public PgoMapper.Expediente visible(PlatformUser user, long id) {
    PgoMapper.Expediente e = mapper.expediente(id);
    return e != null && documents.canSeeProcess(user, e.processInstanceId) ? e : null;
  }

  /** The expediente the user may see; otherwise 404, the same whether it exists or not. */
  public PgoMapper.Expediente readable(PlatformUser user, long id) {
    PgoMapper.Expediente e = visible(user, id);
    if (e == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No encontrado.");
    }
    return e;
  }

  /**
   * Saves a version with {@code save} if the user may edit the structure now (404 or 409
   * otherwise, before {@code save} runs), and shows it in the open task's form: the version just
   * saved, its counts and findings.
   */
  public PgoStructures.Saved edit(PlatformUser user, long id, Supplier<PgoStructures.Saved> save) {
    PgoMapper.Expediente e = readable(user, id);
    boolean planner = user.groupIds().contains(Role.OGPP.groupId()) && user.tenantIds().contains(e.entityRuc);
    boolean editable = tasks.createTaskQuery().processInstanceId(e.processInstanceId)
        .taskDefinitionKeyIn("Task_Formulate", "Task_Correct").count() > 0;
    if (!planner || !editable) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, !planner
          ? "Solo la oficina de planeamiento de la entidad puede editar la estructura."
          : "La estructura solo se puede editar mientras el expediente está en formulación o subsanación.");
    }
    PgoStructures.Saved saved = save.get();
    runtime.setVariables(e.processInstanceId, PgoDelegates.structureVariables(saved));
    return saved;
  }
}

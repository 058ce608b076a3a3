package pe.gob.pcm.platform.processmap;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static pe.gob.pcm.platform.processmap.ProcessMapProcess.*;
import static pe.gob.pcm.platform.support.TaskDriver.vars;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.pgo.OrgStructure;
import pe.gob.pcm.platform.pgo.OrgUnit;
import pe.gob.pcm.platform.pgo.PgoMapper;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.TaskDriver;

/** Drives a process-map case as the demo users do in Tasklist, and gives an entity a ROF in force. */
@Component
public class ProcessMapFixture {

  public static final String MUNI_OGPP = "muni.ogpp";
  public static final String SGP_EVALUATOR = "sgp.evaluador";
  public static final String SUPERVISOR = "sgp.supervisor";
  /** The units the MUNICIPAL template refers to. */
  public static final List<String> MUNICIPAL_UNITS = List.of("01", "02", "03", "04", "06", "07", "08", "08.1", "08.2",
      "08.3", "10", "11", "12");

  private final Actors actors;
  private final TaskDriver driver;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final PgoMapper pgo;

  public ProcessMapFixture(Actors actors, TaskDriver driver, RuntimeService runtime, ManagementService management,
      HistoryService history, PgoMapper pgo) {
    this.actors = actors;
    this.driver = driver;
    this.runtime = runtime;
    this.management = management;
    this.history = history;
    this.pgo = pgo;
  }

  /** Cancels every running map case (as an administrator would in Cockpit): each test starts its own. */
  public void cancelRunningCases() {
    runtime.createProcessInstanceQuery().processDefinitionKey(KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "prueba"));
  }

  /**
   * Gives the entity a ROF in force with these unit codes, as an approved PGO case leaves it: the
   * previous version is superseded.
   */
  public void rofInForce(String ruc, List<String> codes) {
    List<OrgUnit> units = new ArrayList<>();
    for (String code : codes) {
      String parent = code.contains(".") ? code.substring(0, code.indexOf('.')) : null;
      units.add(new OrgUnit(code, "Unidad " + code, "ORGANO", "LINEA", parent == null ? 1 : 2, parent, List.of("Función")));
    }
    PgoMapper.Expediente e = new PgoMapper.Expediente();
    e.processInstanceId = "prueba-rof-" + System.nanoTime();
    e.entityRuc = ruc;
    e.entityName = "Entidad " + ruc;
    e.entityCategory = 8;
    e.documentType = "ROF";
    e.trigger = "MAS_UNIDADES";
    e.state = "APROBADO";
    e.createdBy = "prueba";
    pgo.insertExpediente(e);
    pgo.insertStructure(e.id, 1, new OrgStructure(units).toJson(), 0, 0, "prueba");
    long structureId = pgo.latestStructure(e.id).id();
    int next = pgo.versions(ruc, "ROF").stream().mapToInt(PgoMapper.RofVersion::version).max().orElse(0) + 1;
    pgo.supersede(ruc, "ROF");
    pgo.insertVersion(ruc, "ROF", next, e.id, structureId, "ORDENANZA_MUNICIPAL", "Ordenanza N.° " + next + "-2026",
        LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6));
  }

  public ProcessInstance start(String template) {
    return actors.as(MUNI_OGPP, () -> runtime.startProcessInstanceByKey(KEY, vars(TEMPLATE, template)));
  }

  public long caseId(ProcessInstance pi) {
    return ((Number) history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(CASE_ID).singleResult().getValue()).longValue();
  }

  public void send(ProcessInstance pi, String activity) {
    driver.complete(MUNI_OGPP, pi, activity, vars(ACTION, SEND));
  }

  public void assign(ProcessInstance pi, String complexity) {
    driver.complete(SUPERVISOR, pi, "Task_Assign", vars(EVALUATOR, SGP_EVALUATOR, COMPLEXITY, complexity));
  }

  public void evaluate(ProcessInstance pi, String result, String grounds) {
    driver.complete(SGP_EVALUATOR, pi, "Task_Evaluate", vars(RESULT, result, GROUNDS, grounds));
  }

  /** Runs the asynchronous informe of the SGP. */
  public void issueReport(ProcessInstance pi) {
    execute(management.createJobQuery().processInstanceId(pi.getId()).activityId("Task_Report").singleResult());
  }

  public void approve(ProcessInstance pi, String norm) {
    driver.complete(MUNI_OGPP, pi, "Task_Approve", vars(NORM_NUMBER, norm, NORM_DATE, LocalDate.now(
        java.time.ZoneId.of("America/Lima")).toString()));
  }

  public void timer(ProcessInstance pi, String activityId) {
    execute(management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult());
  }

  public Map<String, Object> variables(ProcessInstance pi) {
    return runtime.getVariables(pi.getId());
  }
}

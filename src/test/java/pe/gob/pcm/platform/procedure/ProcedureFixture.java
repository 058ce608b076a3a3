package pe.gob.pcm.platform.procedure;

import static pe.gob.pcm.platform.procedure.ProcedureProcess.*;
import static pe.gob.pcm.platform.support.TaskDriver.vars;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.TaskDriver;

/** Drives the SGP's cycle and an entity's adoption as the demo users do in Tasklist. */
@Component
public class ProcedureFixture {

  public static final String EVALUATOR = "sgp.evaluador";
  public static final String SUPERVISOR = "sgp.supervisor";
  public static final String PCM_LEGAL = "pcm.legal";
  public static final String MUNI_OGPP = "muni.ogpp";

  private final Actors actors;
  private final TaskDriver driver;
  private final RuntimeService runtime;
  private final ManagementService management;

  public ProcedureFixture(Actors actors, TaskDriver driver, RuntimeService runtime, ManagementService management) {
    this.actors = actors;
    this.driver = driver;
    this.runtime = runtime;
    this.management = management;
  }

  /** The SGP starts the cycle of a new procedure (null code) or of a new version. */
  public ProcessInstance start(String code) {
    Map<String, Object> start = vars(ENTITY_RUC, Actors.PCM_RUC, CODE, code);
    return actors.as(EVALUATOR, () -> runtime.startProcessInstanceByKey(KEY, start));
  }

  /** A municipal licence: S/ 120.00, 10 working days, two requirements, local level. */
  public static Map<String, Object> licence(String name) {
    return vars(NAME, name, LEGAL_BASIS, "Ley 28976, Ley Marco de Licencia de Funcionamiento",
        REQUIREMENTS, "Solicitud con carácter de declaración jurada\nCopia de la vigencia de poder",
        FEE, 120.0, TERM_DAYS, 10L, SILENCE, "POSITIVO", UNIT_TYPE, "Unidad de licencias",
        LEVEL_NATIONAL, false, LEVEL_REGIONAL, false, LEVEL_LOCAL, true);
  }

  public void formulate(ProcessInstance pi, Map<String, Object> form) {
    driver.complete(EVALUATOR, pi, "Task_Formulate", form);
  }

  public void legal(ProcessInstance pi, String decision, String observation) {
    driver.complete(PCM_LEGAL, pi, "Task_LegalReview", vars(LEGAL_DECISION, decision, LEGAL_OBSERVATION, observation));
  }

  /** Approval with its norm and publication on {@code date}; the adoptions' job is left to the caller. */
  public void approveAndPublish(ProcessInstance pi, LocalDate date) {
    driver.complete(SUPERVISOR, pi, "Task_Approve", vars(NORM_TYPE, "DECRETO_SUPREMO",
        NORM_NUMBER, "Decreto Supremo N.° 045-2026-PCM", NORM_DATE, date.toString()));
    driver.complete(EVALUATOR, pi, "Task_RecordPublication", vars(PUBLICATION_DATE, date.toString()));
  }

  /** Runs the publication's job that starts the entities' adoptions. */
  public void startAdoptions(ProcessInstance pi) {
    Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId("Task_StartAdoptions").singleResult();
    management.executeJob(job.getId());
  }

  /** A new procedure through its whole cycle, published on {@code date}, with the adoptions started; its code. */
  public String publish(String name, LocalDate date) {
    ProcessInstance pi = start(null);
    formulate(pi, licence(name));
    legal(pi, CONFORME, null);
    approveAndPublish(pi, date);
    String code = (String) runtime.getVariable(pi.getId(), CODE);
    startAdoptions(pi);
    return code;
  }

  /** The open adoption of the procedure by the demo municipality. */
  public ProcessInstance adoption(String code) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ADOPTION_KEY)
        .processInstanceBusinessKeyLike("ADECUACION-" + code + "-%-" + Actors.MUNI_RUC).active().singleResult();
  }

  public void adopt(ProcessInstance pi, Object fee, long termDays, String requirements) {
    driver.complete(MUNI_OGPP, pi, "Task_Adopt", vars(ADOPTED_UNIT, "Subgerencia de Licencias y Comercialización",
        ADOPTED_FEE, fee, ADOPTED_TERM_DAYS, termDays, ADOPTED_REQUIREMENTS, requirements));
  }

  public void review(ProcessInstance pi, String decision, String observation) {
    driver.complete(EVALUATOR, pi, "Task_ReviewAdoption", vars(REVIEW_DECISION, decision, REVIEW_OBSERVATION, observation));
  }
}

package pe.gob.pcm.platform.metrics;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * A small process for the metrics and history tests, deployed once into the shared context: one
 * review task offered to the SGP evaluators, with a two-hour deadline whose boundary timer is
 * configured as an SLA event in the test profile (platform.metrics.sla-events).
 */
final class MetricsFixture {

  static final String KEY = "metricas-prueba";
  static final String TASK = "Task_Revisar";
  static final String SLA_TIMER = "Event_PlazoVencido";
  static final String GROUP = "sgp-evaluador";
  static final int TTL_DAYS = 30;
  static final ZoneId LIMA = ZoneId.of("America/Lima");

  private MetricsFixture() {}

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(KEY).name("Proceso de prueba de métricas")
        .camundaHistoryTimeToLive(TTL_DAYS)
        .startEvent("StartEvent_Inicio")
        .userTask(TASK).name("Revisar").camundaCandidateGroups(GROUP)
        .boundaryEvent(SLA_TIMER).name("Plazo vencido").cancelActivity(false).timerWithDuration("PT2H")
        .endEvent("EndEvent_Vencido")
        .moveToActivity(TASK).endEvent("EndEvent_Fin")
        .done();
  }

  static synchronized void deploy(RepositoryService repository) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      repository.createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model()).deploy();
    }
  }

  /** Sets the engine clock to a local time in Lima. */
  static void at(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(LIMA).toInstant()));
  }

  static Map<String, Object> forEntity(String ruc) {
    return Map.of("entityRuc", ruc);
  }
}

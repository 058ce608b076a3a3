package pe.gob.pcm.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pe.gob.pcm.platform.config.HistoryTimeToLive;
import pe.gob.pcm.platform.config.ProcessDeployer;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * History stays bounded: every model has a time-to-live, it can be changed by configuration,
 * and the cleanup job removes what ended longer ago than that, keeping recent and running work.
 */
@PlatformTest
class HistoryCleanupIT {

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  @BeforeEach
  void deploy() {
    MetricsFixture.deploy(repository);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyPlatformModelKeepsItsHistoryForAtLeastAYear() {
    String deployment = repository.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().listPage(0, 1).get(0).getId();
    var processes = repository.createProcessDefinitionQuery().deploymentId(deployment).list();
    var decisions = repository.createDecisionDefinitionQuery().deploymentId(deployment).list();
    assertThat(processes).extracting(ProcessDefinition::getKey)
        .contains("tramite-despacho", "tramite-recepcion", "colabora-usuario-maestro", "mpv-pase-produccion", "pgo-rof-mop");
    assertThat(processes).allSatisfy(p -> assertThat(p.getHistoryTimeToLive()).as(p.getKey()).isBetween(365, 3650));
    assertThat(decisions).isNotEmpty();
    assertThat(decisions).allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isBetween(365, 3650));
  }

  @Test
  void aConfiguredTimeToLiveReplacesTheModels() {
    assertThat(latest().getHistoryTimeToLive()).isEqualTo(MetricsFixture.TTL_DAYS);
    new HistoryTimeToLive(repository, new HistoryTimeToLive.HistoryProperties(Map.of(MetricsFixture.KEY, 45)))
        .run(null);
    assertThat(latest().getHistoryTimeToLive()).isEqualTo(45);
    new HistoryTimeToLive(repository,
        new HistoryTimeToLive.HistoryProperties(Map.of(MetricsFixture.KEY, MetricsFixture.TTL_DAYS))).run(null);
    assertThat(latest().getHistoryTimeToLive()).isEqualTo(MetricsFixture.TTL_DAYS);
  }

  @Test
  void cleanupRemovesWhatEndedBeforeItsTimeToLiveAndKeepsTheRest() {
    LocalDateTime now = LocalDateTime.now(MetricsFixture.LIMA);
    // ended 60 days ago: with 30 days to live, its removal time has passed
    MetricsFixture.at(now.minusDays(61));
    ProcessInstance old = start();
    MetricsFixture.at(now.minusDays(60));
    complete(old);
    // started just as long ago but still running: no removal time at all
    MetricsFixture.at(now.minusDays(61));
    ProcessInstance running = start();
    // ended yesterday: 29 more days to live
    MetricsFixture.at(now.minusDays(2));
    ProcessInstance recent = start();
    MetricsFixture.at(now.minusDays(1));
    complete(recent);
    ClockUtil.reset();

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(old.getId()).singleResult()
        .getRemovalTime()).isBefore(ClockUtil.getCurrentTime());
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(old.getId()).count()).isEqualTo(1);

    Job cleanup = history.cleanUpHistoryAsync(true);
    management.executeJob(cleanup.getId());

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(old.getId()).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(old.getId()).count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(old.getId()).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(old.getId()).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(recent.getId()).count()).isEqualTo(1);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(running.getId()).count()).isEqualTo(1);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(running.getId()).count()).isPositive();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(running.getId()).count()).isEqualTo(1);
    runtime.deleteProcessInstance(running.getId(), "fin de la prueba");
  }

  private ProcessDefinition latest() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(MetricsFixture.KEY).latestVersion()
        .singleResult();
  }

  private ProcessInstance start() {
    return runtime.startProcessInstanceByKey(MetricsFixture.KEY, Map.of("motivo", "prueba de depuración"));
  }

  private void complete(ProcessInstance pi) {
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId());
  }
}

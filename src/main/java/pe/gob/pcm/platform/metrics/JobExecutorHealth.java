package pe.gob.pcm.platform.metrics;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the job executor (timers, asynchronous steps, cargo sends): UP while it acquires
 * jobs, DOWN when it should but does not, UNKNOWN when switched off by configuration (a node
 * that only serves users). Details: jobs due now and jobs failed with no retries left (each one
 * an incident). Replaces the starter's indicator of the same name, which has no job figures.
 */
@Component("jobExecutorHealthIndicator")
public class JobExecutorHealth implements HealthIndicator {

  private final ProcessEngine engine;
  private final boolean enabled;

  public JobExecutorHealth(ProcessEngine engine,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
    this.engine = engine;
    this.enabled = enabled;
  }

  @Override
  public Health health() {
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getJobExecutor();
    ManagementService management = engine.getManagementService();
    boolean active = executor != null && executor.isActive();
    Health.Builder health = !enabled ? Health.unknown() : active ? Health.up() : Health.down();
    health.withDetail("activo", active)
        .withDetail("habilitado", enabled)
        .withDetail("trabajosVencidos", management.createJobQuery().executable().count())
        .withDetail("trabajosFallidos", management.createJobQuery().noRetriesLeft().count());
    if (executor != null) {
      health.withDetail("lockOwner", executor.getLockOwner())
          .withDetail("lockTimeInMillis", executor.getLockTimeInMillis())
          .withDetail("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition());
    }
    return health.build();
  }
}

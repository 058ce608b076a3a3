package pe.gob.pcm.platform.config;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A graceful stop (SIGTERM, a rolling restart of one cluster node) first stops this node's job
 * acquisition and lets the jobs it is running finish, before the web server, the engine and the
 * connection pool go. Otherwise Spring interrupts them halfway: a cargo already delivered through
 * the PIDE is rolled back, stays locked until the lock time runs out, and is sent again by
 * another node. Jobs this node acquired but had not started stay locked until
 * {@code camunda.bpm.job-execution.lock-time-in-millis} and are then run by the other nodes.
 */
@Component
public class JobExecutorShutdown implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(JobExecutorShutdown.class);

  private final ObjectProvider<JobExecutor> jobExecutor;
  private final ObjectProvider<TaskExecutor> threads;
  private final Duration timeout;
  private volatile boolean running;

  public JobExecutorShutdown(ObjectProvider<JobExecutor> jobExecutor,
      @Qualifier("camundaTaskExecutor") ObjectProvider<TaskExecutor> threads,
      @Value("${platform.job-execution.shutdown-timeout:30s}") Duration timeout) {
    this.jobExecutor = jobExecutor;
    this.threads = threads;
    this.timeout = timeout;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    JobExecutor executor = jobExecutor.getIfAvailable();
    if (executor == null || !executor.isActive()) {
      return;
    }
    executor.shutdown();
    if (!(threads.getIfAvailable() instanceof ThreadPoolTaskExecutor pool)) {
      return;
    }
    Instant deadline = Instant.now().plus(timeout);
    while (pool.getActiveCount() > 0 && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    LOG.info("Ejecutor de trabajos detenido; trabajos aún en curso: {}", pool.getActiveCount());
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before everything else (web server, engine, pool). */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}

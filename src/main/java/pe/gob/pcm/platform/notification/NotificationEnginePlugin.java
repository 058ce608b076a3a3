package pe.gob.pcm.platform.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;

/**
 * Hooks the mail notifications into the engine: the job handler of the mail jobs and their
 * retry cycle, always (so jobs left from when notifications were on still run, and are dropped);
 * the listener on every user task only when notifications are on.
 */
final class NotificationEnginePlugin extends AbstractProcessEnginePlugin {

  private final boolean active;
  private final MailJobs jobs;
  private final MailJobHandler handler;

  NotificationEnginePlugin(boolean active, MailJobs jobs, MailJobHandler handler) {
    this.active = active;
    this.jobs = jobs;
    this.handler = handler;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = configuration.getCustomJobHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomJobHandlers());
    handlers.add(handler);
    configuration.setCustomJobHandlers(handlers);
    if (active) {
      List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
          ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
      listeners.add(new TaskMailListener.OnEveryUserTask(new TaskMailListener(jobs)));
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory(jobs.retryingMailJobs(configuration.getFailedJobCommandFactory()));
  }

  @Override
  public String toString() {
    return "NotificationEnginePlugin";
  }
}

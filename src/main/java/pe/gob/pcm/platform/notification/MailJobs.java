package pe.gob.pcm.platform.notification;

import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ParseUtil;

/**
 * Mail jobs: one Camunda job per message (or per task, until its recipients are known), run by
 * the job executor after the transaction that created it commits, so a rolled-back task sends
 * nothing and a slow or absent SMTP server never delays nor fails the work that asked for the
 * message. A failed job is retried on {@code platform.notifications.retry-cycle}; spent, it is an
 * incident (on the task's process instance for task mails), and Cockpit's "Retry" sends it again.
 */
final class MailJobs {

  private final FailedJobRetryConfiguration retry;

  MailJobs(String retryCycle) {
    this.retry = ParseUtil.parseRetryIntervals(retryCycle);
    if (retry == null || retry.getRetries() < 1 || retry.getRetryIntervals() == null
        || retry.getRetryIntervals().isEmpty()) {
      throw new IllegalArgumentException("platform.notifications.retry-cycle no es un ciclo ISO 8601 válido"
          + " (p. ej. R3/PT5M): " + retryCycle);
    }
  }

  int attempts() {
    return retry.getRetries();
  }

  /**
   * A job attached to the execution of a task: it shows on that process instance in Cockpit and
   * disappears with the execution (a task completed before its mail went out needs none).
   */
  void scheduleFor(CommandContext context, MailJob job, ExecutionEntity execution, String activityId) {
    MessageEntity message = newMessage(job);
    if (execution != null) {
      message.setExecution(execution);
      describe(message, execution);
      message.setActivityId(activityId);
    }
    context.getJobManager().send(message);
  }

  /**
   * A job that outlives the process (a rejection mail is asked for as the process ends): it
   * names the process definition, when there is one, so its incident counts in Cockpit under
   * that process, but it belongs to no execution.
   */
  void scheduleDetached(CommandContext context, MailJob job, ExecutionEntity origin) {
    MessageEntity message = newMessage(job);
    if (origin != null) {
      describe(message, origin);
    }
    context.getJobManager().send(message);
  }

  private MessageEntity newMessage(MailJob job) {
    MessageEntity message = new MessageEntity();
    message.setJobHandlerType(MailJobHandler.TYPE);
    message.setJobHandlerConfiguration(job);
    message.setRetries(retry.getRetries());
    // a mail never waits for, nor holds up, the process's own jobs
    message.setExclusive(false);
    return message;
  }

  private static void describe(MessageEntity message, ExecutionEntity execution) {
    ProcessDefinitionImpl definition = execution.getProcessDefinition();
    message.setProcessDefinitionId(execution.getProcessDefinitionId());
    if (definition instanceof ProcessDefinitionEntity entity) {
      message.setProcessDefinitionKey(entity.getKey());
      message.setDeploymentId(entity.getDeploymentId());
    }
    message.setTenantId(execution.getTenantId());
  }

  /**
   * The engine retries a job of its own kinds on the retry cycle of its BPMN element; a custom
   * job has no element, and the engine would retry it at once, three times in a few seconds.
   * This factory gives the mail jobs their own cycle and leaves every other job to the engine.
   */
  FailedJobCommandFactory retryingMailJobs(FailedJobCommandFactory engineDefault) {
    return (jobId, exception) -> context -> {
      JobEntity job = context.getJobManager().findJobById(jobId);
      Command<Object> command = job != null && MailJobHandler.TYPE.equals(job.getJobHandlerType())
          ? new MailJobRetry(jobId, exception) : engineDefault.getCommand(jobId, exception);
      return command.execute(context);
    };
  }

  private final class MailJobRetry extends JobRetryCmd {

    MailJobRetry(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext context) {
      JobEntity job = getJob();
      logException(job);
      List<String> intervals = retry.getRetryIntervals();
      // the engine's choice of interval for a list "PT1M,PT5M,…": the first after the first failure
      int index = Math.max(0, Math.min(intervals.size() - 1, intervals.size() - (job.getRetries() - 1)));
      try {
        job.setDuedate(new DurationHelper(intervals.get(index)).getDateAfter());
      } catch (Exception unreadable) {
        throw new IllegalStateException("Intervalo de reintento ilegible: " + intervals.get(index), unreadable);
      }
      job.unlock();
      decrementRetries(job);
      notifyAcquisition(context);
      return null;
    }
  }
}

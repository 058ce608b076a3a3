package pe.gob.pcm.platform.notification;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The messages a feature sends to one person (task mails and the daily digest need no call: they
 * follow from the tasks). Each call only creates a mail job: called inside a process transaction
 * (a delegate, a listener) or inside a Spring transaction, the job exists only if that
 * transaction commits, and the message goes out afterwards, retried if the SMTP server fails
 * (docs/notificaciones.md). With notifications off, calls do nothing.
 */
public class Notifications {

  private final boolean active;
  private final ObjectProvider<ProcessEngineConfigurationImpl> engine;
  private final MailJobs jobs;
  private final TasklistLinks links;

  Notifications(boolean active, ObjectProvider<ProcessEngineConfigurationImpl> engine, MailJobs jobs,
      TasklistLinks links) {
    this.active = active;
    this.engine = engine;
    this.jobs = jobs;
    this.links = links;
  }

  /** Whether messages are sent at all (an SMTP server is configured and notifications are on). */
  public boolean active() {
    return active;
  }

  /**
   * Tells {@code userId} that their request in {@code procedureName} was observed, with the
   * reason; {@code taskLink} (may be null) is where they correct it, e.g. {@link #taskLink}.
   */
  public void requestObserved(String userId, String procedureName, String reason, String taskLink) {
    request(MailJobHandler.RequestPayload.OBSERVED, userId, procedureName, reason, taskLink);
  }

  /** Tells {@code userId} that their request in {@code procedureName} was rejected, and why. */
  public void requestRejected(String userId, String procedureName, String reason, String taskLink) {
    request(MailJobHandler.RequestPayload.REJECTED, userId, procedureName, reason, taskLink);
  }

  /** The task opened in Tasklist, at the platform's public address. */
  public String taskLink(String taskId) {
    return links.task(taskId);
  }

  private void request(String kind, String userId, String procedureName, String reason, String taskLink) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("Falta el usuario a quien avisar");
    }
    if (!active) {
      return;
    }
    byte[] payload = new MailJobHandler.RequestPayload(kind, userId, procedureName, reason, taskLink).toBytes();
    CommandContext current = Context.getCommandContext();
    if (current != null) {
      schedule(current, payload);
    } else {
      // joins the caller's Spring transaction, if there is one
      engine.getObject().getCommandExecutorTxRequired().execute(context -> {
        schedule(context, payload);
        return null;
      });
    }
  }

  private void schedule(CommandContext context, byte[] payload) {
    ByteArrayEntity bytes = new ByteArrayEntity("platform-mail-request", payload, ResourceTypes.RUNTIME);
    context.getByteArrayManager().insertByteArray(bytes);
    BpmnExecutionContext execution = Context.getBpmnExecutionContext();
    ExecutionEntity origin = execution == null ? null : execution.getExecution();
    // not attached to the execution: a rejection often ends the process, and the job with it
    jobs.scheduleDetached(context, MailJob.request(bytes.getId()), origin);
  }
}

package pe.gob.pcm.platform.notification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * On every user task of every model (added when the model is parsed, after the model's own
 * listeners, so an assignee or deadline they set is there): when the task is created for a
 * person (other than the one whose action created it) or offered to candidates, and when someone
 * else assigns it to a person later (not when they claim it themselves), a mail job is created
 * in the same transaction. Nothing is sent
 * here: the job runs after the commit.
 */
final class TaskMailListener implements TaskListener {

  private final MailJobs jobs;

  TaskMailListener(MailJobs jobs) {
    this.jobs = jobs;
  }

  /** Adds the listener to each user task as its model is parsed. */
  static final class OnEveryUserTask extends AbstractBpmnParseListener {

    private final TaskMailListener listener;

    OnEveryUserTask(TaskMailListener listener) {
      this.listener = listener;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        userTask.getTaskDefinition().addTaskListener(EVENTNAME_CREATE, listener);
        userTask.getTaskDefinition().addTaskListener(EVENTNAME_ASSIGNMENT, listener);
      }
    }
  }

  @Override
  public void notify(DelegateTask delegateTask) {
    TaskEntity task = (TaskEntity) delegateTask;
    CommandContext context = Context.getCommandContext();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      String assignee = task.getAssignee();
      if (assignee != null && assignee.equals(context.getAuthenticatedUserId())) {
        return; // a task for the person working right now (e.g. ${initiator}): they see it already
      }
      if (assignee != null || !task.getCandidates().isEmpty()) {
        jobs.scheduleFor(context, MailJob.task(task.getId()), task.getExecution(), task.getTaskDefinitionKey());
      }
    } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      String assignee = task.getAssignee();
      if (assignee == null
          || context.getDbEntityManager().getDbEntityCache().isTransient(task) // the create mail tells them
          || assignee.equals(context.getAuthenticatedUserId())) { // they claimed it themselves
        return;
      }
      jobs.scheduleFor(context, MailJob.taskFor(task.getId(), assignee), task.getExecution(),
          task.getTaskDefinitionKey());
    }
  }
}

package pe.gob.pcm.platform.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.gob.pcm.platform.calendar.PeruTime;

/**
 * Runs the mail jobs ({@link MailJob}) on the job executor, after the transaction that asked
 * for them committed. What a message says is read when it is sent: a task completed meanwhile
 * is not announced, a deadline moved meanwhile is the one written. An SMTP failure throws, so
 * the job is retried ({@link MailJobs}) and, retries spent, becomes an incident.
 */
final class MailJobHandler implements JobHandler<MailJob> {

  static final String TYPE = "platform-mail";

  private static final Logger LOG = LoggerFactory.getLogger(MailJobHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** A request's message, kept as the job's payload (a Camunda byte array) until sent. */
  record RequestPayload(String kind, String userId, String procedure, String reason, String link) {

    static final String OBSERVED = "solicitud-observada";
    static final String REJECTED = "solicitud-rechazada";

    byte[] toBytes() {
      try {
        return JSON.writeValueAsBytes(this);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static RequestPayload of(byte[] bytes) {
      try {
        return JSON.readValue(bytes, RequestPayload.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final Mailer mailer;
  private final MailTemplates templates;
  private final TasklistLinks links;
  private final MailJobs jobs;
  private final int digestMaxTasks;

  MailJobHandler(Mailer mailer, MailTemplates templates, TasklistLinks links, MailJobs jobs, int digestMaxTasks) {
    this.mailer = mailer;
    this.templates = templates;
    this.links = links;
    this.jobs = jobs;
    this.digestMaxTasks = digestMaxTasks;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public MailJob newConfiguration(String canonicalString) {
    return MailJob.parse(canonicalString);
  }

  @Override
  public void execute(MailJob job, ExecutionEntity execution, CommandContext context, String tenantId) {
    if (!mailer.active()) {
      // jobs left from when notifications were on: dropped, not failed into incidents
      LOG.info("Notificaciones por correo apagadas: no se envía {}", job.toCanonicalString());
      return;
    }
    switch (job.kind()) {
      case TASK -> task(job, context);
      case DIGEST -> digest(job, context);
      case REQUEST -> request(job, context);
    }
  }

  @Override
  public void onDelete(MailJob job, JobEntity jobEntity) {
    if (job.kind() == MailJob.Kind.REQUEST) {
      org.camunda.bpm.engine.impl.context.Context.getCommandContext().getByteArrayManager()
          .deleteByteArrayById(job.id());
    }
  }

  private void task(MailJob job, CommandContext context) {
    TaskEntity task = context.getTaskManager().findTaskById(job.id());
    if (task == null) {
      LOG.debug("La tarea {} ya no está abierta: no se avisa", job.id());
      return;
    }
    ProcessEngineConfigurationImpl engine = context.getProcessEngineConfiguration();
    Recipients recipients = new Recipients(engine.getIdentityService());
    if (job.userId() != null) {
      if (task.getAssignee() != null && !task.getAssignee().equals(job.userId())) {
        LOG.debug("La tarea {} ya la tiene otra persona: no se avisa a {}", task.getId(), job.userId());
        return;
      }
      recipients.user(job.userId()).ifPresent(to -> sendTask(task, to, engine));
      return;
    }
    List<Recipient> to = recipients.of(task, task.getIdentityLinks());
    if (to.size() == 1) {
      sendTask(task, to.get(0), engine);
    } else {
      // one job per person: one unreachable address is retried alone, the others are not resent
      for (Recipient each : to) {
        jobs.scheduleFor(context, MailJob.taskFor(task.getId(), each.userId()), task.getExecution(),
            task.getTaskDefinitionKey());
      }
    }
  }

  private void sendTask(TaskEntity task, Recipient to, ProcessEngineConfigurationImpl engine) {
    Map<String, String> values = new HashMap<>();
    values.put("recipientName", to.name());
    values.put("taskName", taskName(task));
    values.put("procedure", procedure(engine, task.getProcessDefinitionId()));
    values.put("entity", entity(engine.getIdentityService(), task.getTenantId(), new HashMap<>()));
    values.put("deadline", dateTime(task.getDueDate()));
    values.put("link", links.task(task.getId()));
    values.put("assigned", task.getAssignee() != null ? "sí" : "");
    values.put("offered", task.getAssignee() == null ? "sí" : "");
    mailer.send(to, templates.render("tarea-nueva", values));
    LOG.info("Aviso de la tarea {} enviado a {}", task.getId(), to.userId());
  }

  private void digest(MailJob job, CommandContext context) {
    ProcessEngineConfigurationImpl engine = context.getProcessEngineConfiguration();
    IdentityService identity = engine.getIdentityService();
    Optional<Recipient> to = new Recipients(identity).user(job.id());
    if (to.isEmpty()) {
      return;
    }
    Date now = ClockUtil.getCurrentTime();
    OverdueTasks.Overdue overdue = new OverdueTasks(engine.getTaskService(), identity)
        .of(job.id(), now, digestMaxTasks);
    if (overdue.total() == 0) {
      return;
    }
    Map<String, String> entities = new HashMap<>();
    Map<String, String> procedures = new HashMap<>();
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder();
    for (Task task : overdue.first()) {
      Map<String, String> item = new HashMap<>();
      item.put("taskName", taskName(task));
      item.put("procedure", procedures.computeIfAbsent(String.valueOf(task.getProcessDefinitionId()),
          id -> procedure(engine, task.getProcessDefinitionId())));
      item.put("entity", entity(identity, task.getTenantId(), entities));
      item.put("deadline", dateTime(task.getDueDate()));
      item.put("link", links.task(task.getId()));
      text.append(templates.piece("resumen-vencidas-item.txt", item));
      html.append(templates.piece("resumen-vencidas-item.html", item));
    }
    long more = overdue.total() - overdue.first().size();
    Map<String, String> values = new HashMap<>();
    values.put("recipientName", to.get().name());
    values.put("date", DATE.format(job.day()));
    values.put("total", String.valueOf(overdue.total()));
    values.put("more", more > 0 ? String.valueOf(more) : "");
    values.put("tasklist", links.tasklist());
    MailTemplates.Message plain = templates.render("resumen-vencidas", withItems(values, text.toString()));
    MailTemplates.Message rich = templates.render("resumen-vencidas", withItems(values, html.toString()));
    mailer.send(to.get(), new MailTemplates.Message(plain.subject(), plain.text(), rich.html()));
    LOG.info("Resumen de {} tareas vencidas enviado a {}", overdue.total(), job.id());
  }

  private static Map<String, String> withItems(Map<String, String> values, String items) {
    Map<String, String> all = new HashMap<>(values);
    all.put("items", items);
    return all;
  }

  private void request(MailJob job, CommandContext context) {
    ByteArrayEntity payload = context.getDbEntityManager().selectById(ByteArrayEntity.class, job.id());
    if (payload == null) {
      LOG.warn("Aviso de solicitud sin contenido ({}): no se envía", job.id());
      return;
    }
    RequestPayload request = RequestPayload.of(payload.getBytes());
    Optional<Recipient> to = new Recipients(context.getProcessEngineConfiguration().getIdentityService())
        .user(request.userId());
    if (to.isEmpty()) {
      LOG.info("El usuario {} no tiene correo: no se le avisa de su solicitud", request.userId());
      return;
    }
    Map<String, String> values = new HashMap<>();
    values.put("recipientName", to.get().name());
    values.put("procedure", request.procedure());
    values.put("reason", request.reason());
    values.put("link", request.link());
    mailer.send(to.get(), templates.render(request.kind(), values));
    LOG.info("Aviso «{}» enviado a {}", request.kind(), request.userId());
  }

  private static String taskName(Task task) {
    return task.getName() != null ? task.getName() : task.getTaskDefinitionKey();
  }

  private static String procedure(ProcessEngineConfigurationImpl engine, String processDefinitionId) {
    if (processDefinitionId == null) {
      return "—";
    }
    ProcessDefinitionEntity definition = engine.getDeploymentCache()
        .findDeployedProcessDefinitionById(processDefinitionId);
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }

  private static String entity(IdentityService identity, String tenantId, Map<String, String> known) {
    if (tenantId == null) {
      return "";
    }
    return known.computeIfAbsent(tenantId, id -> {
      Tenant tenant = identity.createTenantQuery().tenantId(id).singleResult();
      return tenant != null && tenant.getName() != null ? tenant.getName() : id;
    });
  }

  static String dateTime(Date date) {
    return date == null ? "" : DATE_TIME.format(date.toInstant().atZone(PeruTime.ZONE));
  }
}

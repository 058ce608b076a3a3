package pe.gob.pcm.platform.notification;

import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.OptionalInt;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import pe.gob.pcm.platform.calendar.PeruTime;

/**
 * The daily digest of overdue tasks: at {@code platform.notifications.digest.cron} (07:00 in
 * Lima by default) one node of the cluster claims the day, then reads the users a page at a time
 * and, for each one with an e-mail address and at least one overdue task, creates a digest job.
 * Neither users nor tasks are ever all in memory: one page of users, then each job reads its
 * person's first {@code max-tasks} tasks and their count. Each job is retried on its own.
 */
class DailyDigest {

  /** Engine property (ACT_GE_PROPERTY) naming the node that sent a day's digest. */
  static final String CLAIM_PREFIX = "platform.mail-digest.";
  private static final int KEEP_CLAIMS_DAYS = 40;
  private static final Logger LOG = LoggerFactory.getLogger(DailyDigest.class);

  private final IdentityService identity;
  private final ManagementService management;
  private final CommandExecutor commands;
  private final OverdueTasks overdue;
  private final MailJobs jobs;
  private final ZoneId zone;
  private final int pageSize;

  DailyDigest(ProcessEngineConfigurationImpl engine, MailJobs jobs, ZoneId zone, int pageSize) {
    this.identity = engine.getIdentityService();
    this.management = engine.getManagementService();
    this.commands = engine.getCommandExecutorTxRequired();
    this.overdue = new OverdueTasks(engine.getTaskService(), identity);
    this.jobs = jobs;
    this.zone = zone;
    this.pageSize = pageSize;
  }

  @Scheduled(cron = "${platform.notifications.digest.cron:0 0 7 * * *}",
      zone = "${platform.calendar.zone:" + PeruTime.ZONE_ID + "}")
  void daily() {
    send(LocalDate.now(zone));
  }

  /**
   * Creates the day's digest jobs; empty if another node (or an earlier call) already did.
   *
   * @return how many people get a digest
   */
  OptionalInt send(LocalDate day) {
    if (!claim(day)) {
      LOG.info("El resumen de tareas vencidas del {} ya lo envía otro nodo", day);
      return OptionalInt.empty();
    }
    Date now = ClockUtil.getCurrentTime();
    int people = 0;
    for (int first = 0; ; first += pageSize) {
      List<User> page = identity.createUserQuery().orderByUserId().asc().listPage(first, pageSize);
      List<String> due = page.stream().filter(Recipient::reachable).map(User::getId)
          .filter(userId -> overdue.count(userId, now) > 0).toList();
      if (!due.isEmpty()) {
        commands.execute(context -> {
          due.forEach(userId -> jobs.scheduleDetached(context, MailJob.digest(userId, day), null));
          return null;
        });
        people += due.size();
      }
      if (page.size() < pageSize) {
        break;
      }
    }
    LOG.info("Resumen de tareas vencidas del {}: {} personas", day, people);
    return OptionalInt.of(people);
  }

  /** The first node to insert the day's property sends the digest; the others' insert fails. */
  private boolean claim(LocalDate day) {
    String name = CLAIM_PREFIX + day;
    forgetOldClaims(day);
    try {
      return commands.execute(context -> {
        if (context.getPropertyManager().findPropertyById(name) != null) {
          return false;
        }
        context.getDbEntityManager().insert(new PropertyEntity(name, node() + " " + Instant.now()));
        return true;
      });
    } catch (RuntimeException lost) {
      if (management.getProperties().containsKey(name)) {
        return false;
      }
      throw lost;
    }
  }

  private void forgetOldClaims(LocalDate day) {
    LocalDate oldest = day.minusDays(KEEP_CLAIMS_DAYS);
    management.getProperties().keySet().stream()
        .filter(name -> name.startsWith(CLAIM_PREFIX))
        .filter(name -> {
          try {
            return LocalDate.parse(name.substring(CLAIM_PREFIX.length())).isBefore(oldest);
          } catch (java.time.format.DateTimeParseException foreign) {
            return false;
          }
        })
        .forEach(management::deleteProperty);
  }

  private static String node() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException unknown) {
      return "nodo";
    }
  }
}

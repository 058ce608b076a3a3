package pe.gob.pcm.platform.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.notifications.*} (docs/configuration.md, docs/notificaciones.md).
 *
 * @param enabled on or off; unset (the default) = on exactly when {@code spring.mail.host} is set
 * @param retryCycle retries of a message that could not be sent, ISO 8601 ({@code R3/PT5M} = three
 *     attempts, five minutes apart); spent, the message is an incident in Cockpit
 * @param digest the daily digest of overdue tasks
 */
@ConfigurationProperties(prefix = "platform.notifications")
public record NotificationProperties(
    Boolean enabled,
    @DefaultValue("R3/PT5M") String retryCycle,
    @DefaultValue Digest digest) {

  /**
   * @param cron when the digest is sent (Spring cron, seconds first; {@code -} = never), in the
   *     zone of {@code platform.calendar.zone}
   * @param maxTasks tasks listed in one person's digest (the count covers them all)
   * @param pageSize people read per query while looking for those who have overdue tasks
   */
  public record Digest(
      @DefaultValue("0 0 7 * * *") String cron,
      @DefaultValue("50") int maxTasks,
      @DefaultValue("200") int pageSize) {}
}

package pe.gob.pcm.platform.notification;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Whether e-mail notifications are on: {@code platform.notifications.enabled} when given,
 * otherwise exactly when an SMTP server is configured ({@code spring.mail.host}). Off in the demo
 * and the tests unless a local SMTP is set up.
 */
public final class NotificationActivation extends SpringBootCondition {

  static final String ENABLED = "platform.notifications.enabled";
  static final String MAIL_HOST = "spring.mail.host";

  /**
   * @throws IllegalStateException when notifications are switched on without an SMTP server, a
   *     setting that would otherwise fail every message at run time
   */
  public static boolean active(PropertyResolver properties) {
    Boolean enabled = properties.getProperty(ENABLED, Boolean.class);
    boolean hasHost = StringUtils.hasText(properties.getProperty(MAIL_HOST));
    if (enabled == null) {
      return hasHost;
    }
    if (enabled && !hasHost) {
      throw new IllegalStateException(ENABLED + "=true exige un servidor de correo: falta "
          + MAIL_HOST + " (docs/notificaciones.md)");
    }
    return enabled;
  }

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return active(context.getEnvironment())
        ? ConditionOutcome.match("notificaciones por correo activas")
        : ConditionOutcome.noMatch("notificaciones por correo apagadas (sin " + MAIL_HOST + " o " + ENABLED + "=false)");
  }
}

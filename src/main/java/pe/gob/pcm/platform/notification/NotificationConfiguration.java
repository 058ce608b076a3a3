package pe.gob.pcm.platform.notification;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import pe.gob.pcm.platform.calendar.CalendarProperties;

/**
 * E-mail notifications (docs/notificaciones.md): the engine plugin and the public
 * {@link Notifications} always exist; they send only when {@link NotificationActivation} says so,
 * and the daily digest is scheduled only then.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationConfiguration {

  @Bean
  MailJobs mailJobs(NotificationProperties properties) {
    return new MailJobs(properties.retryCycle());
  }

  @Bean
  TasklistLinks tasklistLinks(@Value("${platform.public-url:}") String publicUrl) {
    return new TasklistLinks(publicUrl);
  }

  @Bean
  MailTemplates mailTemplates() {
    return new MailTemplates();
  }

  @Bean
  Mailer mailer(Environment environment, ObjectProvider<JavaMailSender> sender,
      @Value("${platform.mail.from:no-responder@plataforma.gob.pe}") String from) {
    return new Mailer(NotificationActivation.active(environment), sender, from);
  }

  /** Built before the engine, so it depends on nothing the engine makes. */
  @Bean
  NotificationEnginePlugin notificationEnginePlugin(Mailer mailer, MailTemplates templates, TasklistLinks links,
      MailJobs jobs, NotificationProperties properties) {
    MailJobHandler handler = new MailJobHandler(mailer, templates, links, jobs, properties.digest().maxTasks());
    return new NotificationEnginePlugin(mailer.active(), jobs, handler);
  }

  @Bean
  Notifications notifications(Mailer mailer, ObjectProvider<ProcessEngineConfigurationImpl> engine, MailJobs jobs,
      TasklistLinks links) {
    return new Notifications(mailer.active(), engine, jobs, links);
  }

  @Configuration(proxyBeanMethods = false)
  @Conditional(NotificationActivation.class)
  @EnableScheduling
  static class Digest {

    @Bean
    DailyDigest dailyDigest(ProcessEngineConfigurationImpl engine, MailJobs jobs, CalendarProperties calendar,
        NotificationProperties properties) {
      return new DailyDigest(engine, jobs, calendar.zone(), properties.digest().pageSize());
    }
  }
}

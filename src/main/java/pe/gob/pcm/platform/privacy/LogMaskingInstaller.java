package pe.gob.pcm.platform.privacy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Iterator;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Right after Spring Boot configures Logback (plain or structured, console or file), wraps every
 * appender's encoder in a {@link MaskingEncoder}, unless {@code platform.logging.mask-personal-data}
 * is false. Registered in META-INF/spring.factories: it must run before any bean logs.
 */
public class LogMaskingInstaller implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    install(event.getEnvironment());
  }

  @Override
  public int getOrder() {
    return LoggingApplicationListener.DEFAULT_ORDER + 1;
  }

  /** Wraps the encoders now (again after any reconfiguration of Logback); idempotent. */
  public static void install(Environment environment) {
    if (!environment.getProperty("platform.logging.mask-personal-data", Boolean.class, true)) {
      return;
    }
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    for (Logger logger : context.getLoggerList()) {
      for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
        if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
          Encoder<ILoggingEvent> encoder = appender.getEncoder();
          if (encoder != null && !(encoder instanceof MaskingEncoder)) {
            MaskingEncoder masking = new MaskingEncoder(encoder);
            masking.setContext(context);
            masking.start();
            appender.setEncoder(masking);
          }
        }
      }
    }
  }
}

package pe.gob.pcm.platform.mgd;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.tramite.date-tolerance.*}: how far ahead of this platform's clock the dates that
 * other systems write in the contract ({@code dfecdoc}, {@code dfecregstd}) may be. With
 * {@code whole-day} the limit is the end of the current day in Lima plus {@code ahead}; without
 * it, now plus {@code ahead}.
 */
@ConfigurationProperties(prefix = "platform.tramite.date-tolerance")
public record DateToleranceProperties(
    @DefaultValue("true") boolean wholeDay,
    @DefaultValue("12h") Duration ahead) {

  public DateToleranceProperties {
    if (ahead == null || ahead.isNegative()) {
      throw new IllegalArgumentException(
          "platform.tramite.date-tolerance.ahead no puede ser negativa: " + ahead);
    }
  }

  /** The default: the whole current day in Lima plus 12 hours. */
  public static DateToleranceProperties defaults() {
    return new DateToleranceProperties(true, Duration.ofHours(12));
  }
}

package pe.gob.pcm.platform.mgd;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.PeruTime;

/**
 * The latest date accepted from another system's clock. SGDs run in other zones, or with clocks a
 * few hours off, and a document dated today must not be bounced for that; a date beyond the
 * tolerance ({@link DateToleranceProperties}) is still refused as future, and the reason names
 * the date received and the limit, so that the sender's developer sees the difference.
 */
@Component
public class ContractDates {

  private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final DateTimeFormatter LIMA = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

  private final boolean wholeDay;
  private final Duration ahead;
  private final Clock clock;

  @Autowired
  public ContractDates(DateToleranceProperties properties) {
    this(properties, Clock.system(PeruTime.ZONE));
  }

  public ContractDates(DateToleranceProperties properties, Clock clock) {
    this.wholeDay = properties.wholeDay();
    this.ahead = properties.ahead();
    this.clock = clock;
  }

  /** The latest instant accepted now, in Lima's offset. */
  public OffsetDateTime limit() {
    ZonedDateTime now = clock.instant().atZone(PeruTime.ZONE);
    ZonedDateTime base = wholeDay ? now.toLocalDate().plusDays(1).atStartOfDay(PeruTime.ZONE) : now;
    return base.plus(ahead).toOffsetDateTime();
  }

  /**
   * Null when the date is not later than the limit (or absent: whether it is required is the
   * caller's rule); otherwise the Spanish reason, naming the date received and the limit.
   */
  public String futureProblem(OffsetDateTime date) {
    if (date == null) {
      return null;
    }
    OffsetDateTime limit = limit();
    if (!date.isAfter(limit)) {
      return null;
    }
    return "no puede ser futura: se recibió " + describe(date) + " y se aceptan fechas hasta "
        + WIRE.format(limit) + " (" + rule() + ")";
  }

  /** The date as the sender wrote it and, when written with another offset, in Lima time. */
  private static String describe(OffsetDateTime date) {
    OffsetDateTime lima = date.atZoneSameInstant(PeruTime.ZONE).toOffsetDateTime();
    return WIRE.format(date) + (lima.getOffset().equals(date.getOffset()) ? ""
        : " (" + LIMA.format(lima) + " hora de Lima)");
  }

  private String rule() {
    String tolerance = hours(ahead);
    return wholeDay ? "el día de hoy en Lima más " + tolerance + " de tolerancia"
        : "la hora actual en Lima más " + tolerance + " de tolerancia";
  }

  private static String hours(Duration d) {
    long h = d.toHours();
    int m = d.toMinutesPart();
    if (m == 0) {
      return h == 1 ? "1 hora" : h + " horas";
    }
    return h == 0 ? m + " minutos" : h + " h " + m + " min";
  }
}

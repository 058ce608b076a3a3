package pe.gob.pcm.platform.calendar;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Peru's official time (UTC-5, no daylight saving): the zone of the State's dates. */
public final class PeruTime {

  /** The zone id, also the default of {@code platform.calendar.zone}. */
  public static final String ZONE_ID = "America/Lima";
  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

  private PeruTime() {}

  /** The wall-clock time in Lima of an instant given with any offset (what the MGD tables keep). */
  public static LocalDateTime local(OffsetDateTime time) {
    return time == null ? null : time.atZoneSameInstant(ZONE).toLocalDateTime();
  }

  /** A Lima wall-clock time as an instant with its offset. */
  public static OffsetDateTime offset(LocalDateTime time) {
    return time == null ? null : time.atZone(ZONE).toOffsetDateTime();
  }

  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZONE);
  }

  /**
   * The wall-clock time in Lima now, from the application's clock: what the platform writes in
   * the contract's dates (dfecrec, dfecregstd, dfecenv). Not the database's CURRENT_TIMESTAMP,
   * which is the wall clock of the database session's zone (the server's, e.g. UTC).
   */
  public static LocalDateTime localNow() {
    return LocalDateTime.now(ZONE);
  }
}

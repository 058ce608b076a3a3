package pe.gob.pcm.platform.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Peruvian working days: Monday to Friday, less national holidays and the extra non-working
 * days the government decrees (configured).
 *
 * <p>Why Jollyday plus a supplement: Jollyday (maintained, 1.5.0) has Peru's older holidays and
 * the Easter-based ones (Holy Thursday, Good Friday), but not the four added since 2022. Those
 * are listed in {@link #SUPPLEMENT} with their law; holidays are a set of dates, so when a later
 * Jollyday adds them nothing is counted twice.
 */
public class BusinessCalendar {

  private record Supplement(MonthDay day, int sinceYear, String name, String source) {}

  /** National holidays missing from Jollyday 1.5.0, with the law that created each. */
  private static final Set<Supplement> SUPPLEMENT = Set.of(
      new Supplement(MonthDay.of(6, 7), 2022, "Batalla de Arica y Día de la Bandera", "Ley 31788 (2023); feriado desde 2022 por Ley 31455"),
      new Supplement(MonthDay.of(7, 23), 2024, "Día de la Fuerza Aérea del Perú", "Ley 31872 (2023)"),
      new Supplement(MonthDay.of(8, 6), 2022, "Batalla de Junín", "Ley 31540 (2022)"),
      new Supplement(MonthDay.of(12, 9), 2022, "Batalla de Ayacucho", "Ley 31541 (2022)"));

  private static final Locale SPANISH = Locale.forLanguageTag("es");

  /**
   * Jollyday's calendar for Peru, read (JAXB) the first time a holiday is asked for rather than
   * when the platform starts: holder idiom, so loaded once and thread-safe.
   */
  private static final class Peru {
    static final HolidayManager HOLIDAYS = HolidayManager.getInstance(ManagerParameters.create("pe"));
  }

  private final ZoneId zone;
  private final Clock clock;
  private final Set<LocalDate> extraNonWorkingDays;
  private final Map<Integer, Map<LocalDate, String>> byYear = new ConcurrentHashMap<>();

  public BusinessCalendar(ZoneId zone, Collection<LocalDate> extraNonWorkingDays) {
    this(zone, extraNonWorkingDays, Clock.system(zone));
  }

  public BusinessCalendar(ZoneId zone, Collection<LocalDate> extraNonWorkingDays, Clock clock) {
    this.zone = zone;
    this.clock = clock;
    this.extraNonWorkingDays = Set.copyOf(extraNonWorkingDays);
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
        && !holidaysOf(date.getYear()).containsKey(date)
        && !extraNonWorkingDays.contains(date);
  }

  /** The national holiday's name on that date (Spanish), if it is one. */
  public Optional<String> holidayName(LocalDate date) {
    if (extraNonWorkingDays.contains(date)) {
      return Optional.of("Día no laborable");
    }
    return Optional.ofNullable(holidaysOf(date.getYear()).get(date));
  }

  /** The Nth working day after {@code start} (which itself is not counted). */
  public LocalDate addWorkingDays(LocalDate start, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must be >= 0");
    }
    LocalDate date = start;
    int counted = 0;
    while (counted < days) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return date;
  }

  /** Working days after {@code fromExclusive} up to and including {@code toInclusive}. */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    int count = 0;
    for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  /** End (23:59:59 in the zone) of the Nth working day after today: a Camunda timer date. */
  public Date deadlineAfterWorkingDays(int days) {
    return deadlineAfterWorkingDays(days, clock.instant());
  }

  public Date deadlineAfterWorkingDays(int days, Instant from) {
    LocalDate last = addWorkingDays(from.atZone(zone).toLocalDate(), days);
    return Date.from(last.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant());
  }

  private Map<LocalDate, String> holidaysOf(int year) {
    return byYear.computeIfAbsent(year, y -> {
      Map<LocalDate, String> map = new HashMap<>();
      for (Holiday holiday : Peru.HOLIDAYS.getHolidays(java.time.Year.of(y))) {
        map.put(holiday.getDate(), holiday.getDescription(SPANISH));
      }
      for (Supplement s : SUPPLEMENT) {
        if (y >= s.sinceYear()) {
          map.putIfAbsent(s.day().atYear(y), s.name());
        }
      }
      return Map.copyOf(map);
    });
  }
}

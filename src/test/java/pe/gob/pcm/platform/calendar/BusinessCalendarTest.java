package pe.gob.pcm.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessCalendarTest {

  static final ZoneId LIMA = ZoneId.of("America/Lima");
  final BusinessCalendar calendar = new BusinessCalendar(LIMA, List.of(LocalDate.of(2026, 12, 24)));

  @ParameterizedTest
  @ValueSource(strings = {
    "2026-01-01", "2026-04-02", "2026-04-03", "2026-05-01", "2026-06-29", "2026-07-23",
    "2026-07-28", "2026-07-29", "2026-08-06", "2026-10-08", "2026-12-08", "2026-12-09",
    "2026-12-25", "2025-04-17", "2025-04-18", "2025-06-09", "2025-12-09", "2025-07-23"})
  void nationalHolidaysAreNotWorkingDays(String date) {
    LocalDate day = LocalDate.parse(date);
    // 2025-06-09 is a Monday but not a holiday: it must stay a working day
    boolean expected = date.equals("2025-06-09");
    assertThat(calendar.isWorkingDay(day)).as(date).isEqualTo(expected);
  }

  @Test
  void weekendsAndConfiguredDaysAreNotWorkingDays() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse(); // Saturday
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 29))).isFalse(); // Sunday
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 30))).isTrue();  // Monday
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 24))).isFalse(); // configured
    assertThat(new BusinessCalendar(LIMA, List.of()).isWorkingDay(LocalDate.of(2026, 12, 24))).isTrue();
  }

  @Test
  void namesTheHoliday() {
    assertThat(calendar.holidayName(LocalDate.of(2026, 8, 6))).contains("Batalla de Junín");
    assertThat(calendar.holidayName(LocalDate.of(2026, 12, 24))).contains("Día no laborable");
    assertThat(calendar.holidayName(LocalDate.of(2026, 11, 30))).isEmpty();
  }

  @ParameterizedTest(name = "{0} + {1} días hábiles = {2}")
  @CsvSource({
    // Holy Week 2026: Thu 2 and Fri 3 April are holidays. From Mon 30 Mar: 31, 1, 6, 7, 8
    "2026-03-30, 5, 2026-04-08",
    // Fiestas Patrias 2026: Thu 23 Jul (FAP), Tue 28, Wed 29. From Wed 22 Jul: 24, 27, 30, 31
    "2026-07-22, 4, 2026-07-31",
    // 10 working days from Wed 25 Nov 2026: 26,27,30 Nov; 1,2,3,4,7 Dec; (8,9 holidays) 10,11
    "2026-11-25, 10, 2026-12-11",
    // 15 from the same day: + 14, 15, 16, 17, 18
    "2026-11-25, 15, 2026-12-18",
    // 25: + 21, 22, 23, (24 configured, 25 Christmas) 28, 29, 30, 31, (1 Jan) 4, 5, 6
    "2026-11-25, 25, 2027-01-06",
    // a start on a holiday is not counted
    "2026-12-25, 1, 2026-12-28",
    // Easter moves: in 2027 Holy Thursday and Good Friday are 25 and 26 March. The SGP's three
    // evaluation deadlines from Mon 22 Mar: 10 → 23,24,29,30,31 Mar, 1,2,5,6,7 Apr
    "2027-03-22, 10, 2027-04-07",
    // 15 → + 8, 9, 12, 13, 14 Apr
    "2027-03-22, 15, 2027-04-14",
    // 25 → + 15, 16, 19, 20, 21, 22, 23, 26, 27, 28 Apr
    "2027-03-22, 25, 2027-04-28",
    // Easter 2028 is 16 April: 13 and 14 April are holidays. From Tue 11 Apr: 12, 17, 18
    "2028-04-11, 3, 2028-04-18",
  })
  void addsWorkingDays(String start, int days, String expected) {
    assertThat(calendar.addWorkingDays(LocalDate.parse(start), days)).isEqualTo(LocalDate.parse(expected));
  }

  @Test
  void countsWorkingDaysBetweenTwoDates() {
    assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-11-25"), LocalDate.parse("2026-12-11"))).isEqualTo(10);
    assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-09"))).isZero();
  }

  @Test
  void deadlineIsTheEndOfTheLastWorkingDayInLima() {
    Instant wednesdayNightInLima = LocalDateTime.parse("2026-11-25T22:30:00").atZone(LIMA).toInstant();

    Instant deadline = calendar.deadlineAfterWorkingDays(10, wednesdayNightInLima).toInstant();

    assertThat(deadline.atZone(LIMA).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-12-11T23:59:59"));
  }

  @Test
  void todayComesFromTheClock() {
    Clock clock = Clock.fixed(LocalDateTime.parse("2026-03-30T09:00:00").atZone(LIMA).toInstant(), LIMA);
    BusinessCalendar fixed = new BusinessCalendar(LIMA, List.of(), clock);

    assertThat(fixed.deadlineAfterWorkingDays(5).toInstant().atZone(LIMA).toLocalDate())
        .isEqualTo(LocalDate.parse("2026-04-08"));
  }
}

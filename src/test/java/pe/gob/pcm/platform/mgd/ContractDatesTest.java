package pe.gob.pcm.platform.mgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import pe.gob.pcm.platform.support.TestPki;

/**
 * The clock tolerance for the contract's dates, with a fixed clock (in UTC, so that Lima's day is
 * the class's own reckoning, not the clock's zone): default = the whole current day in Lima plus
 * 12 hours.
 */
class ContractDatesTest {

  private static ContractDates at(String now) {
    return at(now, DateToleranceProperties.defaults());
  }

  private static ContractDates at(String now, DateToleranceProperties properties) {
    return new ContractDates(properties, Clock.fixed(OffsetDateTime.parse(now).toInstant(), ZoneOffset.UTC));
  }

  @ParameterizedTest(name = "a las {0}, el límite es {1}")
  @CsvSource({
    // the limit follows Lima's day, not UTC's: 19:30 in Lima is already the next day in UTC
    "2026-12-07T08:00:00-05:00, 2026-12-08T12:00:00-05:00",
    "2026-12-07T19:30:00-05:00, 2026-12-08T12:00:00-05:00",
    "2026-12-08T00:30:00Z,      2026-12-08T12:00:00-05:00",
    // around midnight in Lima: the last second of the day, then the first of the next
    "2026-12-07T23:59:59-05:00, 2026-12-08T12:00:00-05:00",
    "2026-12-08T00:00:00-05:00, 2026-12-09T12:00:00-05:00",
    // the last day of the year
    "2026-12-31T23:00:00-05:00, 2027-01-01T12:00:00-05:00",
  })
  void theLimitIsTheEndOfTheDayInLimaPlusTwelveHours(String now, String limit) {
    assertThat(at(now).limit()).isEqualTo(OffsetDateTime.parse(limit));
    assertThat(at(now).limit().getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
  }

  @Test
  void aroundMidnightInLimaTheDayJustEndedAndTheMorningAfterAreAccepted() {
    ContractDates beforeMidnight = at("2026-12-07T23:59:30-05:00");
    assertThat(beforeMidnight.futureProblem(OffsetDateTime.parse("2026-12-07T23:59:59-05:00"))).isNull();
    assertThat(beforeMidnight.futureProblem(OffsetDateTime.parse("2026-12-08T06:00:00-05:00"))).isNull();
    assertThat(beforeMidnight.futureProblem(OffsetDateTime.parse("2026-12-08T12:00:00-05:00"))).isNull();
    assertThat(beforeMidnight.futureProblem(OffsetDateTime.parse("2026-12-08T12:00:01-05:00")))
        .startsWith("no puede ser futura: se recibió 2026-12-08T12:00:01-05:00 y se aceptan fechas hasta"
            + " 2026-12-08T12:00:00-05:00");

    ContractDates afterMidnight = at("2026-12-08T00:00:05-05:00");
    assertThat(afterMidnight.futureProblem(OffsetDateTime.parse("2026-12-07T23:59:59-05:00"))).isNull();
    assertThat(afterMidnight.futureProblem(OffsetDateTime.parse("2026-12-08T23:59:59-05:00"))).isNull();
    assertThat(afterMidnight.futureProblem(OffsetDateTime.parse("2026-12-09T12:00:01-05:00"))).isNotNull();
  }

  /** An SGD running in UTC, after 19:00 in Lima: its "today" is Lima's tomorrow. */
  @Test
  void aSenderInUtcAfterSevenInTheEveningInLimaIsAccepted() {
    ContractDates lima1930 = at("2026-12-07T19:30:00-05:00");
    // its UTC wall clock written with Lima's offset: 5 hours ahead (refused by the old 5 minutes)
    assertThat(lima1930.futureProblem(OffsetDateTime.parse("2026-12-08T00:30:00-05:00"))).isNull();
    // its UTC date at midnight, in Lima's offset
    assertThat(lima1930.futureProblem(OffsetDateTime.parse("2026-12-08T00:00:00-05:00"))).isNull();
    // its clock right, written in UTC
    assertThat(lima1930.futureProblem(OffsetDateTime.parse("2026-12-08T00:30:00Z"))).isNull();
    // its next morning in UTC (04:00 in Lima)
    assertThat(lima1930.futureProblem(OffsetDateTime.parse("2026-12-08T09:00:00Z"))).isNull();
    // but not the day after that
    assertThat(lima1930.futureProblem(OffsetDateTime.parse("2026-12-09T18:00:00Z")))
        .isEqualTo("no puede ser futura: se recibió 2026-12-09T18:00:00Z (09/12/2026 13:00:00 hora de Lima)"
            + " y se aceptan fechas hasta 2026-12-08T12:00:00-05:00"
            + " (el día de hoy en Lima más 12 horas de tolerancia)");
  }

  /** A sender at +14:00, already a day ahead of Lima's calendar. */
  @Test
  void offsetsOfPlusFourteenHoursAreReadAsTheInstantTheyAre() {
    ContractDates lima1000 = at("2026-12-07T10:00:00-05:00"); // 2026-12-08T05:00+14:00
    assertThat(lima1000.futureProblem(OffsetDateTime.parse("2026-12-08T05:00:00+14:00"))).isNull();
    assertThat(lima1000.futureProblem(OffsetDateTime.parse("2026-12-08T23:59:59+14:00"))).isNull();
    // its next day at 08:00 is 2026-12-08T13:00 in Lima, past the limit
    assertThat(lima1000.futureProblem(OffsetDateTime.parse("2026-12-09T08:00:00+14:00")))
        .isEqualTo("no puede ser futura: se recibió 2026-12-09T08:00:00+14:00 (08/12/2026 13:00:00 hora de Lima)"
            + " y se aceptan fechas hasta 2026-12-08T12:00:00-05:00"
            + " (el día de hoy en Lima más 12 horas de tolerancia)");
    // and the other way round, -12:00: the same instant in another offset
    assertThat(lima1000.futureProblem(OffsetDateTime.parse("2026-12-07T03:00:00-12:00"))).isNull();
  }

  @ParameterizedTest(name = "a las {0} se rechaza {1}")
  @CsvSource({
    "2026-12-07T10:00:00-05:00, 2026-12-09T10:00:00-05:00",
    "2026-12-07T00:00:01-05:00, 2026-12-09T00:00:01-05:00",
    "2026-12-07T23:59:59-05:00, 2026-12-09T23:59:59-05:00",
    "2026-12-07T10:00:00-05:00, 2026-12-09T15:00:00Z",
    "2026-12-07T10:00:00-05:00, 2026-12-10T05:00:00+14:00",
  })
  void aDateTwoDaysAheadIsRefusedAtAnyHour(String now, String date) {
    assertThat(at(now).futureProblem(OffsetDateTime.parse(date)))
        .startsWith("no puede ser futura: se recibió " + date.replace("+00:00", "Z"));
  }

  @Test
  void theToleranceIsConfigurable() {
    DateToleranceProperties fiveMinutes = new DateToleranceProperties(false, Duration.ofMinutes(5));
    ContractDates strict = at("2026-12-07T10:00:00-05:00", fiveMinutes);
    assertThat(strict.limit()).isEqualTo(OffsetDateTime.parse("2026-12-07T10:05:00-05:00"));
    assertThat(strict.futureProblem(OffsetDateTime.parse("2026-12-07T10:04:00-05:00"))).isNull();
    assertThat(strict.futureProblem(OffsetDateTime.parse("2026-12-07T10:06:00-05:00")))
        .endsWith("se aceptan fechas hasta 2026-12-07T10:05:00-05:00"
            + " (la hora actual en Lima más 5 minutos de tolerancia)");

    ContractDates todayOnly = at("2026-12-07T10:00:00-05:00", new DateToleranceProperties(true, Duration.ZERO));
    assertThat(todayOnly.futureProblem(OffsetDateTime.parse("2026-12-07T23:59:59-05:00"))).isNull();
    assertThat(todayOnly.futureProblem(OffsetDateTime.parse("2026-12-08T00:00:01-05:00")))
        .endsWith("(el día de hoy en Lima más 0 horas de tolerancia)");
  }

  @Test
  void thePropertiesBindWithTheirDefaultsAndRefuseANegativeTolerance() {
    Bindable<DateToleranceProperties> target = Bindable.of(DateToleranceProperties.class);
    DateToleranceProperties none = new Binder(new MapConfigurationPropertySource(Map.of("platform.other", "x")))
        .bindOrCreate("platform.tramite.date-tolerance", target);
    assertThat(none).isEqualTo(DateToleranceProperties.defaults());

    DateToleranceProperties set = new Binder(new MapConfigurationPropertySource(Map.of(
        "platform.tramite.date-tolerance.ahead", "90m",
        "platform.tramite.date-tolerance.whole-day", "false")))
        .bind("platform.tramite.date-tolerance", target).get();
    assertThat(set).isEqualTo(new DateToleranceProperties(false, Duration.ofMinutes(90)));
    assertThat(at("2026-12-07T10:00:00-05:00", set).futureProblem(OffsetDateTime.parse("2026-12-07T11:31:00-05:00")))
        .endsWith("(la hora actual en Lima más 1 h 30 min de tolerancia)");

    assertThatThrownBy(() -> new DateToleranceProperties(true, Duration.ofHours(-1)))
        .hasMessageContaining("platform.tramite.date-tolerance.ahead no puede ser negativa");
  }

  /** Through the MGD rules: the refusal names the wire field, the date received and the limit. */
  @Test
  void theMgdRulesUseTheToleranceForDfecdoc() {
    MgdRules rules = new MgdRules(Map.of("01", "Oficio"), 10 * 1024 * 1024, at("2026-12-07T19:30:00-05:00"));

    assertThat(rules.firstProblem(document(OffsetDateTime.parse("2026-12-08T00:30:00-05:00")))).isEmpty();
    assertThat(rules.firstProblem(document(OffsetDateTime.parse("2026-12-09T19:30:00-05:00"))).orElseThrow())
        .isEqualTo("dfecdoc (fecha del documento): no puede ser futura: se recibió 2026-12-09T19:30:00-05:00"
            + " y se aceptan fechas hasta 2026-12-08T12:00:00-05:00"
            + " (el día de hoy en Lima más 12 horas de tolerancia).");
    assertThat(rules.firstProblem(document(null))).contains("dfecdoc (fecha del documento): es obligatoria.");
  }

  private static MgdDocument document(OffsetDateTime date) {
    return new MgdDocument("20168999926", "20601234565", "PRESIDENCIA DEL CONSEJO DE MINISTROS",
        "SECRETARÍA GENERAL", "0000000123", null, "01", "OFICIO N° 1-2026-PCM", date, null, null, null,
        "Asunto", 0, 1, null, TestPki.unsignedPdf("Oficio"), "oficio.pdf", List.of(), "1", "45678912");
  }
}

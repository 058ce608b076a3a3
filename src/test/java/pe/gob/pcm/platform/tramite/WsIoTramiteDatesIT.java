package pe.gob.pcm.platform.tramite;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.gob.pcm.platform.tramite.WsIoTramiteIT.code;
import static pe.gob.pcm.platform.tramite.WsIoTramiteIT.message;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import pe.gob.pcm.platform.calendar.PeruTime;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TestPki;

/**
 * The clock tolerance of the contract's dates over real HTTP, with raw envelopes: a sender whose
 * clock runs in UTC a few hours ahead of Lima is accepted; a date two days ahead is refused with
 * -1 and a Spanish reason naming the field, the date received and the limit. Either holds at any
 * hour: the default limit (end of the day in Lima plus 12 hours) is 12 to 36 hours ahead.
 */
@PlatformTest
class WsIoTramiteDatesIT {

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);
  /** The default limit, whichever the day: noon in Lima. */
  private static final String LIMIT = "se aceptan fechas hasta \\d{4}-\\d{2}-\\d{2}T12:00:00-05:00"
      + " \\(el día de hoy en Lima más 12 horas de tolerancia\\)";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Dispatches dispatches;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void aDocumentDatedAFewHoursAheadInUtcIsReceivedInLimaTime() throws Exception {
    String cuo = Envelopes.newCuo();
    Instant date = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(4));
    Map<String, String> fields = Envelopes.validDocument(cuo, TestPki.unsignedPdf("Oficio " + cuo));
    fields.put("dfecdoc", UTC.format(date));

    Http.Response response = http.soap(WsIoTramiteIT.PATH, Envelopes.recepcionar(fields, List.of()));

    assertThat(code(response)).as(message(response)).isEqualTo("0000");
    assertThat(jdbc.queryForObject("SELECT d.dfecdoc FROM iotdtm_doc_externo d JOIN iotdtc_recepcion r"
        + " ON r.id = d.recepcion_id WHERE r.vcuo = ?", LocalDateTime.class, cuo))
        .isEqualTo(LocalDateTime.ofInstant(date, PeruTime.ZONE));
  }

  @Test
  void aDocumentDatedTwoDaysAheadIsRefusedNamingTheDateAndTheLimit() throws Exception {
    String cuo = Envelopes.newCuo();
    String date = UTC.format(Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(2)));
    Map<String, String> fields = Envelopes.validDocument(cuo, TestPki.unsignedPdf("Oficio " + cuo));
    fields.put("dfecdoc", date);

    Http.Response response = http.soap(WsIoTramiteIT.PATH, Envelopes.recepcionar(fields, List.of()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(code(response)).isEqualTo("-1");
    assertThat(message(response))
        .contains("dfecdoc (fecha del documento): no puede ser futura: se recibió " + date + " (")
        .containsPattern(LIMIT);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM iotdtc_recepcion WHERE vcuo = ?", Integer.class, cuo)).isZero();
  }

  /** The cargo of a document this platform sent: its dfecregstd follows the same tolerance. */
  @Test
  void aCargoRegisteredTwoDaysAheadIsRefusedAndOneAFewHoursAheadInUtcIsRegistered() throws Exception {
    String cuo = dispatches.deliveredToPcm("OFICIO N° 931-2026-MDE/FECHAS");

    String future = UTC.format(Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(2)));
    Http.Response refused = http.soap(WsIoTramiteIT.PATH, cargo(cuo, future));
    assertThat(code(refused)).isEqualTo("-1");
    assertThat(message(refused))
        .startsWith("NO SE PUDO REGISTRAR EL CARGO: dfecregstd (fecha de registro) no puede ser futura: se recibió ")
        .containsPattern(LIMIT);
    assertThat(state(cuo)).isEqualTo("E");

    Http.Response registered = http.soap(WsIoTramiteIT.PATH,
        cargo(cuo, UTC.format(Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(4)))));
    assertThat(code(registered)).as(message(registered)).isEqualTo("0000");
    assertThat(state(cuo)).isEqualTo("R");
  }

  private String state(String cuo) {
    return jdbc.queryForObject("SELECT cflgest FROM iotdtc_despacho WHERE vcuo = ?", String.class, cuo);
  }

  private static String cargo(String cuo, String registeredAt) {
    return Envelopes.envelope("<ws:cargoResponse><cargoRequest><vcuo>" + cuo + "</vcuo>"
        + "<vnumregstd>000931</vnumregstd><vanioregstd>2026</vanioregstd>"
        + "<dfecregstd>" + registeredAt + "</dfecregstd>"
        + "<vuniorgstd>SECRETARÍA GENERAL</vuniorgstd><vusuregstd>pcm.mesapartes</vusuregstd>"
        + "<bcarstd>" + Base64.getEncoder().encodeToString(TestPki.unsignedPdf("Cargo " + cuo)) + "</bcarstd>"
        + "<cflgest>R</cflgest></cargoRequest></ws:cargoResponse>");
  }
}

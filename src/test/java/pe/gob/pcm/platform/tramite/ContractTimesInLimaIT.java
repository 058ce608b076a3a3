package pe.gob.pcm.platform.tramite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pe.gob.pcm.platform.calendar.PeruTime;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * The contract's dates the platform writes are Lima's wall clock whatever the server's zone: the
 * JVM's default zone is UTC during these tests and every database session of this context runs
 * in UTC ({@code SET TIME ZONE 'UTC'} on each new connection, on H2 and on PostgreSQL), as on a
 * server installed in UTC. A document sent and registered (and one observed) carries in
 * {@code dfecrec}, {@code dfecenv} and the cargo's {@code dfecregstd} the time in Lima
 * (PeruTime), not the session's CURRENT_TIMESTAMP five hours ahead.
 */
@PlatformTest
class ContractTimesInLimaIT {

  /** This context's own engine (see OnboardingIT): its database sessions run in UTC. */
  static final String ENGINE = "horalima"; // no hyphen: Camunda would ignore the name and take "default"
  static final String RECEIVER = Dispatches.RECEIVER;
  static TimeZone hostZone;

  @DynamicPropertySource
  static void sessionsInUtc(DynamicPropertyRegistry registry) {
    registry.add("camunda.bpm.process-engine-name", () -> ENGINE);
    registry.add("spring.datasource.hikari.connection-init-sql", () -> "SET TIME ZONE 'UTC'");
  }

  @BeforeAll
  static void serverInUtc() {
    hostZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
  }

  @AfterAll
  static void restoreZone() {
    TimeZone.setDefault(hostZone);
  }

  @LocalServerPort int port;
  @Autowired org.camunda.bpm.engine.ProcessEngine ownEngine;
  @Autowired Dispatches dispatches;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired Actors actors;

  @Test
  void thisContextRunsItsOwnEngine() {
    assertThat(ownEngine.getName()).as("an engine named 'default' would replace the shared context's in Camunda's"
        + " static registry, where every context's REST API looks it up").isEqualTo(ENGINE);
  }

  @Test
  void theSessionsOfThisContextRunInUtc() {
    LocalDateTime session = jdbc.queryForObject("SELECT CAST(CURRENT_TIMESTAMP AS TIMESTAMP)", LocalDateTime.class);
    assertThat(session).as("what CURRENT_TIMESTAMP writes in a TIMESTAMP column here: UTC's wall clock")
        .isCloseTo(LocalDateTime.now(ZoneOffset.UTC), within(60));
  }

  @Test
  void aRegisteredDocumentsReceptionSendingAndCargoAreDatedInLima() {
    LocalDateTime before = lima();
    ProcessInstance dispatch = dispatches.send("OFICIO N° 020-2026-MDE/GM");
    dispatches.drain(dispatch.getId());
    Map<String, Object> outgoing = outgoing(dispatch.getId());
    String cuo = (String) outgoing.get("vcuo");
    assertThat(outgoing.get("cflgest")).isEqualTo("E");
    long receptionId = jdbc.queryForObject("SELECT id FROM iotdtc_recepcion WHERE vcuo = ?", Long.class, cuo);
    assertLima(time("SELECT dfecrec FROM iotdtc_recepcion WHERE id = ?", receptionId), before);
    assertLima(time("SELECT dfecenv FROM iotdtc_despacho WHERE vcuo = ?", cuo), before);

    LocalDateTime beforeRegistration = lima();
    decide(cuo, Map.of("receptionDecision", "REGISTRAR", "receptionUnit", "SECRETARÍA GENERAL"));
    dispatches.drain(jdbc.queryForObject("SELECT process_instance_id FROM iotdtc_recepcion WHERE id = ?",
        String.class, receptionId));
    LocalDateTime registered = time("SELECT dfecregstd FROM iotdtc_recepcion WHERE id = ?", receptionId);
    assertLima(registered, beforeRegistration);
    assertThat(outgoing(dispatch.getId()).get("cflgest")).isEqualTo("R");
    LocalDateTime cargo = time("SELECT dfecregstd FROM iotdtc_despacho WHERE vcuo = ?", cuo);
    assertThat(cargo).as("the cargo's dfecregstd, as the sender received it over the PIDE")
        .isCloseTo(registered, within(1));

    Http.Response status = new Http(port).soap("/wsiotramite/Tramite", Envelopes.consultar(cuo));
    Matcher answered = Pattern.compile("<dfecregstd>([^<]+)</dfecregstd>").matcher(status.body());
    assertThat(answered.find()).as(status.body()).isTrue();
    OffsetDateTime wire = OffsetDateTime.parse(answered.group(1));
    assertThat(wire.getOffset().getTotalSeconds()).as("Lima's offset on the wire").isEqualTo(-5 * 3600);
    assertThat(wire.toLocalDateTime()).isCloseTo(registered, within(1));
  }

  @Test
  void anObservedDocumentsDateIsLimasToo() {
    ProcessInstance dispatch = dispatches.send("OFICIO N° 021-2026-MDE/GM");
    dispatches.drain(dispatch.getId());
    String cuo = (String) outgoing(dispatch.getId()).get("vcuo");
    long receptionId = jdbc.queryForObject("SELECT id FROM iotdtc_recepcion WHERE vcuo = ?", Long.class, cuo);

    LocalDateTime before = lima();
    decide(cuo, Map.of("receptionDecision", "OBSERVAR", "receptionObservation", "Falta la firma del gerente."));
    dispatches.drain(jdbc.queryForObject("SELECT process_instance_id FROM iotdtc_recepcion WHERE id = ?",
        String.class, receptionId));
    assertThat(jdbc.queryForObject("SELECT cflgest FROM iotdtc_recepcion WHERE id = ?", String.class, receptionId))
        .isEqualTo("O");
    LocalDateTime observed = time("SELECT dfecregstd FROM iotdtc_recepcion WHERE id = ?", receptionId);
    assertLima(observed, before);
    assertThat(time("SELECT dfecregstd FROM iotdtc_despacho WHERE vcuo = ?", cuo)).isCloseTo(observed, within(1));
  }

  /** Between the moment before the step and now, in Lima (a second of slack for the column's rounding). */
  private static void assertLima(LocalDateTime written, LocalDateTime before) {
    assertThat(written).as("a Lima wall-clock time, not the UTC session's")
        .isAfterOrEqualTo(before.minusSeconds(1))
        .isBeforeOrEqualTo(lima().plusSeconds(1));
  }

  private static LocalDateTime lima() {
    return LocalDateTime.now(PeruTime.ZONE);
  }

  private LocalDateTime time(String sql, Object key) {
    return jdbc.queryForObject(sql, LocalDateTime.class, key);
  }

  private void decide(String cuo, Map<String, Object> decision) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(cuo).singleResult();
    actors.as(RECEIVER, () -> {
      tasks.claim(task.getId(), RECEIVER);
      tasks.complete(task.getId(), decision);
    });
  }

  private Map<String, Object> outgoing(String processInstanceId) {
    return jdbc.queryForMap("SELECT * FROM iotdtc_despacho WHERE process_instance_id = ? ORDER BY id DESC"
        + " FETCH FIRST 1 ROWS ONLY", processInstanceId);
  }

  private static org.assertj.core.data.TemporalUnitOffset within(long seconds) {
    return org.assertj.core.api.Assertions.within(seconds, java.time.temporal.ChronoUnit.SECONDS);
  }
}

package pe.gob.pcm.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.gob.pcm.platform.metrics.MetricsFixture.at;
import static pe.gob.pcm.platform.metrics.MetricsFixture.forEntity;
import static pe.gob.pcm.platform.support.Actors.MUNI_RUC;
import static pe.gob.pcm.platform.support.Actors.PCM_RUC;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * /api/metricas/procesos over real HTTP, on instances started and completed here at known times
 * (engine clock) on a day of their own, so that every figure is known beforehand.
 */
@PlatformTest
class MetricsApiIT {

  static final String MANAGER = Http.basic("pcm.gerencia", "demo");

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    MetricsFixture.deploy(repository);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void onlyManagersAndAdministratorsReadTheFigures() {
    String path = "/api/metricas/procesos";
    assertThat(http.get(path, null).status()).isEqualTo(401);
    // (a wrong password would make Camunda hold the user back for a few seconds: not pcm.gerencia)
    assertThat(http.get(path, Http.basic("nadie", "demo")).status()).isEqualTo(401);
    Http.Response entityUser = http.get(path, Http.basic("muni.ti", "demo"));
    assertThat(entityUser.status()).isEqualTo(403);
    assertThat(entityUser.json().path("detail").asText()).contains("Gerencia");
    assertThat(http.get(path, Http.basic("sgp.evaluador", "demo")).status()).isEqualTo(403);
    assertThat(http.get(path, MANAGER).status()).isEqualTo(200);
    assertThat(http.get(path, Http.basic("demo", "demo")).status()).isEqualTo(200);
  }

  @Test
  void aWrongPeriodIsRefusedInSpanish() {
    Http.Response reversed = http.get("/api/metricas/procesos?desde=2031-03-11&hasta=2031-03-10", MANAGER);
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.json().path("detail").asText()).contains("Desde: debe ser anterior o igual");
    Http.Response notADate = http.get("/api/metricas/procesos?desde=10/03/2031", MANAGER);
    assertThat(notADate.status()).isEqualTo(400);
    assertThat(notADate.json().path("detail").asText()).contains("no es una fecha válida");
  }

  @Test
  void figuresOfADayWithKnownDurations() {
    LocalDate day = LocalDate.of(2031, 3, 10);
    LocalDateTime nine = day.atTime(9, 0);

    // The municipality: seven reviews started at 9:00. Five are done after 1, 2, 3, 4 and 10
    // hours, one is withdrawn, one stays open past its two-hour deadline and gets an incident.
    at(nine);
    List<ProcessInstance> muni = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      muni.add(runtime.startProcessInstanceByKey(MetricsFixture.KEY, forEntity(MUNI_RUC)));
    }
    ProcessInstance late = muni.get(6);
    // The PCM: one review done after 5 hours, one started at 15:00 and still open.
    ProcessInstance pcmDone = runtime.startProcessInstanceByKey(MetricsFixture.KEY, forEntity(PCM_RUC));

    at(nine.plusMinutes(30));
    runtime.deleteProcessInstance(muni.get(5).getId(), "retirada por la entidad");
    at(nine.plusHours(1));
    complete(muni.get(0));
    at(nine.plusHours(2));
    complete(muni.get(1));
    at(nine.plusHours(2).plusMinutes(1));
    management.executeJob(management.createJobQuery().processInstanceId(late.getId()).timers()
        .singleResult().getId());
    runtime.createIncident("prueba-metricas", runtime.createExecutionQuery()
        .processInstanceId(late.getId()).activityId(MetricsFixture.TASK).singleResult().getId(),
        "incidente de prueba");
    at(nine.plusHours(3));
    complete(muni.get(2));
    at(nine.plusHours(4));
    complete(muni.get(3));
    at(nine.plusHours(5));
    complete(pcmDone);
    at(day.atTime(15, 0));
    ProcessInstance pcmOpen = runtime.startProcessInstanceByKey(MetricsFixture.KEY, forEntity(PCM_RUC));
    tasks.claim(task(pcmOpen).getId(), "sgp.evaluador");
    at(nine.plusHours(10));
    complete(muni.get(4));

    at(day.atTime(20, 0));
    JsonNode report = http.get("/api/metricas/procesos?desde=2031-03-10&hasta=2031-03-10", MANAGER).json();
    assertThat(report.path("desde").asText()).isEqualTo("2031-03-10");
    assertThat(report.path("alcance").asText()).isEqualTo("Todas las entidades");
    JsonNode process = process(report, MetricsFixture.KEY);
    assertThat(process.path("nombre").asText()).isEqualTo("Proceso de prueba de métricas");

    JsonNode m = entity(process, MUNI_RUC).path("cifras");
    assertThat(m.path("iniciadas").asLong()).isEqualTo(7);
    assertThat(m.path("completadas").asLong()).isEqualTo(5);
    assertThat(m.path("canceladas").asLong()).isEqualTo(1);
    assertThat(m.path("enCurso").asLong()).isEqualTo(1);
    assertThat(m.path("duracionMedianaMs").asLong()).isEqualTo(hours(3));
    assertThat(m.path("duracionP90Ms").asLong()).isEqualTo(hours(10));
    assertThat(m.path("incumplimientosSla").asLong()).isEqualTo(1);
    assertThat(m.path("incidentesAbiertos").asLong()).isEqualTo(1);
    assertThat(m.path("incidentesEnPeriodo").asLong()).isEqualTo(1);

    JsonNode p = entity(process, PCM_RUC).path("cifras");
    assertThat(p.path("iniciadas").asLong()).isEqualTo(2);
    assertThat(p.path("completadas").asLong()).isEqualTo(1);
    assertThat(p.path("enCurso").asLong()).isEqualTo(1);
    assertThat(p.path("duracionMedianaMs").asLong()).isEqualTo(hours(5));
    assertThat(p.path("duracionP90Ms").asLong()).isEqualTo(hours(5));
    assertThat(p.path("incumplimientosSla").asLong()).isZero();

    // Both entities: durations 1, 2, 3, 4, 5, 10 h -> median (3 + 4) / 2, p90 the 6th of 6.
    JsonNode all = process.path("cifras");
    assertThat(all.path("iniciadas").asLong()).isEqualTo(9);
    assertThat(all.path("completadas").asLong()).isEqualTo(6);
    assertThat(all.path("duracionMedianaMs").asLong()).isEqualTo(hours(3) + hours(1) / 2);
    assertThat(all.path("duracionP90Ms").asLong()).isEqualTo(hours(10));
    assertThat(all.path("incumplimientosSla").asLong()).isEqualTo(1);

    // Open tasks now (20:00): the late municipal review (11 h, unassigned), the PCM's (5 h, claimed).
    JsonNode muniTasks = tasksRow(report, MUNI_RUC);
    assertThat(muniTasks.path("grupo").asText()).isEqualTo(MetricsFixture.GROUP);
    assertThat(muniTasks.path("nombreGrupo").asText()).isEqualTo("SGP - Evaluador");
    assertThat(muniTasks.path("tareas").asLong()).isEqualTo(1);
    assertThat(muniTasks.path("sinAsignar").asLong()).isEqualTo(1);
    assertThat(muniTasks.path("antiguedadMaximaMs").asLong()).isEqualTo(hours(11));
    JsonNode pcmTasks = tasksRow(report, PCM_RUC);
    assertThat(pcmTasks.path("tareas").asLong()).isEqualTo(1);
    assertThat(pcmTasks.path("sinAsignar").asLong()).isZero();
    assertThat(pcmTasks.path("antiguedadMediaMs").asLong()).isEqualTo(hours(5));

    // One entity only: the municipality's figures and tasks, nothing of the PCM's.
    JsonNode muniOnly = http.get("/api/metricas/procesos?desde=2031-03-10&hasta=2031-03-10&entidad="
        + MUNI_RUC, MANAGER).json();
    assertThat(muniOnly.path("alcance").asText()).startsWith("Municipalidad");
    JsonNode muniProcess = process(muniOnly, MetricsFixture.KEY);
    assertThat(muniProcess.path("entidades")).hasSize(1);
    assertThat(muniProcess.path("cifras").path("iniciadas").asLong()).isEqualTo(7);
    assertThat(muniProcess.path("cifras").path("duracionMedianaMs").asLong()).isEqualTo(hours(3));
    assertThat(muniOnly.path("tareasAbiertas").findValuesAsText("entidad")).containsOnly(MUNI_RUC);

    // The next day: nothing started or completed; the two open reviews are still running.
    JsonNode nextDay = http.get("/api/metricas/procesos?desde=2031-03-11&hasta=2031-03-11", MANAGER).json();
    JsonNode next = process(nextDay, MetricsFixture.KEY);
    assertThat(entity(next, MUNI_RUC).path("cifras").path("iniciadas").asLong()).isZero();
    assertThat(entity(next, MUNI_RUC).path("cifras").path("completadas").asLong()).isZero();
    assertThat(entity(next, MUNI_RUC).path("cifras").path("enCurso").asLong()).isEqualTo(1);
    assertThat(entity(next, PCM_RUC).path("cifras").path("enCurso").asLong()).isEqualTo(1);
    assertThat(entity(next, MUNI_RUC).path("cifras").has("duracionMedianaMs")).isFalse();
  }

  private static long hours(int h) {
    return h * 3_600_000L;
  }

  private org.camunda.bpm.engine.task.Task task(ProcessInstance pi) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  static JsonNode tasksRow(JsonNode report, String ruc) {
    for (JsonNode row : report.path("tareasAbiertas")) {
      if (MetricsFixture.KEY.equals(row.path("proceso").asText()) && ruc.equals(row.path("entidad").asText())) {
        return row;
      }
    }
    throw new AssertionError("Sin tareas abiertas de " + ruc + ": " + report.path("tareasAbiertas"));
  }

  private void complete(ProcessInstance pi) {
    tasks.complete(task(pi).getId());
  }

  static JsonNode process(JsonNode report, String key) {
    for (JsonNode p : report.path("procesos")) {
      if (key.equals(p.path("proceso").asText())) {
        return p;
      }
    }
    throw new AssertionError("El reporte no tiene el proceso " + key + ": " + report);
  }

  static JsonNode entity(JsonNode process, String ruc) {
    for (JsonNode e : process.path("entidades")) {
      if (ruc.equals(e.path("entidad").asText())) {
        return e;
      }
    }
    throw new AssertionError("El proceso no tiene la entidad " + ruc + ": " + process);
  }
}

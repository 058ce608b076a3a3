package pe.gob.pcm.platform.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import pe.gob.pcm.platform.colabora.ColaboraFixture;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * The satisfaction survey with a real procedure: a Colabora request that ends (the officer is not
 * eligible, the requester takes note) offers its requester the survey task; answered through
 * Camunda's REST API as Tasklist submits it (refused in Spanish when incomplete), declined, or left
 * to expire, each stored once; a deleted procedure offers nothing; the managers read the figures
 * in the metrics API and in Prometheus.
 */
@PlatformTest
class SurveyIT {

  static final String REQUESTER = ColaboraFixture.REQUESTER;
  static final String MANAGER = Http.basic("pcm.gerencia", "demo");

  @LocalServerPort int port;
  @Autowired ColaboraFixture colabora;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  /** A Colabora request run to its end: the officer is not eligible, the requester takes note. */
  String endedColabora() {
    ProcessInstance pi = colabora.start(colabora.request("OTRO", colabora.signedA3()));
    colabora.complete(REQUESTER, colabora.taskAt(pi, "Task_NotifyRejection"), Map.of());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    return pi.getId();
  }

  /** The survey of the procedure instance, once its asynchronous start has run. */
  Task surveyOf(String source) {
    ProcessInstance survey = runtime.createProcessInstanceQuery().processDefinitionKey(SurveyStarter.PROCESS_KEY)
        .processInstanceBusinessKey(source).singleResult();
    assertThat(survey).as("encuesta ofrecida por %s", source).isNotNull();
    for (Job job : management.createJobQuery().processInstanceId(survey.getId()).active().list()) {
      if (job.getDuedate() == null) {
        management.executeJob(job.getId());
      }
    }
    return tasks.createTaskQuery().processInstanceId(survey.getId()).singleResult();
  }

  Map<String, Object> row(String source) {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT outcome, score, comment_text, entity_ruc, user_id, procedure_key FROM satisfaction_answer"
            + " WHERE source_instance_id = ?", source);
    assertThat(rows).hasSizeLessThanOrEqualTo(1);
    if (rows.isEmpty()) {
      return null;
    }
    Map<String, Object> row = new java.util.HashMap<>();
    rows.get(0).forEach((column, value) -> row.put(column.toLowerCase(java.util.Locale.ROOT), value));
    return row;
  }

  static Map<String, Object> form(Object... keyValues) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      Object value = keyValues[i + 1];
      variables.put((String) keyValues[i], Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String"));
    }
    return Map.of("variables", variables);
  }

  @Test
  void theRequesterAnswersInTasklistAndTheManagersSeeIt() {
    Http http = new Http(port);
    JsonNode before = colaboraFigures(http);
    String source = endedColabora();
    Task survey = surveyOf(source);

    assertThat(survey.getAssignee()).isEqualTo(REQUESTER);
    assertThat(survey.getName()).isEqualTo("Encuesta de satisfacción: Colabora: usuario máster y servicios de la PIDE");
    assertThat(survey.getTenantId()).isEqualTo(Actors.MUNI_RUC);

    // as Tasklist submits the form: refused when neither a score nor "prefer not to answer"
    String asRequester = Http.basic(REQUESTER, "demo");
    String submit = "/engine-rest/task/" + survey.getId() + "/submit-form";
    Http.Response empty = http.postJson(submit, asRequester, form("comment", "Sin calificación"));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().path("message").asText())
        .contains("Calificación: elija de 1 a 5, o marque «Prefiero no responder».");
    Http.Response outOfRange = http.postJson(submit, asRequester, form("score", "7"));
    assertThat(outOfRange.json().path("message").asText()).contains("Calificación: debe ser un número del 1 al 5.");
    Http.Response tooLong = http.postJson(submit, asRequester, form("score", "4", "comment", "x".repeat(1001)));
    assertThat(tooLong.json().path("message").asText()).contains("Comentario: no debe superar 1000 caracteres (tiene 1001)");
    assertThat(row(source)).as("nada guardado de los intentos rechazados").isNull();
    assertThat(tasks.createTaskQuery().taskId(survey.getId()).count()).isOne();

    // another entity's user cannot answer it
    assertThat(http.postJson(submit, Http.basic("muni.mesapartes", "demo"), form("score", "1")).status())
        .isIn(403, 404);

    Http.Response answered = http.postJson(submit, asRequester,
        form("score", "4", "comment", "Atención rápida; el motivo del rechazo fue claro."));
    assertThat(answered.status()).as(answered.body()).isIn(200, 204);
    assertThat(row(source)).containsEntry("outcome", "ANSWERED")
        .containsEntry("comment_text", "Atención rápida; el motivo del rechazo fue claro.")
        .containsEntry("entity_ruc", Actors.MUNI_RUC).containsEntry("user_id", REQUESTER)
        .containsEntry("procedure_key", "colabora-usuario-maestro");
    assertThat(((Number) row(source).get("score")).intValue()).isEqualTo(4);

    // the managers' figures (metrics API behind Cockpit's view) counted it, with its comment
    JsonNode after = colaboraFigures(http);
    assertThat(after.path("respondidas").asLong()).isEqualTo(before.path("respondidas").asLong() + 1);
    assertThat(after.path("distribucion").get(3).asLong()).isEqualTo(before.path("distribucion").get(3).asLong() + 1);
    assertThat(after.path("promedio").isNumber()).isTrue();
    JsonNode report = http.get("/api/metricas/procesos", MANAGER).json();
    List<String> comments = report.findValuesAsText("comentario");
    assertThat(comments).contains("Atención rápida; el motivo del rechazo fue claro.");

    // and Prometheus, per procedure and entity
    String scrape = http.get("/actuator/prometheus", MANAGER).body();
    assertThat(scrape).containsPattern("plataforma_satisfaccion_promedio\\{entidad=\"" + Actors.MUNI_RUC
        + "\",proceso=\"colabora-usuario-maestro\"} [1-5]\\.\\d+");
    assertThat(scrape).containsPattern("plataforma_satisfaccion_respuestas\\{entidad=\"" + Actors.MUNI_RUC
        + "\",proceso=\"colabora-usuario-maestro\"} [1-9]");
  }

  JsonNode colaboraFigures(Http http) {
    JsonNode report = http.get("/api/metricas/procesos", MANAGER).json();
    for (JsonNode procedure : report.path("satisfaccion")) {
      if (procedure.path("proceso").asText().equals("colabora-usuario-maestro")) {
        for (JsonNode entity : procedure.path("entidades")) {
          if (Actors.MUNI_RUC.equals(entity.path("entidad").asText())) {
            return entity.path("cifras");
          }
        }
      }
    }
    return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("respondidas", 0)
        .set("distribucion", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(List.of(0, 0, 0, 0, 0)));
  }

  @Test
  void declinedAndExpiredSurveysAreRecordedOnceWithoutAScore() {
    String declined = endedColabora();
    Task survey = surveyOf(declined);
    colabora.complete(REQUESTER, survey, Map.of("declined", true));
    assertThat(row(declined)).containsEntry("outcome", "DECLINED").containsEntry("score", null);

    String expired = endedColabora();
    Task open = surveyOf(expired);
    Job timer = management.createJobQuery().processInstanceId(open.getProcessInstanceId()).timers().singleResult();
    // due after platform.survey.expires-after (15 days by default)
    assertThat(timer.getDuedate().getTime() - System.currentTimeMillis())
        .isBetween(14L * 86_400_000L, 15L * 86_400_000L + 60_000L);
    management.executeJob(timer.getId());
    assertThat(tasks.createTaskQuery().taskId(open.getId()).count()).isZero();
    assertThat(row(expired)).containsEntry("outcome", "EXPIRED").containsEntry("score", null);
  }

  @Test
  void aDeletedProcedureOffersNoSurvey() {
    ProcessInstance pi = colabora.start(colabora.request("OTRO", colabora.signedA3()));
    runtime.deleteProcessInstance(pi.getId(), "retirada en la prueba");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SurveyStarter.PROCESS_KEY)
        .processInstanceBusinessKey(pi.getId()).count()).isZero();
  }
}

package pe.gob.pcm.platform.tramite;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.gob.pcm.platform.tramite.dispatch.DispatchProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TestPki;

/**
 * The whole loop between the two demo entities through the local PIDE, over real HTTP:
 * CUO, send, receive, register, signed cargo back, sender at R; and observe-and-correct.
 */
@PlatformTest
class DocumentExchangeIT {

  static final String SENDER = Dispatches.SENDER;
  static final String RECEIVER = Dispatches.RECEIVER;

  @LocalServerPort int port;
  @Autowired Dispatches dispatches;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired DocumentStore documents;
  @Autowired JdbcTemplate jdbc;
  @Autowired Actors actors;
  @Autowired pe.gob.pcm.platform.calendar.BusinessCalendar calendar;
  @Autowired pe.gob.pcm.platform.pide.local.LocalPideAvailability pide;

  @Test
  void aDocumentTravelsToTheOtherEntityAndItsSignedCargoComesBack() {
    ProcessInstance dispatch = dispatches.send("OFICIO N° 001-2026-MDE/GM");
    dispatches.drain(dispatch.getId());

    Map<String, Object> outgoing = outgoing(dispatch.getId());
    String cuo = (String) outgoing.get("vcuo");
    assertThat(cuo).matches("\\d{10}");
    assertThat(outgoing.get("cflgest")).isEqualTo("E");
    assertThat(waitingAt(dispatch.getId())).isEqualTo("Task_AwaitCargo");
    Map<String, Object> incoming = jdbc.queryForMap("SELECT * FROM iotdtc_recepcion WHERE vcuo = ?", cuo);
    assertThat(incoming.get("vrucentrec")).isEqualTo(Actors.PCM_RUC);
    assertThat(incoming.get("vrucentrem")).isEqualTo(Actors.MUNI_RUC);

    decide(cuo, Map.of("receptionDecision", "REGISTRAR", "receptionUnit", "SECRETARÍA GENERAL"));
    dispatches.drain((String) incoming.get("process_instance_id"));

    Map<String, Object> done = outgoing(dispatch.getId());
    assertThat(done.get("cflgest")).isEqualTo("R");
    assertThat(done.get("vnumregstd")).isNotNull();
    assertThat(done.get("vuniorgstd")).isEqualTo("SECRETARÍA GENERAL");
    assertThat(done.get("vusuregstd")).isEqualTo(RECEIVER);
    assertThat(done.get("cargo_signature")).isEqualTo("VALID");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(dispatch.getId())
        .activityId("EndEvent_Received").finished().count()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId((String) incoming.get("process_instance_id")).count()).isZero();

    // the same cargo again is refused and changes nothing
    Http.Response repeated = new Http(port).soap("/wsiotramite/Tramite", Envelopes.cargo(cuo));
    assertThat(repeated.body()).contains("<vcodres>-1</vcodres>").contains("EL CARGO YA SE ENCUENTRA REGISTRADO");
  }

  @Test
  void anObservedDocumentIsCorrectedWithANewCuoThatRefersToIt() {
    ProcessInstance dispatch = dispatches.send("OFICIO N° 002-2026-MDE/GM");
    dispatches.drain(dispatch.getId());
    String observedCuo = (String) outgoing(dispatch.getId()).get("vcuo");
    String receptionPid = jdbc.queryForObject("SELECT process_instance_id FROM iotdtc_recepcion WHERE vcuo = ?",
        String.class, observedCuo);

    decide(observedCuo, Map.of("receptionDecision", "OBSERVAR", "receptionObservation", "Falta la firma del gerente."));
    dispatches.drain(receptionPid);

    assertThat(waitingAt(dispatch.getId())).isEqualTo("Task_CorrectObserved");
    Task correction = tasks.createTaskQuery().processInstanceId(dispatch.getId()).singleResult();
    assertThat(correction.getAssignee()).isEqualTo(SENDER);
    assertThat(tasks.getVariable(correction.getId(), CARGO_OBSERVATION)).isEqualTo("Falta la firma del gerente.");

    String corrected = dispatches.upload("oficio-002-corregido.pdf");
    actors.as(SENDER, () -> tasks.complete(correction.getId(), Map.of(MAIN_DOCUMENT, corrected,
        DOCUMENT_NUMBER, "OFICIO N° 002-2026-MDE/GM (subsanado)", SUBJECT, "Remite documento subsanado")));
    dispatches.drain(dispatch.getId());

    assertThat(jdbc.queryForObject("SELECT cflgest FROM iotdtc_despacho WHERE vcuo = ?", String.class, observedCuo))
        .isEqualTo("S");
    Map<String, Object> resent = outgoing(dispatch.getId());
    assertThat(resent.get("vcuoref")).isEqualTo(observedCuo);
    assertThat(resent.get("vcuo")).isNotEqualTo(observedCuo);
    assertThat(resent.get("cflgest")).isEqualTo("E");
    assertThat(jdbc.queryForObject("SELECT vcuoref FROM iotdtc_recepcion WHERE vcuo = ?", String.class, resent.get("vcuo")))
        .isEqualTo(observedCuo);
  }

  @Test
  void aDestinationThePideDoesNotListIsRefusedAtTheForm() {
    Map<String, Object> vars = dispatches.request("OFICIO N° 003-2026-MDE/GM");
    vars.put(DESTINATION_RUC, "20131377224"); // a valid RUC the PIDE's directory does not know

    pe.gob.pcm.platform.support.Refusals.assertRefused(() -> dispatches.sendWith(vars),
        "RUC de la entidad destinataria: la entidad no está registrada en la PIDE para interoperar.");
  }

  @Test
  void aRefusalByThePideGoesBackToTheSenderWhoCorrectsAndResends() {
    Map<String, Object> vars = dispatches.request("OFICIO N° 007-2026-MDE/GM");
    var user = actors.user(SENDER);
    // starts like a PDF, but no reader can open it: the PIDE refuses it (0003), as the receiver would
    vars.put(MAIN_DOCUMENT, documents.storePdf(user.id(), user.entityRuc(), "roto.pdf",
        ("%PDF-1.4 " + System.nanoTime() + " sin contenido").getBytes()).id());
    ProcessInstance dispatch = dispatches.sendWith(vars);
    dispatches.drain(dispatch.getId());

    assertThat(waitingAt(dispatch.getId())).isEqualTo("Task_CorrectRefused");
    assertThat((String) runtime.getVariable(dispatch.getId(), PIDE_MESSAGE))
        .contains("(0003)").contains("bpdfdoc (PDF del documento): no es un PDF legible");
    assertThat(outgoing(dispatch.getId()).get("cflgest")).isEqualTo("P");

    Task correction = tasks.createTaskQuery().processInstanceId(dispatch.getId()).singleResult();
    String fixed = dispatches.upload("oficio-007.pdf");
    actors.as(SENDER, () -> tasks.complete(correction.getId(), Map.of(MAIN_DOCUMENT, fixed,
        DOCUMENT_NUMBER, "OFICIO N° 007-2026-MDE/GM", SUBJECT, "Asunto corregido")));
    dispatches.drain(dispatch.getId());

    assertThat(waitingAt(dispatch.getId())).isEqualTo("Task_AwaitCargo");
    assertThat(outgoing(dispatch.getId()).get("cflgest")).isEqualTo("E");
    assertThat(outgoing(dispatch.getId()).get("vasu")).isEqualTo("Asunto corregido");
  }

  @Test
  void theDocumentFormOffersThePidesEntitiesOfTheCategoryAndItsDocumentTypes() {
    ProcessInstance dispatch = actors.as(SENDER,
        () -> runtime.startProcessInstanceByKey(KEY, Map.of("destinationCategory", "1")));
    Task prepare = tasks.createTaskQuery().processInstanceId(dispatch.getId()).singleResult();

    assertThat(prepare.getTaskDefinitionKey()).isEqualTo("Task_PrepareDocument");
    assertThat(prepare.getAssignee()).isEqualTo(SENDER);
    String entities = runtime.getVariableTyped(dispatch.getId(), "entityOptions").getValue().toString();
    assertThat(entities).contains("\"value\":\"" + Actors.PCM_RUC + "\"").contains("Presidencia del Consejo de Ministros")
        .doesNotContain(Actors.MUNI_RUC);
    assertThat(runtime.getVariableTyped(dispatch.getId(), "documentTypeOptions").getValue().toString())
        .contains("\"label\":\"Oficio\"").contains("\"value\":\"01\"");
    // a category with no entity to send to is refused at once, nothing left behind
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
    pe.gob.pcm.platform.support.Refusals.assertRefused(() -> actors.as(SENDER,
        () -> runtime.startProcessInstanceByKey(KEY, Map.of("destinationCategory", "3"))),
        "la PIDE no informa entidades de esa categoría");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
  }

  @Test
  void thePidesEntitiesAreListedByCategory() {
    Http http = new Http(port);
    Http.Response municipalities = http.get("/api/pide/entidades?categoria=8", Http.basic(SENDER, "demo"));
    assertThat(municipalities.status()).isEqualTo(200);
    assertThat(municipalities.json().findValuesAsText("ruc")).containsExactly(Actors.MUNI_RUC);
    assertThat(http.get("/api/pide/entidades?categoria=1", Http.basic(SENDER, "demo")).json().findValuesAsText("ruc"))
        .containsExactly(Actors.PCM_RUC);
    assertThat(http.get("/api/pide/entidades?categoria=9", Http.basic(SENDER, "demo")).status()).isEqualTo(400);
    assertThat(http.get("/api/pide/entidades?categoria=8", null).status()).isEqualTo(401);
  }

  @Test
  void aCargoSentWhileThePideIsDownIsRetriedAndDeliveredOnceItIsBack() {
    ProcessInstance dispatch = dispatches.send("OFICIO N° 004-2026-MDE/GM");
    dispatches.drain(dispatch.getId());
    String cuo = (String) outgoing(dispatch.getId()).get("vcuo");
    String receptionPid = jdbc.queryForObject("SELECT process_instance_id FROM iotdtc_recepcion WHERE vcuo = ?",
        String.class, cuo);
    decide(cuo, Map.of("receptionDecision", "REGISTRAR", "receptionUnit", "SECRETARÍA GENERAL"));

    pide.setAvailable(false);
    try {
      management.executeJob(management.createJobQuery().processInstanceId(receptionPid).activityId("Task_IssueCargo")
          .singleResult().getId());
      Job sendCargo = management.createJobQuery().processInstanceId(receptionPid).activityId("Task_SendCargo").singleResult();
      for (int attempt = 0; attempt < 5; attempt++) {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> management.executeJob(sendCargo.getId())))
            .hasMessageContaining("PIDE no disponible");
      }
      var incident = runtime.createIncidentQuery().processInstanceId(receptionPid).singleResult();
      assertThat(incident.getActivityId()).isEqualTo("Task_SendCargo");
      assertThat(outgoing(dispatch.getId()).get("cflgest")).isEqualTo("E");
    } finally {
      pide.setAvailable(true);
    }

    // an operator retries the incident (Cockpit's "Retry"), as it would once the PIDE is back
    Job sendCargo = management.createJobQuery().processInstanceId(receptionPid).activityId("Task_SendCargo").singleResult();
    management.setJobRetries(sendCargo.getId(), 1);
    management.executeJob(sendCargo.getId());

    assertThat(outgoing(dispatch.getId()).get("cflgest")).isEqualTo("R");
    assertThat(runtime.createIncidentQuery().processInstanceId(receptionPid).count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(dispatch.getId()).count()).isZero();
  }

  @Test
  void noCargoInTimeQueriesTheStatusAndAsksTheSenderToFollowUpWhileStillWaiting() {
    ProcessInstance dispatch = dispatches.send("OFICIO N° 005-2026-MDE/GM");
    dispatches.drain(dispatch.getId());
    Job timer = management.createJobQuery().processInstanceId(dispatch.getId()).timers().singleResult();
    java.time.ZoneId lima = java.time.ZoneId.of("America/Lima");
    assertThat(timer.getDuedate().toInstant().atZone(lima).toLocalDate())
        .isEqualTo(calendar.addWorkingDays(java.time.LocalDate.now(lima), 5));

    management.executeJob(timer.getId());

    Task followUp = tasks.createTaskQuery().processInstanceId(dispatch.getId()).taskDefinitionKey("Task_FollowUp").singleResult();
    assertThat(followUp.getAssignee()).isEqualTo(SENDER);
    assertThat((String) tasks.getVariable(followUp.getId(), "dispatchStatus"))
        .contains("estado P").contains("pendiente de recepción");
    assertThat(runtime.getActiveActivityIds(dispatch.getId())).contains("Task_AwaitCargo", "Task_FollowUp");
  }

  @Test
  void annexesAreServedByTheSenderBehindATokenAndFetchedByTheReceiver() {
    Map<String, Object> vars = dispatches.request("OFICIO N° 006-2026-MDE/GM");
    String annex1 = dispatches.upload("informe-tecnico.pdf");
    String annex2 = dispatches.upload("organigrama.pdf");
    vars.put(ANNEXES, annex1 + ", " + annex2);
    ProcessInstance dispatch = dispatches.sendWith(vars);
    dispatches.drain(dispatch.getId());
    String cuo = (String) outgoing(dispatch.getId()).get("vcuo");
    Map<String, Object> incoming = jdbc.queryForMap("SELECT r.process_instance_id, d.vurldocanx, d.snumanx"
        + " FROM iotdtc_recepcion r JOIN iotdtm_doc_externo d ON d.recepcion_id = r.id WHERE r.vcuo = ?", cuo);
    String url = (String) incoming.get("vurldocanx");
    assertThat(incoming.get("snumanx")).isEqualTo(2);
    assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/anexos/[0-9a-f]{48}");

    dispatches.drain((String) incoming.get("process_instance_id"));

    assertThat(jdbc.queryForList("SELECT doc.sha256 FROM iotdtd_anexo a JOIN iotdtm_doc_externo d ON d.id = a.doc_externo_id"
        + " JOIN iotdtc_recepcion r ON r.id = d.recepcion_id JOIN document doc ON doc.id = a.document_id"
        + " WHERE r.vcuo = ? ORDER BY a.orden", String.class, cuo))
        .containsExactly(documents.find(annex1).orElseThrow().sha256(), documents.find(annex2).orElseThrow().sha256());
    Http http = new Http(port);
    String path = url.substring(url.indexOf("/anexos/"));
    assertThat(http.get(path + "?cuo=" + cuo + "&nombre=organigrama.pdf", null).status()).isEqualTo(200);
    assertThat(http.get(path + "?cuo=0000000000&nombre=organigrama.pdf", null).status()).isEqualTo(404);
    assertThat(http.get("/anexos/" + "0".repeat(48) + "?cuo=" + cuo + "&nombre=organigrama.pdf", null).status()).isEqualTo(404);
  }

  // ---- helpers

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

  private String waitingAt(String processInstanceId) {
    return runtime.getActiveActivityIds(processInstanceId).get(0);
  }
}

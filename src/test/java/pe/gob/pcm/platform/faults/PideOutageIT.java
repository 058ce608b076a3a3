package pe.gob.pcm.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.gob.pcm.platform.faults.ClusterIT.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pe.gob.pcm.platform.support.NodeDatabase;
import pe.gob.pcm.platform.support.PlatformNode;
import pe.gob.pcm.platform.support.TcpProxy;

/**
 * PIDE outage: the platform reaches the PIDE (CUO, document sends, cargo sends) through a TCP
 * proxy the test cuts. Documents go from the demo municipality to the PCM, both on the node.
 * While the PIDE is unreachable the jobs fail, are retried on the configured cycle
 * (platform.pide.retry-cycle) and, when the retries run out, show as incidents; nothing reaches
 * the receiver. Once the PIDE is back, an operator retries the incidents (Cockpit's «Retry»: job
 * retries set again) and everything is delivered: every document received once at the PCM, every
 * cargo once at the municipality.
 */
class PideOutageIT {

  static final int PORT = 18320;
  static final int PROXY = 18321;
  static final int BATCH = 10;

  private PlatformNode node;
  private TcpProxy proxy;

  @AfterEach
  void tearDown() {
    if (node != null) {
      node.kill();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void dispatchesAndCargosWaitOutAnOutageAsIncidentsAndAreDeliveredOnceAfterwards() throws Exception {
    NodeDatabase database = NodeDatabase.fresh("pide-outage");
    proxy = new TcpProxy(PROXY, PORT).restore();
    String pide = "http://127.0.0.1:" + PROXY + "/pide/";
    node = new PlatformNode("pide-outage", PORT, database)
        .with("platform.pide.tramite-url", pide + "PcmIMgdTramite")
        .with("platform.pide.cuo-url", pide + "PcmCuo")
        .with("platform.pide.entidad-url", pide + "PcmIMgdEntidad")
        .with("platform.pide.connect-timeout", "2s")
        .with("platform.pide.retry-cycle", "R3/PT2S")
        .with("camunda.bpm.job-execution.wait-time-in-millis", 500)
        .with("camunda.bpm.job-execution.max-wait", 2000)
        .start();
    NodeClient client = new NodeClient(node.base());

    // batch A is sent before the outage; batch B waits in its Prepare task
    List<String> batchA = new ArrayList<>();
    List<String> batchB = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      batchA.add(Tramites.startDispatch(client, Tramites.MUNI_DESK, "1"));
      batchB.add(Tramites.startDispatch(client, Tramites.MUNI_DESK, "1"));
    }
    for (int i = 0; i < BATCH; i++) {
      Tramites.prepareDispatch(client, Tramites.MUNI_DESK, batchA.get(i), Tramites.PCM_RUC, "OFICIO N° A" + i);
    }
    await(Duration.ofMinutes(3), "lote A recibido por la PCM", () -> receptionTasks(client) == BATCH);
    List<String> cuosA = businessKeys(client);

    proxy.cut();
    Instant cut = Instant.now();
    for (int i = 0; i < BATCH; i++) {
      Tramites.prepareDispatch(client, Tramites.MUNI_DESK, batchB.get(i), Tramites.PCM_RUC, "OFICIO N° B" + i);
    }
    for (String cuo : cuosA) {
      assertThat(Tramites.register(client, Tramites.PCM_DESK, cuo)).isTrue();
    }
    await(Duration.ofMinutes(3), "incidentes por la caída", () -> Tramites.incidents(client) == 2 * BATCH);
    double secondsToIncidents = Duration.between(cut, Instant.now()).toMillis() / 1000.0;
    JsonNode incidents = Tramites.ok(client.get("/engine-rest/incident?maxResults=1000", NodeClient.ADMIN)).json();
    Map<String, Long> byActivity = new java.util.TreeMap<>();
    incidents.forEach(incident -> byActivity.merge(incident.path("activityId").asText(), 1L, Long::sum));
    assertThat(byActivity).isEqualTo(Map.of("Task_RequestCuo", (long) BATCH, "Task_SendCargo", (long) BATCH));
    incidents.forEach(incident -> assertThat(incident.path("incidentType").asText()).isEqualTo("failedJob"));
    // what was attempted during the outage: retried on the cycle, nothing reached the other side
    long failedAttempts = Tramites.ok(client.get("/engine-rest/history/job-log/count?failureLog=true", NodeClient.ADMIN))
        .json().path("count").asLong();
    assertThat(failedAttempts).as("intentos fallidos: cada trabajo se reintentó").isGreaterThanOrEqualTo(2L * BATCH * 2);
    assertThat(receptionTasks(client)).as("el lote B no llegó").isZero();
    assertThat(finishedDispatches(client)).as("ningún cargo llegó").isZero();

    proxy.restore();
    // the operator retries each incident, as Cockpit's «Retry» does
    for (JsonNode incident : incidents) {
      Tramites.ok(client.put("/engine-rest/job/" + incident.path("configuration").asText() + "/retries",
          NodeClient.ADMIN, Map.of("retries", 1)));
    }
    await(Duration.ofMinutes(3), "lote B recibido por la PCM", () -> receptionTasks(client) == BATCH);
    for (String cuo : businessKeys(client)) {
      assertThat(Tramites.register(client, Tramites.PCM_DESK, cuo)).isTrue();
    }
    await(Duration.ofMinutes(3), "todos los cargos entregados", () -> finishedDispatches(client) == 2 * BATCH
        && Tramites.tramiteJobs(client) == 0);
    assertThat(Tramites.incidents(client)).isZero();
    node.stop();

    // the receiving sides: each document once at the PCM, each cargo once at the municipality
    List<String> relayed = relayedDocuments();
    database.query(jdbc -> {
      List<Map<String, Object>> dispatches = jdbc.queryForList("SELECT d.vcuo, d.cflgest,"
          + " (SELECT COUNT(*) FROM iotdtc_recepcion r WHERE r.vcuo = d.vcuo AND r.vrucentrec = ?) AS received,"
          + " (SELECT COUNT(*) FROM document c WHERE c.file_name = 'cargo-' || d.vcuo || '.pdf'"
          + "   AND c.tenant_id = ? AND c.uploaded_by = 'mesa-partes-virtual') AS issued,"
          + " (SELECT COUNT(*) FROM document c WHERE c.file_name = 'cargo-' || d.vcuo || '.pdf'"
          + "   AND c.tenant_id = ? AND c.uploaded_by = 'wsiotramite') AS cargos"
          + " FROM iotdtc_despacho d", Tramites.PCM_RUC, Tramites.PCM_RUC, Tramites.MUNI_RUC);
      assertThat(dispatches).hasSize(2 * BATCH);
      for (Map<String, Object> d : dispatches) {
        String cuo = (String) d.get("vcuo");
        assertThat(d.get("cflgest")).as("estado de " + cuo).isEqualTo("R");
        assertThat(((Number) d.get("received")).intValue()).as("recibido " + cuo).isEqualTo(1);
        assertThat(((Number) d.get("issued")).intValue()).as("cargo emitido por la PCM para " + cuo).isEqualTo(1);
        assertThat(((Number) d.get("cargos")).intValue()).as("cargo recibido por la municipalidad para " + cuo).isEqualTo(1);
        assertThat(relayed.stream().filter(cuo::equals).count()).as("entregas de " + cuo + " por la PIDE").isEqualTo(1);
      }
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM iotdtc_recepcion", Integer.class)).isEqualTo(2 * BATCH);
      return null;
    });

    new Figures("PideOutageIT").put("envios", 2 * BATCH).put("cargos", 2 * BATCH)
        .put("incidentes", byActivity).put("intentos_fallidos", failedAttempts)
        .put("s_hasta_incidentes", secondsToIncidents).put("entregas_PIDE", relayed.size())
        .put("arranque_s", node.startSeconds()).report();
  }

  private static long receptionTasks(NodeClient client) {
    return Tramites.ok(client.get("/engine-rest/task/count?taskDefinitionKey=Task_ReceiveDocument",
        NodeClient.ADMIN)).json().path("count").asLong();
  }

  /** CUOs of the documents waiting at the PCM's Mesa de Partes. */
  private static List<String> businessKeys(NodeClient client) {
    JsonNode instances = Tramites.ok(client.get("/engine-rest/process-instance?processDefinitionKey=tramite-recepcion"
        + "&activityIdIn=Task_ReceiveDocument&maxResults=1000", NodeClient.ADMIN)).json();
    List<String> keys = new ArrayList<>();
    instances.forEach(i -> keys.add(i.path("businessKey").asText()));
    return keys;
  }

  private static long finishedDispatches(NodeClient client) {
    return Tramites.ok(client.get("/engine-rest/history/process-instance/count?processDefinitionKey=tramite-despacho"
        + "&finished=true", NodeClient.ADMIN)).json().path("count").asLong();
  }

  /** Every document the local PIDE relayed to the receiver, from its log line. */
  private List<String> relayedDocuments() throws Exception {
    Matcher m = Pattern.compile("PIDE local: documento CUO (\\d{10}) ")
        .matcher(Files.readString(Path.of("target", "faults", "pide-outage", "node.log"), StandardCharsets.UTF_8));
    List<String> cuos = new ArrayList<>();
    while (m.find()) {
      cuos.add(m.group(1));
    }
    return cuos;
  }
}

package pe.gob.pcm.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pe.gob.pcm.platform.support.NodeDatabase;
import pe.gob.pcm.platform.support.PlatformNode;
import pe.gob.pcm.platform.support.TestProfiles;

/**
 * Two platform nodes on one PostgreSQL database, each with its job executor on: Camunda's own
 * cluster model. Documents from a remote entity are registered by Mesa de Partes, and each
 * signed cargo goes back through the PIDE as two jobs (issue, send); documents sent to the remote
 * entity wait for their cargo under a timer, which fires (due date moved to now, as time passing
 * would) and queries the status through the PIDE. The remote entity counts what reaches it:
 * every cargo, document and status query exactly once. Node B is stopped (SIGTERM) in the middle
 * of the cargo sends; node A finishes everything, including the jobs B had acquired.
 */
class ClusterIT {

  static final int PORT_A = 18340;
  static final int PORT_B = 18341;
  static final int PORT_REMOTE = 18342;
  static final int RECEPTIONS = Integer.getInteger("faults.cluster.receptions", 200);
  static final int DISPATCHES = Integer.getInteger("faults.cluster.dispatches", 100);
  static final int LOCK_TIME_MS = 20_000;

  private PlatformNode a;
  private PlatformNode b;
  private RemoteEntity remote;
  private ExecutorService pool;

  @AfterEach
  void tearDown() {
    if (pool != null) {
      pool.shutdownNow();
    }
    if (b != null) {
      b.kill();
    }
    if (a != null) {
      a.kill();
    }
    if (remote != null) {
      remote.close();
    }
  }

  @Test
  void twoNodesRunEveryJobOnceAndOneFinishesWhatTheOtherLeft() throws Exception {
    assumeTrue(TestProfiles.onPostgres(), "el clúster necesita PostgreSQL (-Dplatform.test.db=postgres)");
    NodeDatabase database = NodeDatabase.fresh("cluster");
    remote = new RemoteEntity(PORT_REMOTE);
    // one after the other: the first creates the schema
    a = node("nodo-a", PORT_A, database).start();
    b = node("nodo-b", PORT_B, database).start();
    NodeClient clientA = new NodeClient(a.base());
    NodeClient clientB = new NodeClient(b.base());
    pool = Executors.newFixedThreadPool(4);
    Set<String> down = ConcurrentHashMap.newKeySet();
    Instant workStarted = Instant.now();

    // documents from the remote entity, half through each node
    List<String> received = run(RECEPTIONS, i -> Tramites.receive(clientA, i % 2 == 0 ? clientA : clientB, RemoteEntity.RUC));

    // documents to the remote entity: Tasklist's two steps, half on each node; the job executors send them
    List<String> dispatches = run(DISPATCHES, i -> {
      NodeClient node = i % 2 == 0 ? clientA : clientB;
      String pid = Tramites.startDispatch(node, Tramites.MUNI_DESK, "1");
      Tramites.prepareDispatch(node, Tramites.MUNI_DESK, pid, RemoteEntity.RUC, "OFICIO N° " + i + "-2026-MDE/GM");
      return pid;
    });
    await(Duration.ofMinutes(4), "documentos enviados, esperando su cargo", () -> remote.total("recepcionarTramiteResponse") >= DISPATCHES
        && Tramites.jobs(clientA, "?timers=true&processDefinitionKey=tramite-despacho") >= DISPATCHES);

    // time passes: every cargo deadline is due now
    JsonNode timers = Tramites.ok(clientA.get("/engine-rest/job?timers=true&processDefinitionKey=tramite-despacho"
        + "&maxResults=10000", NodeClient.ADMIN)).json();
    assertThat(timers).hasSize(DISPATCHES);
    for (JsonNode timer : timers) {
      Tramites.ok(clientA.put("/engine-rest/job/" + timer.path("id").asText() + "/duedate", NodeClient.ADMIN,
          Map.of("duedate", "2020-01-01T00:00:00.000-0500")));
    }

    // Mesa de Partes registers every document; B is stopped while the cargos are being sent
    AtomicLong jobsLeftOnStop = new AtomicLong(-1);
    AtomicLong cargosOnStop = new AtomicLong(-1);
    Thread stopper = new Thread(() -> {
      await(Duration.ofMinutes(6), "primeros cargos", () -> remote.total("cargoResponse") >= RECEPTIONS / 3);
      down.add("b");
      jobsLeftOnStop.set(Tramites.tramiteJobs(clientA));
      cargosOnStop.set(remote.total("cargoResponse"));
      b.stop();
    }, "stopper");
    stopper.start();
    run(RECEPTIONS, i -> {
      String cuo = received.get(i);
      NodeClient node = i % 2 == 1 && !down.contains("b") ? clientB : clientA;
      try {
        Tramites.register(node, Tramites.MUNI_DESK, cuo);
      } catch (NodeClient.NoAnswer | AssertionError failed) {
        if (node == clientA || !down.contains("b")) {
          throw failed; // not B going down: a real refusal (e.g. two first registrations of the year at once)
        }
        // B stopped under this call: whatever it did is committed or not; A finishes it
        Tramites.register(clientA, Tramites.MUNI_DESK, cuo);
      }
      return cuo;
    });
    stopper.join(Duration.ofMinutes(7).toMillis());
    assertThat(b.alive()).as("B se detuvo").isFalse();

    await(Duration.ofMinutes(5), "A termina el trabajo", () -> remote.total("cargoResponse") >= RECEPTIONS
        && remote.total("consultarTramiteResponse") >= DISPATCHES && Tramites.tramiteJobs(clientA) == 0);
    double workSeconds = Duration.between(workStarted, Instant.now()).toMillis() / 1000.0;
    assertThat(Tramites.incidents(clientA)).isZero();
    a.stop();

    // the receiving side: everything once, nothing else
    assertThat(remote.calls("cargoResponse")).as("cargos recibidos por CUO")
        .containsOnlyKeys(received).allSatisfy((cuo, n) -> assertThat(n).as("cargo " + cuo).isEqualTo(1));
    List<String> dispatchCuos = database.query(jdbc -> jdbc.queryForList(
        "SELECT vcuo FROM iotdtc_despacho WHERE vrucentrec = ?", String.class, RemoteEntity.RUC));
    assertThat(dispatchCuos).hasSize(DISPATCHES);
    assertThat(remote.calls("recepcionarTramiteResponse")).as("documentos recibidos por CUO")
        .containsOnlyKeys(dispatchCuos).allSatisfy((cuo, n) -> assertThat(n).as("documento " + cuo).isEqualTo(1));
    assertThat(remote.calls("consultarTramiteResponse")).as("consultas por CUO")
        .containsOnlyKeys(dispatchCuos).allSatisfy((cuo, n) -> assertThat(n).as("consulta " + cuo).isEqualTo(1));
    assertThat(remote.calls("desconocida")).isEmpty();

    Map<String, Object> byNode = database.query(jdbc -> {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'tramite-recepcion'"
          + " AND (end_time_ IS NULL OR end_act_id_ <> 'EndEvent_CargoIssued')", Integer.class)).as("recepciones sin terminar").isZero();
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'Task_FollowUp'", Integer.class))
          .as("seguimientos creados por los temporizadores").isEqualTo(DISPATCHES);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE process_instance_id_ IS NOT NULL", Integer.class)).isZero();
      // the processes' jobs only: the history cleanup job is "ever-living" (one id, run again and again while
      // its batch window, 01:00-05:00, is open), so its successes repeat by design
      assertThat(jdbc.queryForList("SELECT job_id_ FROM act_hi_job_log WHERE job_state_ = 2"
          + " AND process_instance_id_ IS NOT NULL GROUP BY job_id_ HAVING COUNT(*) > 1", String.class))
          .as("trabajos completados dos veces").isEmpty();
      Map<String, Object> counts = new java.util.TreeMap<>();
      jdbc.queryForList("SELECT hostname_, COUNT(*) AS n FROM act_hi_job_log WHERE job_state_ = 2"
          + " AND process_instance_id_ IS NOT NULL GROUP BY hostname_")
          .forEach(row -> counts.put(String.valueOf(row.get("hostname_")), row.get("n")));
      counts.put("fallidos", jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 1"
          + " AND process_instance_id_ IS NOT NULL", Integer.class));
      return counts;
    });
    assertThat(byNode).as("trabajos por nodo").containsKeys("nodo-a", "nodo-b");
    assertThat(((Number) byNode.get("nodo-b")).intValue()).isPositive();
    assertThat(jobsLeftOnStop.get()).as("trabajo pendiente al detener B").isPositive();

    new Figures("ClusterIT").put("recepciones", RECEPTIONS).put("despachos", DISPATCHES)
        .put("trabajos_ok_por_nodo", byNode).put("trabajos_pendientes_al_detener_B", jobsLeftOnStop.get())
        .put("cargos_al_detener_B", cargosOnStop.get())
        .put("cargos", remote.total("cargoResponse")).put("consultas", remote.total("consultarTramiteResponse"))
        .put("segundos_de_trabajo", workSeconds)
        .put("arranque_A_s", a.startSeconds()).put("arranque_B_s", b.startSeconds()).report();
  }

  private PlatformNode node(String name, int port, NodeDatabase database) {
    String pide = "http://127.0.0.1:" + PORT_A + "/pide/";
    return new PlatformNode(name, port, database)
        // one PIDE for both (A's local one), as the real PIDE is one service outside the cluster
        .with("platform.pide.tramite-url", pide + "PcmIMgdTramite")
        .with("platform.pide.cuo-url", pide + "PcmCuo")
        .with("platform.pide.entidad-url", pide + "PcmIMgdEntidad")
        .with("platform.pide.retry-cycle", "R5/PT5S")
        .with("platform.pide.local.directory[0].ruc", Tramites.PCM_RUC)
        .with("platform.pide.local.directory[0].name", "Presidencia del Consejo de Ministros")
        .with("platform.pide.local.directory[0].category", 1)
        .with("platform.pide.local.directory[1].ruc", Tramites.MUNI_RUC)
        .with("platform.pide.local.directory[1].name", "Municipalidad Distrital de Ejemplo")
        .with("platform.pide.local.directory[1].category", 8)
        .with("platform.pide.local.directory[2].ruc", RemoteEntity.RUC)
        .with("platform.pide.local.directory[2].name", "Entidad remota de prueba")
        .with("platform.pide.local.directory[2].category", 1)
        .with("platform.pide.local.directory[2].url", remote.url())
        .with("camunda.bpm.job-execution.lock-time-in-millis", LOCK_TIME_MS)
        .with("camunda.bpm.job-execution.wait-time-in-millis", 1000)
        .with("camunda.bpm.job-execution.max-wait", 5000)
        .with("camunda.bpm.generic-properties.properties.hostname", name);
  }

  interface Step {
    String run(int i) throws Exception;
  }

  private List<String> run(int n, Step step) throws Exception {
    List<Callable<String>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      calls.add(() -> step.run(index));
    }
    List<String> results = new ArrayList<>();
    for (Future<String> result : pool.invokeAll(calls)) {
      results.add(result.get());
    }
    return results;
  }

  static void await(Duration timeout, String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("No se cumplió en " + timeout + ": " + what);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}

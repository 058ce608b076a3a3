package pe.gob.pcm.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static pe.gob.pcm.platform.faults.ClusterIT.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pe.gob.pcm.platform.support.NodeDatabase;
import pe.gob.pcm.platform.support.PlatformNode;
import pe.gob.pcm.platform.support.TestPki;
import pe.gob.pcm.platform.support.TestProfiles;
import pe.gob.pcm.platform.tramite.Envelopes;

/**
 * The database goes away under load: every connection the node holds to its PostgreSQL database
 * is terminated, again and again, while senders stream intakes and the job executor sends cargos
 * (the shared PostgreSQL server itself is not restarted: other builds use it). Requests caught in
 * the middle fail, and nothing more: once the connections stop dying the node serves again with no
 * manual step (the pool replaces dead connections, the job executor keeps acquiring), a request
 * caught by a kill gets a SOAP fault saying nothing was registered (not a misleading reason), every
 * document answered 0000 is intact, senders that got an error resend and are answered 0000, and
 * every cargo reaches the sender (a cargo job cut off after the PIDE answered runs again and
 * is answered "ya registrado", which counts as delivered: no incident).
 */
class DatabaseRestartIT {

  static final String PATH = "/wsiotramite/Tramite";
  static final int PORT = 18330;
  static final int PORT_REMOTE = 18332;
  static final int SENDERS = 4;
  static final int KILLS = 8;

  private PlatformNode node;
  private RemoteEntity remote;

  @AfterEach
  void tearDown() {
    if (node != null) {
      node.kill();
    }
    if (remote != null) {
      remote.close();
    }
  }

  @Test
  void theNodeRecoversByItselfWhenItsDatabaseConnectionsAreKilled() throws Exception {
    assumeTrue(TestProfiles.onPostgres(), "corta las conexiones de PostgreSQL (-Dplatform.test.db=postgres)");
    NodeDatabase database = NodeDatabase.fresh("dbrestart");
    remote = new RemoteEntity(PORT_REMOTE);
    node = new PlatformNode("dbrestart", PORT, database)
        .with("platform.pide.retry-cycle", "R20/PT2S")
        .with("platform.pide.local.directory[0].ruc", Tramites.PCM_RUC)
        .with("platform.pide.local.directory[0].name", "Presidencia del Consejo de Ministros")
        .with("platform.pide.local.directory[1].ruc", Tramites.MUNI_RUC)
        .with("platform.pide.local.directory[1].name", "Municipalidad Distrital de Ejemplo")
        .with("platform.pide.local.directory[1].category", 8)
        .with("platform.pide.local.directory[2].ruc", RemoteEntity.RUC)
        .with("platform.pide.local.directory[2].name", "Entidad remota de prueba")
        .with("platform.pide.local.directory[2].url", remote.url())
        // a job whose connection dies cannot record its own failure: it stays locked until the
        // lock time runs out, then runs again (5 minutes by default)
        .with("camunda.bpm.job-execution.lock-time-in-millis", 20_000)
        .with("camunda.bpm.job-execution.wait-time-in-millis", 500)
        .with("camunda.bpm.job-execution.max-wait", 2000)
        .start();
    NodeClient client = new NodeClient(node.base());
    // documents whose registration, during the kills, makes cargo jobs for the job executor
    List<String> toRegister = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      toRegister.add(Tramites.receive(client, client, RemoteEntity.RUC));
    }

    Map<String, String> envelopes = new ConcurrentHashMap<>();
    Map<String, String> outcome = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> senders = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      Thread sender = new Thread(() -> {
        while (!stop.get()) {
          String cuo = Envelopes.newCuo();
          String envelope = Envelopes.recepcionar(Envelopes.validDocument(cuo, TestPki.unsignedPdf("Oficio " + cuo)), List.of());
          envelopes.put(cuo, envelope);
          try {
            NodeClient.Response answer = client.soap(PATH, envelope);
            outcome.put(cuo, answer.status() == 200 ? answer.element("vcodres")
                : answer.body().contains("el mensaje no se registró; reenvíelo") ? "fallo interno" : "HTTP " + answer.status() + ": " + answer.body());
          } catch (NodeClient.NoAnswer e) {
            outcome.put(cuo, "sin respuesta");
          }
        }
      }, "sender-" + s);
      sender.start();
      senders.add(sender);
    }
    Thread registrar = new Thread(() -> {
      for (String cuo : toRegister) {
        for (int attempt = 0; attempt < 20; attempt++) {
          try {
            Tramites.register(client, Tramites.MUNI_DESK, cuo);
            break;
          } catch (AssertionError | NodeClient.NoAnswer caughtByAKill) {
            System.out.println("registro de " + cuo + " (intento " + attempt + "): " + caughtByAKill.getMessage());
            sleep(300);
          }
        }
      }
    }, "registrar");
    registrar.start();

    int terminated = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      sleep(2500);
      terminated += terminateConnections(database);
    }
    // the "restart" is over: the load goes on while the pool replaces what the last kill broke (a
    // connection killed just after its last use is only found dead by the next request using it)
    sleep(3000);
    stop.set(true);
    for (Thread sender : senders) {
      sender.join(120_000);
    }
    registrar.join(120_000);

    // no manual step: the very next documents are received
    for (int i = 0; i < 10; i++) {
      String cuo = Envelopes.newCuo();
      String envelope = Envelopes.recepcionar(Envelopes.validDocument(cuo, TestPki.unsignedPdf("Después " + cuo)), List.of());
      envelopes.put(cuo, envelope);
      NodeClient.Response answer = client.soap(PATH, envelope);
      assertThat(answer.element("vcodres")).as("documento tras los cortes: " + answer.body()).isEqualTo("0000");
      outcome.put(cuo, "0000");
    }
    Map<String, Long> tally = new java.util.TreeMap<>();
    outcome.values().forEach(v -> tally.merge(v, 1L, Long::sum));
    assertThat(tally.keySet()).as("respuestas durante los cortes").isSubsetOf("0000", "fallo interno", "sin respuesta");
    List<String> failed = outcome.entrySet().stream().filter(e -> !"0000".equals(e.getValue())).map(Map.Entry::getKey).toList();
    for (String cuo : failed) {
      NodeClient.Response answer = client.soap(PATH, envelopes.get(cuo));
      assertThat(answer.element("vcodres")).as("reenvío de " + cuo + ": " + answer.body()).isEqualTo("0000");
    }
    await(Duration.ofMinutes(3), "cargos enviados", () -> remote.total("cargoResponse") >= toRegister.size()
        && Tramites.tramiteJobs(client) == 0);
    assertThat(Tramites.incidents(client)).isZero();
    // A cargo job whose connection dies after the PIDE answered cannot record that it ran: it runs
    // again when its lock expires and the receiver refuses the repeat as "ya registrado", which the
    // platform counts as delivered. Delivery is at least once, registration exactly once: every
    // cargo reached the receiver, repeats are counted in the figures, and none ended in an incident.
    Map<String, Integer> cargoCalls = remote.calls("cargoResponse");
    assertThat(cargoCalls).containsOnlyKeys(toRegister).allSatisfy((cuo, n) -> assertThat(n).as("cargo " + cuo).isPositive());
    int redelivered = cargoCalls.values().stream().mapToInt(n -> n - 1).sum();

    database.query(jdbc -> {
      Map<String, Integer> copies = new HashMap<>();
      jdbc.queryForList("SELECT r.vcuo, (SELECT COUNT(*) FROM act_ru_execution x WHERE x.id_ = r.process_instance_id) AS running"
          + " FROM iotdtc_recepcion r JOIN iotdtm_doc_externo e ON e.recepcion_id = r.id"
          + " JOIN iotdtd_doc_principal p ON p.doc_externo_id = e.id JOIN document d ON d.id = p.document_id"
          + " WHERE r.vrucentrem = ?", Tramites.PCM_RUC).forEach(row -> {
            copies.merge((String) row.get("vcuo"), 1, Integer::sum);
            assertThat(((Number) row.get("running")).intValue()).as("instancia de " + row.get("vcuo")).isEqualTo(1);
          });
      assertThat(copies.keySet()).as("todo lo respondido 0000 y lo reenviado").containsExactlyInAnyOrderElementsOf(outcome.keySet());
      assertThat(copies.values()).containsOnly(1);
      assertThat(jdbc.queryForList("SELECT h.id_ FROM act_hi_procinst h WHERE h.proc_def_key_ = 'tramite-recepcion'"
          + " AND NOT EXISTS (SELECT 1 FROM iotdtc_recepcion r WHERE r.process_instance_id = h.id_)", String.class))
          .as("instancias sin su documento").isEmpty();
      return null;
    });

    new Figures("DatabaseRestartIT").put("cortes", KILLS).put("conexiones_terminadas", terminated)
        .put("respuestas", tally).put("reenviados_0000", failed.size())
        .put("cargos", toRegister.size()).put("cargos_reentregados_ya_registrados", redelivered).put("arranque_s", node.startSeconds()).report();
  }

  /** What an administrator restarting the database does to this node, on its database only. */
  private static int terminateConnections(NodeDatabase database) throws Exception {
    try (Connection admin = DriverManager.getConnection(database.url(), database.user(), database.password());
        Statement sql = admin.createStatement();
        ResultSet killed = sql.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            + " WHERE datname = '" + database.name() + "' AND pid <> pg_backend_pid()")) {
      int n = 0;
      while (killed.next()) {
        n++;
      }
      return n;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package pe.gob.pcm.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pe.gob.pcm.platform.support.NodeDatabase;
import pe.gob.pcm.platform.support.PlatformNode;
import pe.gob.pcm.platform.support.TestPki;
import pe.gob.pcm.platform.tramite.Envelopes;

/**
 * Crash: the platform process is killed (SIGKILL) in the middle of a stream of
 * recepcionarTramiteResponse intakes from concurrent senders, then started again on the same
 * database. Every document answered 0000 is there exactly once, with its PDF (same SHA-256) and
 * its process instance; no process instance lacks its document; and the senders that got no
 * answer send again and are answered 0000 (the document is received once, whether or not their
 * first attempt had been committed).
 */
class CrashIT {

  static final String PATH = "/wsiotramite/Tramite";
  static final int PORT = 18310;
  static final int SENDERS = 4;
  static final int ANSWERED_BEFORE_KILL = 120;
  static final String NO_ANSWER = "sin respuesta";

  record Sent(String cuo, String envelope, String sha256) {}

  private PlatformNode node;

  @AfterEach
  void tearDown() {
    if (node != null) {
      node.kill();
    }
  }

  @Test
  void aKilledNodeLosesNoAcceptedDocumentAndSendersCanResendSafely() throws Exception {
    NodeDatabase database = NodeDatabase.fresh("crash");
    node = new PlatformNode("crash", PORT, database).start();
    NodeClient client = new NodeClient(node.base());

    Map<String, Sent> sent = new ConcurrentHashMap<>();
    Map<String, String> outcome = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> senders = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      Thread sender = new Thread(() -> {
        while (!stop.get()) {
          String cuo;
          try {
            cuo = client.newCuo();
          } catch (NodeClient.NoAnswer gone) {
            return;
          }
          byte[] pdf = TestPki.unsignedPdf("Oficio con CUO " + cuo);
          Sent document = new Sent(cuo, Envelopes.recepcionar(Envelopes.validDocument(cuo, pdf), List.of()), sha256(pdf));
          sent.put(cuo, document);
          try {
            NodeClient.Response answer = client.soap(PATH, document.envelope());
            outcome.put(cuo, answer.status() == 200 ? answer.element("vcodres") : "HTTP " + answer.status());
          } catch (NodeClient.NoAnswer gone) {
            outcome.put(cuo, NO_ANSWER);
            return;
          }
        }
      }, "sender-" + s);
      sender.start();
      senders.add(sender);
    }
    while (count(outcome, "0000") < ANSWERED_BEFORE_KILL) {
      assertThat(senders.stream().anyMatch(Thread::isAlive)).as("los remitentes siguen enviando").isTrue();
      Thread.sleep(5);
    }
    node.kill();
    stop.set(true);
    for (Thread sender : senders) {
      sender.join(60_000);
    }
    Set<String> accepted = new HashSet<>(keys(outcome, "0000"));
    List<String> unanswered = sent.keySet().stream().filter(cuo -> !"0000".equals(outcome.get(cuo))).toList();
    assertThat(outcome.values()).as("antes del corte, solo 0000 o sin respuesta").allMatch(v -> v.equals("0000") || v.equals(NO_ANSWER));

    node.start();
    // the local PIDE does not hand out a CUO it had already given
    for (int i = 0; i < 3; i++) {
      assertThat(sent.keySet()).as("CUO ya entregados").doesNotContain(client.newCuo());
    }
    Map<String, String> resent = new ConcurrentHashMap<>();
    for (String cuo : unanswered) {
      NodeClient.Response answer = client.soap(PATH, sent.get(cuo).envelope());
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      resent.put(cuo, answer.element("vcodres"));
    }
    // (how many were in flight at the kill varies from run to run: it may be none)
    assertThat(resent.values()).as("reenvíos").allMatch("0000"::equals);
    node.stop();

    database.query(jdbc -> {
      List<Map<String, Object>> rows = jdbc.queryForList("SELECT r.vcuo, r.process_instance_id, d.sha256,"
          + " (SELECT COUNT(*) FROM act_ru_task t WHERE t.proc_inst_id_ = r.process_instance_id"
          + "   AND t.task_def_key_ = 'Task_ReceiveDocument') AS tasks,"
          + " (SELECT COUNT(*) FROM act_hi_procinst h WHERE h.id_ = r.process_instance_id AND h.business_key_ = r.vcuo) AS instances"
          + " FROM iotdtc_recepcion r JOIN iotdtm_doc_externo e ON e.recepcion_id = r.id"
          + " JOIN iotdtd_doc_principal p ON p.doc_externo_id = e.id JOIN document d ON d.id = p.document_id");
      Map<String, Integer> copies = new java.util.HashMap<>();
      for (Map<String, Object> row : rows) {
        String cuo = (String) row.get("vcuo");
        copies.merge(cuo, 1, Integer::sum);
        assertThat(sent.containsKey(cuo)).as("un documento que nadie envió: " + cuo).isTrue();
        assertThat(row.get("sha256")).as("PDF de " + cuo).isEqualTo(sent.get(cuo).sha256());
        assertThat(((Number) row.get("instances")).intValue()).as("instancia de " + cuo).isEqualTo(1);
        assertThat(((Number) row.get("tasks")).intValue()).as("tarea de Mesa de Partes de " + cuo).isEqualTo(1);
      }
      assertThat(copies.values()).as("cada CUO una sola vez").containsOnly(1);
      assertThat(copies.keySet()).as("todo lo respondido 0000, y lo reenviado").containsAll(accepted).containsAll(resent.keySet());
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM iotdtc_recepcion", Integer.class)).isEqualTo(rows.size());
      assertThat(jdbc.queryForList("SELECT h.id_ FROM act_hi_procinst h WHERE h.proc_def_key_ = 'tramite-recepcion'"
          + " AND NOT EXISTS (SELECT 1 FROM iotdtc_recepcion r WHERE r.process_instance_id = h.id_)", String.class))
          .as("instancias sin su documento").isEmpty();
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE uploaded_by = 'wsiotramite'", Integer.class))
          .as("ningún PDF suelto").isEqualTo(rows.size());
      return null;
    });

    new Figures("CrashIT").put("respondidos_0000_antes_del_kill", accepted.size())
        .put("sin_respuesta_al_morir", unanswered.size())
        .put("reenviados_0000", resent.size())
        .put("filas_finales", accepted.size() + unanswered.size())
        .put("arranques_s", node.startSeconds()).report();
  }

  private static long count(Map<String, String> outcome, String code) {
    return outcome.values().stream().filter(code::equals).count();
  }

  private static List<String> keys(Map<String, String> outcome, String code) {
    return outcome.entrySet().stream().filter(e -> code.equals(e.getValue())).map(Map.Entry::getKey).toList();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

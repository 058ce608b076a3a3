package pe.gob.pcm.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import pe.gob.pcm.platform.colabora.ColaboraFixture;
import pe.gob.pcm.platform.colabora.ColaboraProcess;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TestPki;

/** A platform write (MyBatis) and an engine write share one transaction: both or neither. */
@PlatformTest
class SharedTransactionTest {

  @Autowired TransactionTemplate transaction;
  @Autowired DocumentStore documents;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ColaboraFixture colabora;
  @Autowired Actors actors;

  @Test
  void failureAfterPlatformInsertAndProcessStartRollsBothBack() {
    AtomicReference<String> documentId = new AtomicReference<>();
    AtomicReference<String> processInstanceId = new AtomicReference<>();
    String businessKey = "ROLLBACK-" + System.nanoTime();

    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      var user = actors.user(ColaboraFixture.REQUESTER);
      documentId.set(documents.storePdf(user.id(), user.entityRuc(), "a3.pdf",
          TestPki.signedPdf("A-3 " + System.nanoTime(), "Rosa Quispe Mamani")).id());
      Map<String, Object> vars = colabora.request("JEFE_TI", documentId.get());
      processInstanceId.set(runtime.startProcessInstanceByKey(ColaboraProcess.KEY, businessKey, vars).getId());
      throw new IllegalStateException("falla provocada después de ambas escrituras");
    })).hasMessageContaining("falla provocada");

    assertThat(documentId.get()).isNotNull();
    assertThat(processInstanceId.get()).isNotNull();
    assertThat(documents.find(documentId.get())).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId.get()).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId.get()).count()).isZero();
  }

  @Test
  void committedWorkKeepsBoth() {
    String businessKey = "COMMIT-" + System.nanoTime();
    String[] ids = transaction.execute(status -> {
      var user = actors.user(ColaboraFixture.REQUESTER);
      String doc = documents.storePdf(user.id(), user.entityRuc(), "a3.pdf",
          TestPki.signedPdf("A-3 " + System.nanoTime(), "Rosa Quispe Mamani")).id();
      String pi = runtime.startProcessInstanceByKey(ColaboraProcess.KEY, businessKey,
          colabora.request("JEFE_TI", doc)).getId();
      return new String[] {doc, pi};
    });

    assertThat(documents.find(ids[0]).orElseThrow().processInstanceId()).isEqualTo(ids[1]);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(ids[1]).count()).isEqualTo(1);
    // the engine's ids come from TimeOrderedIdGenerator (UUID version 7), not the starter's
    assertThat(UUID.fromString(ids[1]).version()).isEqualTo(7);
  }
}

package pe.gob.pcm.platform.journeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.support.TestPki;

/**
 * What the journeys need from the engine side: the instance a user just started in the browser,
 * and its asynchronous steps run as the job executor would (the test profile turns the executor
 * off so that every test decides when jobs run).
 */
@Component
class Journeys {

  static final Path FILES = Browser.SCREENSHOTS.resolve("archivos");

  private final HistoryService history;
  private final ManagementService management;

  Journeys(HistoryService history, ManagementService management) {
    this.history = history;
    this.management = management;
  }

  /** The latest instance of the process started by the user. */
  HistoricProcessInstance lastStartedBy(String processKey, String user) {
    List<HistoricProcessInstance> found = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(processKey).startedBy(user).orderByProcessInstanceStartTime().desc().listPage(0, 1);
    if (found.isEmpty()) {
      throw new AssertionError(user + " no inició ningún proceso " + processKey);
    }
    return found.get(0);
  }

  /** Runs the instance's due jobs until it waits for a person (or a timer not yet due). */
  void drain(String processInstanceId) {
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
      }
    }
    throw new AssertionError("El proceso " + processInstanceId + " no se detuvo");
  }

  /** A one-page PDF written under target/journeys/archivos, for the browser to upload. */
  static Path pdf(String name, String text) {
    return file(name + ".pdf", TestPki.unsignedPdf(text));
  }

  /** The same, signed by the named person with a certificate of the test PKI (trusted here). */
  static Path signedPdf(String name, String text, String signer) {
    return file(name + ".pdf", TestPki.signedPdf(text, signer));
  }

  static Path file(String name, byte[] content) {
    try {
      Files.createDirectories(FILES);
      Path file = FILES.resolve(name);
      Files.write(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

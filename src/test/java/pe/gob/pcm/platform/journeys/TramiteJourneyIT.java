package pe.gob.pcm.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * A document from the demo municipality to the PCM through the (local) PIDE: the municipality's
 * Mesa de Partes starts the sending in Tasklist, the PCM's Mesa de Partes finds it among its
 * group's tasks and registers it, and the signed cargo brings the sending to "recepcionado".
 */
@PlatformTest
class TramiteJourneyIT {

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired JdbcTemplate jdbc;
  Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser(port);
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    browser.screenshot("ultimo-" + test.getTestMethod().orElseThrow().getName());
    browser.close();
  }

  @Test
  void municipalitySendsAnOficioAndThePcmRegistersIt() {
    String number = "OFICIO N° " + (System.nanoTime() % 100000) + "-2026-MDE/GM";
    browser.login("tasklist", "muni.mesapartes");
    browser.openTasklist();
    browser.openStartForm("Mesa de Partes Virtual: enviar documento");
    browser.choose("destinationCategory", "Poder Ejecutivo");
    browser.start();
    browser.started();

    browser.openTask("Mis tareas", "Preparar el documento a enviar");
    browser.select("destinationRuc", "20168999926");
    browser.choose("documentTypeCode", "Oficio");
    browser.fill("documentNumber", number);
    browser.fill("subject", "Solicita información sobre la implementación del MGD");
    browser.fill("senderUnit", "GERENCIA MUNICIPAL");
    browser.fill("destinationUnit", "SECRETARÍA GENERAL");
    browser.fill("folios", "2");
    browser.fill("signerDni", "45678912");
    // the PDF is chosen in the form itself: name, size, SHA-256 and signature shown before sending
    String oficio = browser.pick("mainDocumentId", Journeys.pdf("oficio", number));
    assertThat(browser.pickedText("mainDocumentId")).contains("oficio.pdf", "SHA-256", "no tiene firma digital");
    browser.screenshot("documento-en-formulario");
    browser.completed();

    String dispatch = journeys.lastStartedBy("tramite-despacho", "muni.mesapartes").getId();
    journeys.drain(dispatch);
    Map<String, Object> sent = jdbc.queryForMap("SELECT vcuo, cflgest, document_id FROM iotdtc_despacho"
        + " WHERE process_instance_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", dispatch);
    assertThat(sent.get("document_id")).as("the PDF chosen in the form").isEqualTo(oficio);
    String cuo = (String) sent.get("vcuo");
    assertThat(sent.get("cflgest")).isEqualTo("E");
    String reception = jdbc.queryForObject("SELECT process_instance_id FROM iotdtc_recepcion WHERE vcuo = ?", String.class, cuo);
    journeys.drain(reception);

    browser.login("tasklist", "pcm.mesapartes");
    browser.openTask("Tareas de mis grupos", "Recepcionar documento (CUO " + cuo + ")");
    browser.claim();
    assertThat(browser.field("documentNumber").getAttribute("value")).isEqualTo(number);
    // the received PDF opens over Tasklist, in the browser's PDF viewer
    String shown = browser.openInViewer("Abrir el PDF del documento");
    assertThat(shown).matches(".*/api/documentos/[0-9a-f-]{36}/contenido");
    browser.screenshot("documento-visor");
    browser.closeViewer();
    browser.choose("receptionDecision", "Registrar en el STD");
    browser.fill("receptionUnit", "SECRETARÍA GENERAL");
    browser.screenshot("tramite");
    browser.completed();
    journeys.drain(reception);
    journeys.drain(dispatch);

    assertThat(jdbc.queryForObject("SELECT cflgest FROM iotdtc_despacho WHERE vcuo = ?", String.class, cuo)).isEqualTo("R");
    assertThat(browser.tasksIn("Tareas de mis grupos")).doesNotContain("Recepcionar documento (CUO " + cuo + ")");
  }
}

package pe.gob.pcm.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.gob.pcm.platform.support.TaskDriver.vars;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.mpv.MpvProcess;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TaskDriver;

/**
 * MPV in the browser: the entity's IT requests the tests, the platform's suite runs against the
 * (here, the platform's own) wsiotramite, the SGTD reviews the table of checks and accepts; after
 * the administrative test, the head of IT uploads a copy of the acta without a signature (it comes
 * back with the reason, in Spanish, in the form) and then the signed one.
 */
@PlatformTest
class MpvJourneyIT {

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired TaskDriver driver;
  @Autowired RuntimeService runtime;
  @Autowired DocumentStore documents;
  @Autowired JdbcTemplate jdbc;
  @Autowired pe.gob.pcm.platform.tramite.Dispatches dispatches;
  Browser browser;
  String processInstanceId;

  @BeforeEach
  void openBrowser() {
    browser = new Browser(port);
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    browser.screenshot("ultimo-" + test.getTestMethod().orElseThrow().getName());
    browser.close();
    // The PIDE directory outlives the test on PostgreSQL: leave it as the other tests expect it.
    jdbc.update("DELETE FROM pide_directorio WHERE process_instance_id = ?", processInstanceId);
  }

  @Test
  void entityRequestsTestsSgtdAcceptsTheReportAndTheActaMustBeSigned() throws IOException {
    browser.login("tasklist", "muni.ti");
    browser.openStartForm("MPV: pruebas de interoperabilidad y pase a producción");
    browser.fill("entityRuc", "20601234565");
    browser.fill("entityName", "Municipalidad Distrital de Ejemplo");
    browser.select("entityCategory", "Gobierno Local Distrital");
    browser.choose("sgdType", "SGD propio de la entidad");
    browser.fill("devUrl", "http://127.0.0.1:" + port + "/wsiotramite/Tramite");
    browser.fill("techName", "Carlos Huamán Ríos");
    browser.fill("techDni", "41234567");
    browser.fill("techEmail", "chuaman@muniejemplo.gob.pe");
    browser.fill("techMobile", "987111222");
    browser.fill("adminName", "Lucía Torres Paredes");
    browser.fill("adminDni", "42345678");
    browser.fill("adminEmail", "ltorres@muniejemplo.gob.pe");
    browser.fill("adminMobile", "987333444");
    browser.start();
    browser.started();
    processInstanceId = journeys.lastStartedBy(MpvProcess.KEY, "muni.ti").getId();
    journeys.drain(processInstanceId);

    browser.login("tasklist", "sgtd.mesaayuda");
    browser.openTask("Tareas de mis grupos", "Revisar informe de pruebas");
    browser.claim();
    browser.waiting().until(d -> d.findElements(By.cssSelector(".fjs-form-field-table tbody tr")).size() >= 9);
    assertThat(browser.pageText()).doesNotContain("NO CUMPLE");
    browser.choose("reviewDecision", "Conforme");
    browser.scrollTo(browser.driver().findElement(By.cssSelector(".fjs-form-field-table")));
    browser.screenshot("mpv");
    browser.completed();

    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    String sent = dispatches.deliveredToPcm("OFICIO N° 901-2026-MDE/PRUEBA-MPV");
    driver.complete("muni.tramite", pi, "Task_AdminTestEntity",
        vars(MpvProcess.ADMIN_TEST_REGISTRATION, "2026-000123", MpvProcess.ADMIN_TEST_CARGO_RETURNED, true,
            MpvProcess.ADMIN_TEST_SENT_CUO, sent));
    journeys.drain(processInstanceId);

    // The SGTD sees the cargo tests (accepted once, refused when repeated) and confirms.
    browser.login("tasklist", "sgtd.mesaayuda");
    browser.openTask("Tareas de mis grupos", "Confirmar la prueba administrativa");
    browser.claim();
    browser.waiting().until(d -> d.findElements(By.cssSelector(".fjs-form-field-table tbody tr")).size() >= 2);
    assertThat(browser.pageText()).contains("Rechaza el mismo cargo enviado otra vez").doesNotContain("NO CONFORME");
    browser.choose("adminTestDecision", "Confirmar: el cargo llegó y las pruebas de cargo son conformes");
    browser.completed();
    journeys.drain(processInstanceId);

    // The head of IT downloads the acta, signs it with their own certificate and picks the file in the form.
    byte[] issued = documents.content((String) runtime.getVariable(processInstanceId, MpvProcess.ACTA_DOCUMENT));
    Path acta = Journeys.file("acta-de-conformidad.pdf", issued);
    Path signedActa = Journeys.file("acta-de-conformidad-firmada.pdf",
        pe.gob.pcm.platform.support.TestPki.sign(issued, "Jefe de TI de la Municipalidad"));
    browser.login("tasklist", "muni.ti");

    browser.openTask("Tareas de mis grupos", "Firmar el acta de conformidad (Jefe de TI)");
    browser.claim();
    browser.pick("actaTiDocumentId", acta);
    assertThat(browser.pickedText("actaTiDocumentId")).contains("acta-de-conformidad.pdf");
    browser.completed();
    journeys.drain(processInstanceId);

    // The signature is verified after the upload: an unsigned copy comes back with the reason.
    browser.openTask("Tareas de mis grupos", "Firmar el acta de conformidad (Jefe de TI)");
    browser.claim();
    assertThat(browser.field("actaTiSignatureProblem").getAttribute("value")).contains("El documento no tiene firma digital.");
    browser.scrollTo(browser.field("actaTiSignatureProblem"));
    browser.screenshot("mpv-acta-sin-firma");

    browser.pick("actaTiDocumentId", signedActa);
    browser.completed();
    journeys.drain(processInstanceId);
    assertThat(driver.tasksAt(pi, "Task_SignActaTi")).isEmpty();
    assertThat(driver.tasksAt(pi, "Task_SignActaTramite")).hasSize(1);
  }
}

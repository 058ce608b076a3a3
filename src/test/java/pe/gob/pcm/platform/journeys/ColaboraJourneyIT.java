package pe.gob.pcm.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * Colabora as its people live it: the municipality's head of IT uploads the formats, starts the
 * request from Tasklist's "Start process" (first with a mistyped RUC, which the form refuses in
 * Spanish), the SGTD help desk claims and approves it, and the next task appears for the entity.
 */
@PlatformTest
class ColaboraJourneyIT {

  static final String PROCESS = "Colabora: usuario máster y servicios de la PIDE";

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser(port);
  }

  @AfterEach
  void closeBrowser(org.junit.jupiter.api.TestInfo test) {
    browser.screenshot("ultimo-" + test.getTestMethod().orElseThrow().getName());
    browser.close();
  }

  @Test
  void officerRequestsHelpDeskApprovesAndTheServiceRequestsAppear() {
    browser.login("tasklist", "muni.ti");
    browser.openTasklist();
    browser.openStartForm(PROCESS);
    browser.fill("entityRuc", "20601234566");
    browser.fill("entityName", "Municipalidad Distrital de Ejemplo");
    browser.fill("officerName", "Carlos Huamán Ríos");
    browser.fill("officerDni", "41234567");
    browser.choose("officerPositionCode", "Jefe(a) de Tecnologías de la Información");
    browser.fill("officerPosition", "Jefe de la Oficina de Tecnologías de la Información");
    browser.fill("officerEmail", "chuaman@muniejemplo.gob.pe");
    browser.fill("officerMobile", "987654321");
    // the formats are chosen in the start form itself; first an unsigned A-3: shown in red, with why
    String unsigned = browser.pick("a3DocumentId",
        Journeys.pdf("formato-a3-sin-firma", "Formato A-3 - Solicitud de usuario master"));
    assertThat(browser.pickedText("a3DocumentId")).contains("formato-a3-sin-firma.pdf", "SHA-256",
        "no tiene firma digital", "debe estar firmado digitalmente");
    assertThat(browser.driver().findElement(By.cssSelector(
        ".documento-panel[data-campo='a3DocumentId'] .documento-firma")).getAttribute("class")).contains("text-danger");
    browser.screenshot("colabora-a3-sin-firma");
    // then the signed one: who signed it, valid
    String a3 = browser.pick("a3DocumentId", Journeys.signedPdf("formato-a3",
        "Formato A-3 - Solicitud de usuario master", "Carlos Huamán Ríos"));
    assertThat(a3).isNotEqualTo(unsigned);
    assertThat(browser.pickedText("a3DocumentId")).contains("formato-a3.pdf", "Firma válida de Carlos Huamán Ríos");
    browser.screenshot("colabora-a3-firmado");
    // a file that is not a PDF is refused under the field, which keeps the signed A-3
    assertThat(browser.pickRefused("designationDocumentId", Journeys.file("designacion.pdf",
        "no es un PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8)))).contains("no es un PDF");
    String designation = browser.pick("designationDocumentId",
        Journeys.pdf("designacion", "Resolucion de designacion del jefe de TI"));
    browser.start();
    String refusal = browser.waitForNotification("RUC");
    assertThat(refusal).contains("dígito verificador");
    browser.screenshot("colabora-ruc-rechazado");

    browser.fill("entityRuc", "20601234565");
    browser.start();
    browser.started();
    HistoricProcessInstance request = journeys.lastStartedBy("colabora-usuario-maestro", "muni.ti");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(request.getId())
        .variableName("a3DocumentId").singleResult().getValue()).isEqualTo(a3);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(request.getId())
        .variableName("designationDocumentId").singleResult().getValue()).isEqualTo(designation);
    journeys.drain(request.getId());

    browser.login("tasklist", "sgtd.mesaayuda");
    browser.openTask("Tareas de mis grupos", "Revisar solicitud de usuario máster");
    browser.claim();
    assertThat(browser.field("officerDni").getAttribute("value")).isEqualTo("41234567");
    browser.choose("reviewDecision", "Aprobar");
    browser.completed();
    journeys.drain(request.getId());

    browser.login("tasklist", "muni.ti");
    assertThat(browser.tasksIn("Mis tareas"))
        .contains("Solicitar el servicio Código Único de Operación - CUO (Formato A-1)");
    browser.openTask("Mis tareas", "Solicitar el servicio Código Único de Operación - CUO (Formato A-1)");
    browser.screenshot("colabora");
  }
}

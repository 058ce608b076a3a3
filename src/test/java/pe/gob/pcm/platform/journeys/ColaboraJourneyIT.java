package pe.gob.pcm.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
    String a3 = browser.upload(Journeys.pdf("formato-a3", "Formato A-3 - Solicitud de usuario master"), true);
    String designation = browser.upload(Journeys.pdf("designacion", "Resolucion de designacion del jefe de TI"), false);

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
    browser.fill("a3DocumentId", a3);
    browser.fill("designationDocumentId", designation);
    browser.start();
    String refusal = browser.waitForNotification("RUC");
    assertThat(refusal).contains("dígito verificador");
    browser.screenshot("colabora-ruc-rechazado");

    browser.fill("entityRuc", "20601234565");
    browser.start();
    browser.started();
    HistoricProcessInstance request = journeys.lastStartedBy("colabora-usuario-maestro", "muni.ti");
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

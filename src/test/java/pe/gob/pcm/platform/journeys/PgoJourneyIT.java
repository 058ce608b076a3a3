package pe.gob.pcm.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * The municipality's planning office opens its ROF expediente (the municipal model seeds the
 * structure), edits the structure on the editor page, sees the organigram in the task and sends the
 * proposal, with its documents, to legal counsel, whose task then appears.
 */
@PlatformTest
class PgoJourneyIT {

  @LocalServerPort int port;
  @Autowired Journeys journeys;
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
  void planningOfficeFormulatesTheRofSeesItsOrganigramAndSendsIt() {
    browser.login("tasklist", "muni.ogpp");
    String draft = browser.upload(Journeys.pdf("proyecto-rof", "Proyecto de ROF"), false);
    String draftNorm = browser.upload(Journeys.pdf("proyecto-ordenanza", "Proyecto de ordenanza"), false);
    String technicalReport = browser.upload(Journeys.pdf("informe-tecnico", "Informe tecnico sustentatorio"), false);

    browser.openTasklist();
    browser.openStartForm("PGO: formulación y evaluación del ROF/MOP");
    browser.fill("entityRuc", "20601234565");
    browser.fill("entityName", "Municipalidad Distrital de Ejemplo");
    browser.select("entityCategory", "Gobierno Local Distrital");
    browser.choose("documentType", "Reglamento de Organización y Funciones (ROF)");
    browser.select("trigger", "Incremento de unidades de organización");
    browser.fill("population", "45000");
    browser.select("typology", "Concentración media");
    browser.start();
    browser.started();
    String pid = journeys.lastStartedBy("pgo-rof-mop", "muni.ogpp").getId();
    journeys.drain(pid);

    browser.openTask("Tareas de mis grupos", "Formular la propuesta de ROF/MOP");
    browser.claim();
    String editor = browser.driver().findElement(By.partialLinkText("Editar la estructura")).getAttribute("href");

    // The structure editor: one more function for the Gerencia Municipal, saved as version 2.
    browser.open(editor.substring(editor.indexOf("/pgo/")));
    browser.waiting().until(d -> d.findElement(By.id("json")).getAttribute("value").contains("Gerencia Municipal"));
    ((JavascriptExecutor) browser.driver()).executeScript(
        "const t = document.getElementById('json'); const s = JSON.parse(t.value);"
            + " s.unidades.find(u => u.nombre === 'Gerencia Municipal').funciones.push("
            + "'Conducir la implementación del gobierno digital en la municipalidad.');"
            + " t.value = JSON.stringify(s, null, 2);");
    browser.driver().findElement(By.id("guardar")).click();
    browser.waitForText("Guardada la versión 2");
    assertThat(browser.driver().findElement(By.id("resultado")).getText()).contains("0 errores");
    assertThat(imageLoaded(browser.driver().findElement(By.id("organigrama")))).isTrue();

    browser.openTask("Mis tareas", "Formular la propuesta de ROF/MOP");
    WebElement organigram = browser.waiting().until(d -> d.findElement(By.cssSelector(".fjs-form img[alt='Organigrama']")));
    browser.waiting().until(d -> imageLoaded(organigram));
    browser.waitForText("(versión 2)");
    assertThat(browser.field("structureSummary").getAttribute("value")).startsWith("Versión 2 de la estructura: 21 unidades, 0 errores");
    browser.fill("proyectoDocumentId", draft);
    browser.fill("normaProyectoDocumentId", draftNorm);
    browser.fill("informeTecnicoDocumentId", technicalReport);
    browser.choose("formulateAction", "Enviar a asesoría jurídica");
    browser.scrollTo(organigram);
    browser.screenshot("pgo");
    browser.completed();
    journeys.drain(pid);

    browser.login("tasklist", "muni.legal");
    assertThat(browser.tasksIn("Tareas de mis grupos")).contains("Emitir informe legal");
  }

  private boolean imageLoaded(WebElement image) {
    Object width = ((JavascriptExecutor) browser.driver()).executeScript(
        "return arguments[0].complete ? arguments[0].naturalWidth : 0;", image);
    return ((Number) width).intValue() > 0;
  }
}

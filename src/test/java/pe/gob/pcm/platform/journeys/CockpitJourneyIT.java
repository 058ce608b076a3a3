package pe.gob.pcm.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * A manager in Cockpit: the municipality's Mesa de Partes has just started a sending; the PCM's
 * manager logs into Cockpit, finds that instance through the process list, then opens "Métricas"
 * and reads the figures of that process for the municipality.
 */
@PlatformTest
class CockpitJourneyIT {

  static final String PROCESS = "tramite-despacho";
  static final String PROCESS_NAME = "Mesa de Partes Virtual: enviar documento";
  static final ZoneId LIMA = ZoneId.of("America/Lima");

  @LocalServerPort int port;
  @Autowired Actors actors;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
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
  void aManagerFindsTheInstanceAndReadsTheMetrics() {
    ProcessInstance sending = actors.as("muni.mesapartes", () ->
        runtime.startProcessInstanceByKey(PROCESS, Map.of("destinationCategory", "1")));
    assertThat(sending.getTenantId()).isEqualTo(Actors.MUNI_RUC);

    // Cockpit's first load fetches and compiles its bundle: on a busy machine that takes a while
    browser.open("/camunda/app/cockpit/default/");
    new WebDriverWait(browser.driver(), Duration.ofMinutes(3)).until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
    browser.login("cockpit", "pcm.gerencia");
    browser.open("/camunda/app/cockpit/default/#/processes");
    browser.clickText("a", PROCESS_NAME);
    browser.waiting().until(d -> d.getCurrentUrl().contains("process-definition"));
    WebElement instance = browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("a[href*='process-instance/" + sending.getId() + "']")));
    browser.scrollTo(instance);
    instance.click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("process-instance/" + sending.getId()));
    browser.waitForText(sending.getId());
    browser.waitForText("Preparar el documento a enviar");
    browser.screenshot("cockpit-instancia");

    browser.clickText("#metricas-navegacion, a", "Métricas");
    browser.waiting().until(d -> d.getCurrentUrl().contains("#/metricas"));
    By row = By.cssSelector("#metricas-plataforma tr.entidad[data-proceso='" + PROCESS + "'][data-entidad='"
        + Actors.MUNI_RUC + "']");
    WebElement muni = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(row));
    assertThat(browser.pageText()).contains("Métricas de procesos", "Instancias por proceso y entidad",
        "Tareas abiertas por grupo", PROCESS_NAME, "Municipalidad Distrital de Ejemplo");

    // The figures shown are those of the period in the form, as the engine's history has them.
    LocalDate from = LocalDate.parse(browser.driver().findElement(By.id("metricas-desde")).getAttribute("value"));
    LocalDate to = LocalDate.parse(browser.driver().findElement(By.id("metricas-hasta")).getAttribute("value"));
    long started = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
        .tenantIdIn(Actors.MUNI_RUC)
        .startedAfter(new Date(from.atStartOfDay(LIMA).toInstant().toEpochMilli() - 1))
        .startedBefore(Date.from(to.plusDays(1).atStartOfDay(LIMA).toInstant())).count();
    long running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .tenantIdIn(Actors.MUNI_RUC).count();
    assertThat(started).isPositive();
    assertThat(cell(muni, "c-iniciadas")).isEqualTo(String.valueOf(started));
    assertThat(Long.parseLong(cell(muni, "c-en-curso"))).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(running);
    ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
        "document.getElementById('metricas-plataforma').scrollTop = 0; window.scrollTo(0, 0);");
    browser.screenshot("cockpit-metricas");
  }

  private static String cell(WebElement row, String css) {
    return row.findElement(By.className(css)).getText().trim();
  }
}

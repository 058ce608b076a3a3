package pe.gob.pcm.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
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
import org.springframework.jdbc.core.JdbcTemplate;
import pe.gob.pcm.platform.colabora.ColaboraFixture;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.survey.SurveyStarter;

/**
 * The survey as a requester meets it: a Colabora request of the municipality's head of IT ended;
 * in Tasklist the survey waits in "Mis tareas"; completing it without a score is refused in
 * Spanish, then it is answered; the PCM's manager reads it in Cockpit's Métricas view.
 */
@PlatformTest
class SurveyJourneyIT {

  static final String TASK = "Encuesta de satisfacción: Colabora: usuario máster y servicios de la PIDE";
  static final String COMMENT = "La Mesa de Ayuda explicó el motivo con claridad.";

  @LocalServerPort int port;
  @Autowired ColaboraFixture colabora;
  @Autowired RuntimeService runtime;
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
  void theRequesterAnswersAndTheManagerReadsIt() {
    ProcessInstance request = colabora.start(colabora.request("OTRO", colabora.signedA3()));
    colabora.complete(ColaboraFixture.REQUESTER, colabora.taskAt(request, "Task_NotifyRejection"), Map.of());
    ProcessInstance survey = runtime.createProcessInstanceQuery().processDefinitionKey(SurveyStarter.PROCESS_KEY)
        .processInstanceBusinessKey(request.getId()).singleResult();
    journeys.drain(survey.getId());

    browser.login("tasklist", ColaboraFixture.REQUESTER);
    browser.openTask("Mis tareas", TASK);
    browser.waitForForm();
    assertThat(browser.field("procedureName").getAttribute("value"))
        .isEqualTo("Colabora: usuario máster y servicios de la PIDE");
    browser.fill("comment", COMMENT);
    browser.complete();
    assertThat(browser.waitForNotification("Calificación")).contains("elija de 1 a 5");
    browser.screenshot("encuesta-sin-calificacion");

    browser.dismissNotifications();
    browser.choose("score", "4 — Satisfecho");
    browser.screenshot("encuesta");
    browser.completed();
    assertThat(jdbc.queryForObject("SELECT score FROM satisfaction_answer WHERE source_instance_id = ?",
        Integer.class, request.getId())).isEqualTo(4);

    // the manager, in a browser of their own (the webapps share one session)
    browser.close();
    browser = new Browser(port);
    browser.open("/camunda/app/cockpit/default/");
    new WebDriverWait(browser.driver(), Duration.ofMinutes(3)).until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
    browser.login("cockpit", "pcm.gerencia");
    browser.open("/camunda/app/cockpit/default/#/metricas");
    WebElement row = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
        "#metricas-satisfaccion tr[data-proceso='colabora-usuario-maestro'][data-entidad='" + Actors.MUNI_RUC + "']")));
    assertThat(Long.parseLong(row.findElement(By.className("c-respondidas")).getText().trim())).isPositive();
    assertThat(Long.parseLong(row.findElement(By.className("c-puntaje-4")).getText().trim())).isPositive();
    assertThat(browser.pageText()).contains("Satisfacción de los solicitantes", "Últimos comentarios", COMMENT);
    browser.scrollTo(browser.driver().findElement(By.id("metricas-satisfaccion")));
    browser.screenshot("encuesta-metricas");
  }
}

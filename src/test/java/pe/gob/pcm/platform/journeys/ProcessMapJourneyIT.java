package pe.gob.pcm.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.processmap.ProcessMapFixture;
import pe.gob.pcm.platform.processmap.ProcessMapMapper;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * A municipality's planning office opens its process-map case from the SGP's municipal template,
 * sees the map in the task, edits it in the editor page (a level-2 process added: the rules mark
 * its missing outputs on it, the person fixes them and draws its BPMN diagram with bpmn-js) and
 * sends it; the SGP evaluator observes a process on the same page and the entity answers there.
 */
@PlatformTest
class ProcessMapJourneyIT {

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired ProcessMapFixture fixture;
  @Autowired ProcessMapMapper mapper;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  Browser browser;

  @BeforeEach
  void openBrowser() {
    fixture.cancelRunningCases();
    fixture.rofInForce(Actors.MUNI_RUC, ProcessMapFixture.MUNICIPAL_UNITS);
    browser = new Browser(port);
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    browser.screenshot("ultimo-" + test.getTestMethod().orElseThrow().getName());
    browser.close();
  }

  @Test
  void theEntityDrawsItsMapTheSgpObservesAProcessAndTheEntityAnswers() {
    browser.login("tasklist", "muni.ogpp");
    browser.openTasklist();
    browser.openStartForm("PGO: mapa de procesos de la entidad");
    browser.select("mapTemplate", "Mapa de procesos modelo para municipalidades (SGP)");
    browser.start();
    browser.started();
    String pid = journeys.lastStartedBy("pgo-mapa-procesos", "muni.ogpp").getId();
    journeys.drain(pid);
    long id = ((Number) runtime.getVariable(pid, "mapaExpedienteId")).longValue();

    browser.openTask("Tareas de mis grupos", "Formular el mapa de procesos");
    browser.claim();
    WebElement picture = browser.waiting().until(d -> d.findElement(By.cssSelector(".fjs-form img[alt='Mapa de procesos']")));
    browser.waiting().until(d -> imageLoaded(picture));
    assertThat(browser.field("mapSummary").getAttribute("value")).startsWith("Versión 1: 19 procesos, 0 errores");

    // The editor: the template's processes as a tree and the map's three bands beside it.
    browser.open("/mapa/editor.html?expediente=" + id);
    editorReady(19);
    assertThat(browser.driver().findElements(By.cssSelector("#mapa .banda"))).hasSize(3);
    assertThat(browser.driver().findElement(By.cssSelector("#mapa .banda.MISIONAL")).getText())
        .contains("PM03 Gestión de los servicios públicos y el ambiente", "PM03.01 Limpieza pública");

    // a level-2 process under PM03.01: its missing inputs and outputs are errors, marked on it
    choose("PM03.01", "Limpieza pública y gestión de residuos sólidos");
    browser.driver().findElement(By.id("agregar-hijo")).click();
    browser.waitForText("Verificación al editar: 20 procesos, 2 errores");
    browser.waiting().until(d -> d.findElement(By.id("hallazgos-proceso")).getText()
        .contains("no tiene salidas (obligatorias en el nivel 2)"));
    assertThat(browser.driver().findElement(By.cssSelector("#arbol li[id='PM03.01.01'] .marca.ERROR")).getText()).isEqualTo("2");
    assertThat(browser.driver().findElement(By.cssSelector("#mapa li[data-proceso='PM03.01']")).getAttribute("class")).isEqualTo("mal");
    WebElement name = browser.driver().findElement(By.id("nombre"));
    name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Recolectar los residuos sólidos", Keys.TAB);
    new Select(browser.driver().findElement(By.id("unidad"))).selectByValue("12");
    browser.driver().findElement(By.id("entradas")).sendKeys("Programa de rutas de recolección", Keys.TAB);
    browser.driver().findElement(By.id("salidas")).sendKeys("Residuos recolectados", Keys.TAB);
    browser.waitForText("Verificación al editar: 20 procesos, 0 errores");

    // its BPMN diagram, drawn with bpmn-js
    browser.driver().findElement(By.id("crear-diagrama")).click();
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#diagrama .djs-element[data-element-id='Inicio']")).isEmpty());
    browser.screenshot("mapa-procesos-diagrama");
    browser.driver().findElement(By.id("guardar")).click();
    browser.waitForText("Guardada la versión 2");
    ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
    browser.screenshot("mapa-procesos-editor");
    ProcessMapMapper.Version saved = mapper.latestVersion(id);
    assertThat(saved.version()).isEqualTo(2);
    assertThat(saved.content()).contains("Recolectar los residuos sólidos", "\"bpmn\"", "bpmn:startEvent");

    browser.openTask("Mis tareas", "Formular el mapa de procesos");
    browser.waiting().until(d -> browser.field("mapSummary").getAttribute("value").startsWith("Versión 2: 20 procesos, 0 errores"));
    browser.choose("mapAction", "Enviar a la SGP para su evaluación");
    browser.completed();
    journeys.drain(pid);
    fixture.assign(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult(), "BAJA");

    // The SGP evaluator finds the case in the list of cases and observes the new process on its page.
    browser.login("tasklist", "sgp.evaluador");
    browser.open("/mapa/");
    browser.waiting().until(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-listo")));
    new Select(browser.driver().findElement(By.id("estado"))).selectByValue("EN_EVALUACION");
    browser.driver().findElement(By.cssSelector("#filtros button[type=submit]")).click();
    browser.waiting().until(d -> d.findElement(By.id("tabla")).getText().contains("Municipalidad Distrital de Ejemplo"));
    assertThat(browser.driver().findElement(By.id("tabla")).getText()).contains("EN_EVALUACION", "sgp.evaluador")
        .doesNotContain("EN_FORMULACION");
    browser.open("/mapa/editor.html?expediente=" + id + "#observaciones");
    browser.waiting().until(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-listo")));
    assertThat(browser.driver().findElement(By.id("barra-edicion")).isDisplayed()).isFalse();
    browser.driver().findElement(By.id("obs-agregar")).click();
    WebElement first = browser.driver().findElement(By.cssSelector("#obs-lista [data-i='0']"));
    new Select(first.findElement(By.className("o-proceso"))).selectByValue("PM03.01.01");
    new Select(first.findElement(By.className("o-categoria"))).selectByValue("DIAGRAMA");
    first.findElement(By.className("o-texto")).sendKeys("Falta la tarea de disposición final en el relleno sanitario.");
    browser.driver().findElement(By.id("obs-guardar")).click();
    browser.waitForText("Observaciones guardadas");
    browser.waiting().until(d -> d.findElement(By.id("obs-tabla")).getText().contains("PM03.01.01 Recolectar los residuos sólidos"));
    browser.screenshot("mapa-procesos-observaciones");
    String evaluation = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_Evaluate").singleResult().getName();
    assertThat(evaluation).startsWith("Evaluar el mapa de procesos (ronda 1): vence el ");
    browser.openTask("Mis tareas", evaluation);
    browser.choose("mapResult", "Observado (la entidad subsana)");
    browser.completed();

    // The entity answers it on the page; the task then accepts the correction.
    browser.login("tasklist", "muni.ogpp");
    browser.open("/mapa/editor.html?expediente=" + id + "#observaciones");
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#obs-tabla [data-numero='1'] select.resp")).isEmpty());
    new Select(browser.driver().findElement(By.cssSelector("#obs-tabla [data-numero='1'] select.resp"))).selectByValue("ACEPTADA");
    browser.driver().findElement(By.cssSelector("#obs-tabla [data-numero='1'] .resp-texto")).sendKeys("Se agregó la tarea al diagrama.");
    browser.driver().findElement(By.id("resp-guardar")).click();
    browser.waitForText("Respuestas guardadas");
    assertThat(mapper.observations(id)).singleElement().satisfies(o -> assertThat(o.answer()).isEqualTo("ACEPTADA"));
    browser.openTask("Tareas de mis grupos", "Subsanar las observaciones al mapa");
    browser.claim();
    browser.waitForText("Aceptada (se corrigió)");
    browser.choose("mapAction", "Enviar la subsanación a la SGP");
    browser.completed();
    journeys.drain(pid);
    assertThat(mapper.rounds(id)).hasSize(2);
  }

  private void editorReady(int processes) {
    browser.waiting().until(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-listo")));
    browser.waiting().until(d -> d.findElements(By.cssSelector("#arbol li.jstree-node")).size() == processes + 3);
    browser.waitForText("Verificación al editar: " + processes + " procesos");
  }

  private void choose(String code, String name) {
    browser.driver().findElement(By.cssSelector("#arbol li[id='" + code + "'] > a")).click();
    browser.waiting().until(d -> name.equals(d.findElement(By.id("nombre")).getAttribute("value")));
  }

  private boolean imageLoaded(WebElement image) {
    Object width = ((JavascriptExecutor) browser.driver()).executeScript(
        "return arguments[0].complete ? arguments[0].naturalWidth : 0;", image);
    return ((Number) width).intValue() > 0;
  }

}

package pe.gob.pcm.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.calendar.BusinessCalendar;
import pe.gob.pcm.platform.procedure.ProcedureMapper;
import pe.gob.pcm.platform.procedure.ProcedureProcess;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * A standardized procedure from its formulation to its adoption by a municipality, in Chromium
 * (docs/processes/procedimientos.md): the SGP evaluator formulates it in Tasklist, the PCM's legal
 * counsel finds it conforme, the SGP supervisor approves it with its norm and the evaluator records
 * its publication; the municipality's planning office sees it pending on /procedimientos/, adopts it
 * with a fee above the standard, the SGP sees that deviation named and cannot approve it, observes
 * it, the municipality corrects the fee, the SGP approves, and the page shows it adopted.
 */
@PlatformTest
class ProcedureJourneyIT {

  static final String EVALUATOR = "sgp.evaluador";
  static final String LEGAL = "pcm.legal";
  static final String SUPERVISOR = "sgp.supervisor";
  static final String MUNI = "muni.ogpp";
  static final String NAME = "Autorización para la instalación de anuncios (recorrido en el navegador)";

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired ProcedureMapper procedures;
  @Autowired BusinessCalendar calendar;
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
  void theSgpPublishesAProcedureAndAMunicipalityAdoptsItAfterItsDeviationIsObserved() {
    LocalDate today = LocalDate.now(calendar.zone());

    // 1. The SGP evaluator starts the formulation from Tasklist's «Iniciar proceso» (no code: a new
    // procedure; the SGP's entity comes read-only in the form) and fills the formulation form.
    browser.login("tasklist", EVALUATOR);
    browser.openTasklist();
    browser.openStartForm("Procedimiento estandarizado: formulación, revisión legal, aprobación y publicación");
    assertThat(browser.field("entityRuc").getAttribute("value")).isEqualTo("20168999926");
    browser.start();
    browser.started();
    String cycle = journeys.lastStartedBy("procedimiento-estandarizado", EVALUATOR).getId();
    openTask(cycle, "Task_Formulate");
    browser.claim();
    browser.waitForText("Procedimiento nuevo: su código se asigna al completar esta tarea. Versión 1.");
    assertThat(browser.pageText()).doesNotContain("****");
    Map<String, String> formulation = new java.util.LinkedHashMap<>();
    formulation.put("procedureName", NAME);
    formulation.put("legalBasis", "Ley 27972, Ley Orgánica de Municipalidades, artículo 79");
    formulation.put("requirements", "Solicitud con carácter de declaración jurada\nFotografía o diseño del anuncio");
    formulation.put("fee", "120");
    formulation.put("termDays", "10");
    formulation.put("unitType", "Unidad de licencias y autorizaciones");
    fillUntilKept(formulation, () -> {
      browser.choose("silence", "Positivo");
      check("levelLocal");
    }, () -> browser.field("levelLocal").isSelected());
    browser.scrollTo(browser.field("procedureName"));
    browser.screenshot("procedimientos-formulacion");
    browser.completed();
    String code = (String) runtime.getVariable(cycle, ProcedureProcess.CODE);
    assertThat(code).matches("PE-\\d{4,}");
    assertThat(procedures.procedureByCode(code).currentVersion()).isNull();

    // 2. The PCM's legal counsel reviews it: conforme.
    browser.login("tasklist", LEGAL);
    openTask(cycle, "Task_LegalReview");
    browser.claim();
    browser.waitForText("Procedimiento " + code + ", versión 1.");
    assertThat(browser.field("procedureName").getAttribute("value")).isEqualTo(NAME);
    assertThat(browser.field("requirements").getAttribute("value")).contains("Fotografía o diseño del anuncio");
    browser.choose("legalDecision", "Conforme");
    browser.completed();

    // The SGP supervisor approves it with its norm.
    browser.login("tasklist", SUPERVISOR);
    openTask(cycle, "Task_Approve");
    browser.claim();
    browser.select("normType", "Decreto Supremo");
    browser.fill("normNumber", "Decreto Supremo N.° 012-2026-PCM");
    date("normDate", today);
    browser.completed();

    // The evaluator registers the publication: the version is published and the adoptions start.
    browser.login("tasklist", EVALUATOR);
    openTask(cycle, "Task_RecordPublication");
    browser.claim();
    browser.waitForText("aprobado por Decreto Supremo N.° 012-2026-PCM");
    date("publicationDate", today);
    browser.completed();
    journeys.drain(cycle);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(cycle).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_Published");
    ProcedureMapper.ProcedureRow published = procedures.procedureByCode(code);
    assertThat(published.currentVersion()).isEqualTo(1);
    assertThat(procedures.versionOf(published.id(), 1).state).isEqualTo("PUBLICADA");

    // 3. The municipality (local level) sees it pending on its page.
    browser.login("tasklist", MUNI);
    browser.open("/procedimientos/");
    browser.waitForText("Municipalidad Distrital de Ejemplo (demostración) (nivel LOCAL)");
    List<String> pending = row(code);
    assertThat(pending).containsExactly(code, NAME, "1", dmy(today), "—",
        dmy(calendar.addWorkingDays(today, 30)), "Pendiente");
    assertThat(situationClass(code)).isEqualTo("situacion-pendiente");

    // Its adoption task in Tasklist: the standard, with the fee of S/ 150.00 instead of S/ 120.00.
    ProcessInstance adoption = runtime.createProcessInstanceQuery().processDefinitionKey(ProcedureProcess.ADOPTION_KEY)
        .processInstanceBusinessKey("ADECUACION-" + code + "-V1-" + Actors.MUNI_RUC).singleResult();
    assertThat(adoption).as("adecuación de la municipalidad").isNotNull();
    assertThat(browser.tasksIn("Tareas de mis grupos")).contains("Adecuar el procedimiento estandarizado");
    // (a fresh page: Tasklist keeps the filter's list in its address and would drop the task opened by id)
    browser.driver().navigate().to("about:blank");
    openTask(adoption.getId(), "Task_Adopt");
    browser.claim();
    browser.waitForText("Derecho de tramitación máximo: S/ 120.00");
    browser.waitForText("Plazo máximo: 10 días hábiles");
    assertThat(browser.field("adoptedTermDays").getAttribute("value")).isEqualTo("10");
    browser.fill("adoptedUnit", "Subgerencia de Licencias y Comercialización");
    browser.fill("adoptedFee", "150");
    browser.screenshot("procedimientos-adecuacion");
    browser.completed();
    journeys.drain(adoption.getId());

    // The SGP's check names the deviation; approving it is refused; it is observed.
    String deviation = "Derecho de tramitación: supera el derecho de tramitación del estándar (estándar: S/ 120.00;"
        + " adoptado: S/ 150.00)";
    browser.login("tasklist", EVALUATOR);
    openTask(adoption.getId(), "Task_ReviewAdoption");
    browser.claim();
    browser.waitForText("1 desviación del estándar: " + deviation + ".");
    WebElement table = browser.waiting().until(d -> d.findElement(By.cssSelector(".fjs-form table")));
    assertThat(table.getText()).contains("Derecho de tramitación", "S/ 120.00", "S/ 150.00",
        "supera el derecho de tramitación del estándar");
    assertThat(browser.field("adoptedFee").getAttribute("value")).isEqualTo("150");
    browser.choose("reviewDecision", "Aprobar");
    browser.scrollTo(table);
    browser.screenshot("procedimientos-desviacion");
    browser.complete();
    browser.waitForNotification("no se puede aprobar una adecuación con 1 desviación del estándar");
    browser.dismissNotifications();
    browser.choose("reviewDecision", "Observar");
    browser.fill("reviewObservation", "El derecho de tramitación no puede superar el del estándar (S/ 120.00).");
    browser.completed();
    assertThat(procedures.adoption(adoptionId(adoption)).state).isEqualTo("OBSERVADA");

    // The municipality corrects the fee, seeing the observation; the SGP approves it.
    browser.login("tasklist", MUNI);
    openTask(adoption.getId(), "Task_Adopt");
    browser.claim();
    browser.waitForText("Observaciones de la SGP: El derecho de tramitación no puede superar el del estándar (S/ 120.00).");
    assertThat(browser.field("adoptedFee").getAttribute("value")).isEqualTo("150");
    browser.fill("adoptedFee", "120");
    browser.completed();
    journeys.drain(adoption.getId());

    browser.login("tasklist", EVALUATOR);
    openTask(adoption.getId(), "Task_ReviewAdoption");
    browser.claim();
    browser.waitForText("Sin desviaciones: la adecuación se ajusta al estándar.");
    browser.choose("reviewDecision", "Aprobar");
    browser.completed();
    journeys.drain(adoption.getId());
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(adoption.getId()).singleResult()
        .getEndActivityId()).isEqualTo("EndEvent_Adopted");

    // The municipality's page: adopted, version 1; and under «Adoptados».
    browser.login("tasklist", MUNI);
    browser.open("/procedimientos/");
    browser.waitForText("(nivel LOCAL)");
    assertThat(row(code)).containsExactly(code, NAME, "1", dmy(today), "1",
        dmy(calendar.addWorkingDays(today, 30)), "Adoptado");
    assertThat(situationClass(code)).isEqualTo("situacion-adoptado");
    WebElement unfiltered = rowElement(code);
    new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("situacion"))).selectByValue("ADOPTADOS");
    browser.waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(unfiltered));
    assertThat(row(code)).last().isEqualTo("Adoptado");
    assertThat(browser.driver().findElements(By.cssSelector("#procedimientos tbody td:last-child")))
        .extracting(WebElement::getText).containsOnly("Adoptado");
    browser.scrollTo(rowElement(code));
    browser.screenshot("procedimientos-adoptado");
  }

  // --- gestures and readings --------------------------------------------------------------------

  /** Opens in Tasklist the instance's task at the activity (several tests' tasks share their names). */
  private void openTask(String processInstanceId, String activityId) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId).singleResult();
    assertThat(task).as("tarea %s del proceso %s", activityId, processInstanceId).isNotNull();
    browser.openTaskById(task.getId(), task.getName());
  }

  /**
   * Makes the form's clicks (radios, checkboxes) first and then types the text fields, and checks a
   * moment later that the form still holds them all. form-js applies typed text only after a
   * 300 ms pause: a click on another field before that draws the form again from its data and
   * empties the box just typed in. A person who sees a box emptied fills it again; so does this.
   */
  private void fillUntilKept(Map<String, String> texts, Runnable gestures, java.util.function.BooleanSupplier gesturesKept) {
    for (int round = 0; round < 3; round++) {
      gestures.run();
      texts.forEach(browser::fill);
      // leaving the last box, as a person does, hands form-js its text at once
      ((JavascriptExecutor) browser.driver()).executeScript("if (document.activeElement) document.activeElement.blur();");
      try {
        Thread.sleep(1500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      List<String> lost = texts.entrySet().stream()
          .filter(t -> !t.getValue().equals(browser.field(t.getKey()).getAttribute("value"))).map(Map.Entry::getKey).toList();
      boolean gesturesThere = gesturesKept.getAsBoolean();
      if (lost.isEmpty() && gesturesThere) {
        return;
      }
      System.out.println("Tasklist volvió a dibujar el formulario y perdió lo escrito (" + lost
          + (gesturesThere ? "" : ", las marcas") + "): se llena otra vez");
    }
    throw new AssertionError("El formulario no conserva lo escrito: " + browser.fieldErrors());
  }

  /** Ticks a form-js checkbox (again if Tasklist re-rendered the form and lost the tick). */
  private void check(String key) {
    browser.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
      WebElement box = browser.field(key);
      if (!box.isSelected()) {
        browser.scrollTo(box);
        box.click();
        return false;
      }
      return true;
    });
  }

  /**
   * Types a date into a form-js date field in the order its placeholder asks (form-js 1.8 shows
   * «mm/dd/yyyy» whatever the browser's language), then Enter, which the date picker reads.
   */
  private void date(String key, LocalDate date) {
    WebElement input = browser.field(key + "-date");
    browser.scrollTo(input);
    String typed = input.getAttribute("placeholder").toLowerCase(java.util.Locale.ROOT)
        .replace("yyyy", String.format("%04d", date.getYear()))
        .replace("mm", String.format("%02d", date.getMonthValue()))
        .replace("dd", String.format("%02d", date.getDayOfMonth()));
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, typed, Keys.ENTER);
    // the picker writes it back without leading zeros (its format is n/j/Y)
    String shown = date.getMonthValue() + "/" + date.getDayOfMonth() + "/" + date.getYear();
    browser.waiting().until(d -> List.of(typed, shown).contains(browser.field(key + "-date").getAttribute("value")));
  }

  private static String dmy(LocalDate date) {
    return date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
  }

  /** The row of the procedure on /procedimientos/, turning the pages with «Siguiente »» until it shows. */
  private WebElement rowElement(String code) {
    for (int page = 0; page < 200; page++) {
      browser.waiting().until(d -> !d.findElements(By.cssSelector("#procedimientos tbody tr")).isEmpty()
          || !d.findElement(By.id("aviso")).getText().isBlank());
      for (WebElement tr : browser.driver().findElements(By.cssSelector("#procedimientos tbody tr"))) {
        if (tr.findElement(By.tagName("td")).getText().equals(code)) {
          return tr;
        }
      }
      WebElement next = browser.driver().findElement(By.id("siguiente"));
      if (!next.isEnabled()) {
        break;
      }
      String shown = browser.driver().findElement(By.id("paginacion")).getText();
      next.click();
      browser.waiting().until(d -> !d.findElement(By.id("paginacion")).getText().equals(shown));
    }
    throw new AssertionError("La página /procedimientos/ no lista " + code + ": " + browser.pageText());
  }

  private List<String> row(String code) {
    return rowElement(code).findElements(By.tagName("td")).stream().map(WebElement::getText).collect(Collectors.toList());
  }

  private String situationClass(String code) {
    List<WebElement> cells = rowElement(code).findElements(By.tagName("td"));
    return cells.get(cells.size() - 1).getAttribute("class");
  }

  private long adoptionId(ProcessInstance adoption) {
    return ((Number) runtime.getVariable(adoption.getId(), ProcedureProcess.ADOPTION_ID)).longValue();
  }
}

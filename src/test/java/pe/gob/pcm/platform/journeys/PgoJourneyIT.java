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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * The municipality's planning office opens its ROF expediente (the municipal model seeds the
 * structure), edits the structure on the editor page, sees the organigram in the task and sends the
 * proposal, with its documents, to legal counsel, whose task then appears. And an SGP evaluator,
 * in the second round of a case, reads in the task and on the page «Observaciones y respuestas»
 * what the entity changed beside its answers, and records a new observation on the page.
 */
@PlatformTest
class PgoJourneyIT {

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired pe.gob.pcm.platform.support.TaskDriver driver;
  @Autowired pe.gob.pcm.platform.support.Actors actors;
  @Autowired pe.gob.pcm.platform.document.DocumentStore documents;
  @Autowired pe.gob.pcm.platform.pgo.PgoStructures structures;
  @Autowired pe.gob.pcm.platform.pgo.PgoRounds rounds;
  @Autowired pe.gob.pcm.platform.pgo.PgoMapper pgo;
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

    // The structure editor: the municipal model as a tree and an organigram beside it.
    browser.open(editor.substring(editor.indexOf("/pgo/")));
    editorReady(21);
    assertThat(chartText()).contains("Gerencia Municipal");
    // one more function for the Gerencia Municipal
    chooseUnit("03", "Gerencia Municipal");
    WebElement functions = browser.driver().findElement(By.id("u-funciones"));
    functions.sendKeys(Keys.END, Keys.ENTER, "Conducir la implementación del gobierno digital en la municipalidad.");
    functions.sendKeys(Keys.TAB);
    // a unit added under it: the rules, run as the person edits, mark it on its unit with the source
    browser.driver().findElement(By.id("agregar-hijo")).click();
    browser.waitForText("Verificación al editar: 22 unidades");
    browser.waiting().until(d -> d.findElement(By.id("u-hallazgos")).getText().contains("no tiene funciones"));
    assertThat(browser.driver().findElement(By.id("u-nombre")).getAttribute("value")).isEqualTo("Nueva unidad");
    assertThat(browser.driver().findElement(By.cssSelector("#arbol li[id='03.10'] .marca.ERROR")).isDisplayed()).isTrue();
    assertThat(chartText()).contains("Nueva unidad");
    browser.screenshot("pgo-editor");
    // taken back with «Deshacer»: the function stays, the unit goes
    browser.driver().findElement(By.id("deshacer")).click();
    browser.waitForText("Verificación al editar: 21 unidades, 0 errores");
    assertThat(browser.driver().findElements(By.cssSelector("#arbol li[id='03.10']"))).isEmpty();
    assertThat(browser.driver().findElement(By.id("cambios")).getText()).isEqualTo("Cambios sin guardar.");
    browser.driver().findElement(By.id("guardar")).click();
    browser.waitForText("Guardada la versión 2");
    assertThat(browser.driver().findElement(By.id("resultado")).getText()).contains("21 unidades", "0 errores");

    browser.openTask("Mis tareas", "Formular la propuesta de ROF/MOP");
    WebElement organigram = browser.waiting().until(d -> d.findElement(By.cssSelector(".fjs-form img[alt='Organigrama']")));
    browser.waiting().until(d -> imageLoaded(organigram));
    browser.waitForText("(versión 2)");
    assertThat(browser.field("structureSummary").getAttribute("value")).startsWith("Versión 2 de la estructura: 21 unidades, 0 errores");
    // the documents are chosen in the form itself
    browser.pick("proyectoDocumentId", Journeys.pdf("proyecto-rof", "Proyecto de ROF"));
    browser.pick("normaProyectoDocumentId", Journeys.pdf("proyecto-ordenanza", "Proyecto de ordenanza"));
    browser.pick("informeTecnicoDocumentId", Journeys.pdf("informe-tecnico", "Informe tecnico sustentatorio"));
    browser.choose("formulateAction", "Enviar a asesoría jurídica");
    browser.scrollTo(organigram);
    browser.screenshot("pgo");
    browser.completed();
    journeys.drain(pid);

    browser.login("tasklist", "muni.legal");
    assertThat(browser.tasksIn("Tareas de mis grupos")).contains("Emitir informe legal");
  }

  /** Waits until the editor has drawn the structure: the tree and the organigram with every unit. */
  private void editorReady(int units) {
    browser.waiting().until(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-listo")));
    browser.waiting().until(d -> d.findElements(By.cssSelector("#arbol li.jstree-node")).size() == units);
    browser.waiting().until(d -> String.valueOf(units).equals(d.findElement(By.id("organigrama")).getAttribute("data-unidades")));
    browser.waitForText("Verificación al editar: " + units + " unidades");
  }

  private void chooseUnit(String code, String name) {
    browser.driver().findElement(By.cssSelector("#arbol li[id='" + code + "'] > a")).click();
    browser.waiting().until(d -> name.equals(d.findElement(By.id("u-nombre")).getAttribute("value")));
  }

  /** The texts the organigram (ECharts, drawn as SVG) shows. */
  private String chartText() {
    return browser.driver().findElements(By.cssSelector("#organigrama svg text")).stream()
        .map(WebElement::getText).collect(java.util.stream.Collectors.joining(" | "));
  }

  private boolean imageLoaded(WebElement image) {
    Object width = ((JavascriptExecutor) browser.driver()).executeScript(
        "return arguments[0].complete ? arguments[0].naturalWidth : 0;", image);
    return ((Number) width).intValue() > 0;
  }

  static final String STRUCTURE = """
      {"unidades": [
        {"codigo": "01", "nombre": "Despacho Ministerial", "clase": "ORGANO", "tipo": "ALTA_DIRECCION", "nivel": 1, "funciones": ["Dirigir el sector"]},
        {"codigo": "02", "nombre": "Secretaría General", "clase": "ORGANO", "tipo": "ALTA_DIRECCION", "nivel": 2, "padre": "01", "funciones": ["Conducir la gestión"]},
        {"codigo": "03", "nombre": "Oficina General de Administración", "clase": "ORGANO", "tipo": "APOYO", "nivel": 3, "padre": "02", "funciones": ["Administrar"]},
        {"codigo": "04", "nombre": "Dirección General de Gestión Pública", "clase": "ORGANO", "tipo": "LINEA", "nivel": 3, "padre": "02", "funciones": ["Rectorar la gestión pública"]}
      ]}""";

  String upload(String user, String name) {
    var u = actors.user(user);
    return documents.storePdf(u.id(), u.entityRuc(), name,
        pe.gob.pcm.platform.support.TestPki.unsignedPdf(name + " " + System.nanoTime())).id();
  }

  @Test
  void anEvaluatorReadsTheRoundDiffBesideTheAnswers() {
    // Round 1 (by the engine, as the other journeys' earlier steps): observed twice, answered, corrected.
    var pi = actors.as("pcm.ogpp", () -> runtime.startProcessInstanceByKey("pgo-rof-mop", pe.gob.pcm.platform.support.TaskDriver.vars(
        "entityRuc", "20168999926", "entityName", "Presidencia del Consejo de Ministros", "entityCategory", "1",
        "documentType", "ROF", "trigger", "REASIGNACION")));
    long id = ((Number) runtime.getVariable(pi.getId(), "expedienteId")).longValue();
    structures.save(id, STRUCTURE, "pcm.ogpp");
    driver.complete("pcm.ogpp", pi, "Task_Formulate", pe.gob.pcm.platform.support.TaskDriver.vars("formulateAction", "ENVIAR",
        "proyectoDocumentId", upload("pcm.ogpp", "p.pdf"), "normaProyectoDocumentId", upload("pcm.ogpp", "n.pdf"),
        "informeTecnicoDocumentId", upload("pcm.ogpp", "i.pdf")));
    driver.complete("pcm.legal", pi, "Task_LegalReport", pe.gob.pcm.platform.support.TaskDriver.vars("legalDecision", "CONFORME",
        "informeLegalDocumentId", upload("pcm.legal", "l.pdf")));
    driver.complete("sgp.supervisor", pi, "Task_AssignCase",
        pe.gob.pcm.platform.support.TaskDriver.vars("evaluator", "sgp.evaluador", "complexity", "BAJA"));
    rounds.recordObservations(id, 1, """
        {"observaciones": [
          {"unidad": "03", "categoria": "DENOMINACION", "texto": "Precisar que también conduce las finanzas."},
          {"unidad": "04", "categoria": "NIVELES", "texto": "El órgano de línea debe depender de la alta dirección."}]}""",
        "sgp.evaluador");
    driver.complete("sgp.evaluador", pi, "Task_Evaluate", pe.gob.pcm.platform.support.TaskDriver.vars("evaluationResult", "OBSERVADO"));
    structures.save(id, STRUCTURE.replace("Oficina General de Administración", "Oficina General de Administración y Finanzas"), "pcm.ogpp");
    rounds.answer(id, 1, """
        {"respuestas": [{"numero": 1, "respuesta": "ACEPTADA"},
          {"numero": 2, "respuesta": "ARGUMENTADA", "texto": "La dirección general depende de la Secretaría General por su ley de organización."}]}""",
        "pcm.ogpp");
    driver.complete("pcm.ogpp", pi, "Task_Correct", pe.gob.pcm.platform.support.TaskDriver.vars("formulateAction", "ENVIAR"));
    journeys.drain(pi.getId());

    // The supervisor assigns round 2 in Tasklist: the evaluator from the list of sgp-evaluador, and the complexity.
    browser.login("tasklist", "sgp.supervisor");
    String assignment = driver.taskAt(pi, "Task_AssignCase").getId();
    browser.openTaskById(assignment, "Asignar el expediente a un evaluador");
    browser.claim();
    browser.select("evaluator", "Evaluador SGP PCM (sgp.evaluador)");
    browser.choose("complexity", "Baja (10 días hábiles)");
    browser.completed();
    journeys.drain(pi.getId());

    // Round 2 in Tasklist: the task, assigned to the evaluator, states its deadline; the form shows the changes.
    browser.login("tasklist", "sgp.evaluador");
    String task = browser.tasksIn("Mis tareas").stream().filter(t -> t.startsWith("Evaluar el ROF (ronda 2): vence el "))
        .findFirst().orElseThrow(() -> new AssertionError("Sin la tarea de la ronda 2 en «Mis tareas»"));
    assertThat(task).contains("días hábiles - Presidencia del Consejo de Ministros");
    browser.openTask("Mis tareas", task);
    browser.waitForForm();
    browser.waitForText("Respuestas de la entidad: 2 de 2 observaciones (1 aceptadas, 1 argumentadas)");
    browser.waitForText("Renombrada");
    browser.waitForText("«Oficina General de Administración» → «Oficina General de Administración y Finanzas»");
    browser.waitForText("La dirección general depende de la Secretaría General por su ley de organización.");
    browser.screenshot("pgo-evaluar-ronda-2");
    String page = browser.driver().findElement(By.partialLinkText("Observaciones y respuestas")).getAttribute("href");

    // The page: round 1's observations and answers beside the structure's changes, side by side.
    browser.open(page.substring(page.indexOf("/pgo/")));
    WebElement round1 = browser.waiting().until(d -> d.findElement(By.cssSelector("article.ronda[data-ronda='1']")));
    WebElement left = round1.findElements(By.cssSelector(".lado > .caja")).get(0);
    WebElement right = round1.findElements(By.cssSelector(".lado > .caja")).get(1);
    assertThat(left.getText()).contains("Precisar que también conduce las finanzas.", "Aceptada",
        "Argumentada", "por su ley de organización");
    assertThat(right.getText()).contains("versión 1 → 2", "Renombrada", "Oficina General de Administración y Finanzas");
    assertThat(left.getLocation().getY()).isEqualTo(right.getLocation().getY());
    assertThat(left.getLocation().getX()).isLessThan(right.getLocation().getX());

    // A new observation for round 2, on a unit chosen from the list.
    browser.driver().findElement(By.id("agregar")).click();
    WebElement editor = browser.driver().findElement(By.cssSelector("#lista-observaciones .obs"));
    new org.openqa.selenium.support.ui.Select(editor.findElement(By.cssSelector("select.unidad"))).selectByValue("04");
    new org.openqa.selenium.support.ui.Select(editor.findElement(By.cssSelector("select.categoria"))).selectByVisibleText("Niveles organizacionales");
    editor.findElement(By.cssSelector("textarea.texto")).sendKeys("El argumento no cita la ley de organización.");
    browser.driver().findElement(By.id("guardar-observaciones")).click();
    browser.waitForText("Guardadas 1 observaciones de la ronda 2.");
    browser.screenshot("pgo-ronda");
    assertThat(rounds.rounds(id).get(1).observations()).singleElement()
        .satisfies(o -> assertThat(o.unit()).isEqualTo("04"));
  }

  @Test
  void aMinistryOfSixtyUnitsIsEditedInTheTree() {
    var pi = actors.as("pcm.ogpp", () -> runtime.startProcessInstanceByKey("pgo-rof-mop", pe.gob.pcm.platform.support.TaskDriver.vars(
        "entityRuc", "20168999926", "entityName", "Presidencia del Consejo de Ministros", "entityCategory", "1",
        "documentType", "ROF", "trigger", "REASIGNACION")));
    long id = ((Number) runtime.getVariable(pi.getId(), "expedienteId")).longValue();
    structures.save(id, ministry(), "pcm.ogpp");

    browser.login("tasklist", "pcm.ogpp");
    browser.open("/pgo/estructura.html?expediente=" + id);
    editorReady(60);
    // a dirección moved to another dirección general with «Depende de»: same level, now under it
    chooseUnit("02.1.1", "Dirección 1.1 del Viceministerio 1");
    new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("u-padre"))).selectByValue("03.2");
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#arbol li[id='03.2'] li[id='02.1.1']")).isEmpty());
    assertThat(browser.driver().findElement(By.id("u-nivel")).getAttribute("value")).isEqualTo("4");
    browser.screenshot("pgo-editor-ministerio");
    browser.driver().findElement(By.id("guardar")).click();
    browser.waitForText("Guardada la versión 2 (60 unidades)");
    assertThat(structures.latest(id).version()).isEqualTo(2);
    assertThat(pe.gob.pcm.platform.pgo.OrgStructure.parse(pgo.latestStructure(id).content(), "e", "E")
        .unit("02.1.1").orElseThrow().parent()).isEqualTo("03.2");
  }

  /** A ministry's structure of 60 units: Alta Dirección, control and defence, two viceministries with
   * their direcciones generales and direcciones, the Secretaría General's offices and six desconcentrados. */
  static String ministry() {
    java.util.List<String> units = new java.util.ArrayList<>();
    java.util.function.BiConsumer<String, String> add = (fields, name) -> units.add("{" + fields + ", \"nombre\": \"" + name
        + "\", \"funciones\": [\"Ejercer las funciones de " + name + ".\"]}");
    add.accept("\"codigo\": \"01\", \"clase\": \"ORGANO\", \"tipo\": \"ALTA_DIRECCION\", \"nivel\": 1", "Despacho Ministerial");
    for (int v = 1; v <= 2; v++) {
      add.accept("\"codigo\": \"0" + (v + 1) + "\", \"clase\": \"ORGANO\", \"tipo\": \"ALTA_DIRECCION\", \"nivel\": 2, \"padre\": \"01\"",
          "Despacho Viceministerial " + v);
      for (int g = 1; g <= 3; g++) {
        String dg = "0" + (v + 1) + "." + g;
        add.accept("\"codigo\": \"" + dg + "\", \"clase\": \"ORGANO\", \"tipo\": \"LINEA\", \"nivel\": 3, \"padre\": \"0" + (v + 1) + "\"",
            "Dirección General " + g + " del Viceministerio " + v);
        for (int d = 1; d <= 3; d++) {
          add.accept("\"codigo\": \"" + dg + "." + d + "\", \"clase\": \"UNIDAD_ORGANICA\", \"tipo\": \"LINEA\", \"nivel\": 4, \"padre\": \"" + dg + "\"",
              "Dirección " + g + "." + d + " del Viceministerio " + v);
        }
      }
    }
    add.accept("\"codigo\": \"04\", \"clase\": \"ORGANO\", \"tipo\": \"ALTA_DIRECCION\", \"nivel\": 2, \"padre\": \"01\"", "Secretaría General");
    for (int o = 1; o <= 6; o++) {
      String og = "04." + o;
      add.accept("\"codigo\": \"" + og + "\", \"clase\": \"ORGANO\", \"tipo\": \"" + (o <= 3 ? "APOYO" : "ASESORAMIENTO")
          + "\", \"nivel\": 3, \"padre\": \"04\"", "Oficina General " + o);
      for (int u = 1; u <= 3; u++) {
        add.accept("\"codigo\": \"" + og + "." + u + "\", \"clase\": \"UNIDAD_ORGANICA\", \"tipo\": \"" + (o <= 3 ? "APOYO" : "ASESORAMIENTO")
            + "\", \"nivel\": 4, \"padre\": \"" + og + "\"", "Oficina " + o + "." + u);
      }
    }
    add.accept("\"codigo\": \"05\", \"clase\": \"ORGANO\", \"tipo\": \"ASESORAMIENTO\", \"nivel\": 2, \"padre\": \"01\"", "Órgano de Control Institucional");
    add.accept("\"codigo\": \"06\", \"clase\": \"ORGANO\", \"tipo\": \"ASESORAMIENTO\", \"nivel\": 2, \"padre\": \"01\"", "Procuraduría Pública");
    for (int r = 1; r <= 6; r++) {
      add.accept("\"codigo\": \"07." + r + "\", \"clase\": \"ORGANO\", \"tipo\": \"DESCONCENTRADO\", \"nivel\": 2, \"padre\": \"01\"",
          "Oficina Desconcentrada " + r);
    }
    return "{\"unidades\": [" + String.join(",\n", units) + "]}";
  }
}

package pe.gob.pcm.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.pgo.OrgStructure;
import pe.gob.pcm.platform.pgo.PgoStructures;
import pe.gob.pcm.platform.pgo.StructureWorkbookWriter;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TaskDriver;

/**
 * A ministry that already has its ROF in a spreadsheet loads it instead of typing it: its planning
 * office opens the structure editor, imports the XLSX of 60 units and sees the tree and the
 * organigram drawn from it; then imports a book with mistakes and sees each one with its row and
 * column, while the saved version stays as it was.
 */
@PlatformTest
class PgoWorkbookJourneyIT {

  @LocalServerPort int port;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired pe.gob.pcm.platform.support.Actors actors;
  @Autowired PgoStructures structures;
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
  void aMinistryImportsItsRofFromASpreadsheetAndSeesTheRowOfEachMistake() throws IOException {
    var pi = actors.as("pcm.ogpp", () -> runtime.startProcessInstanceByKey("pgo-rof-mop", TaskDriver.vars(
        "entityRuc", "20168999926", "entityName", "Presidencia del Consejo de Ministros", "entityCategory", "1",
        "documentType", "ROF", "trigger", "REASIGNACION")));
    long id = ((Number) runtime.getVariable(pi.getId(), "expedienteId")).longValue();
    structures.save(id, PgoJourneyIT.STRUCTURE, "pcm.ogpp");
    byte[] rof = StructureWorkbookWriter.write(OrgStructure.parse(PgoJourneyIT.ministry(), "rof", "ROF"), 500);
    Path good = file("rof-ministerio.xlsx", rof);
    Path bad = file("rof-ministerio-con-errores.xlsx", withMistakes(rof));

    browser.login("tasklist", "pcm.ogpp");
    browser.open("/pgo/estructura.html?expediente=" + id);
    editorReady(4);
    assertThat(browser.driver().findElement(By.id("xlsx-descargar")).getAttribute("href"))
        .endsWith("/api/pgo/expedientes/" + id + "/estructura.xlsx");

    // the ROF of 60 units, imported: a new version, the tree and the organigram drawn from it
    browser.driver().findElement(By.id("xlsx-archivo")).sendKeys(good.toAbsolutePath().toString());
    browser.driver().findElement(By.id("xlsx-importar")).click();
    browser.waitForText("Importada la versión 2 (60 unidades)");
    editorReady(60);
    assertThat(browser.driver().findElements(By.cssSelector("#arbol li[id='07.6']"))).hasSize(1);
    assertThat(structures.latest(id).version()).isEqualTo(2);
    assertThat(structures.latest(id).units()).isEqualTo(60);

    // a book with mistakes: each one with its row and column, and nothing saved
    browser.driver().findElement(By.id("xlsx-archivo")).sendKeys(bad.toAbsolutePath().toString());
    browser.driver().findElement(By.id("xlsx-importar")).click();
    WebElement errors = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("xlsx-errores")));
    assertThat(errors.getText()).contains(
        "Fila 3, columna D (Tipo de órgano): «GERENCIA» no es un tipo de órgano",
        "Fila 5, columna E (Nivel): «dos» no es un número entero de 1 o mayor",
        "Fila 6, columna F (Dependencia): depende de «09», que no es el código de ninguna fila");
    assertThat(browser.driver().findElement(By.id("resultado")).getText())
        .startsWith("No se guardó la estructura. El archivo tiene 3 errores");
    assertThat(structures.latest(id).version()).isEqualTo(2);
    assertThat(browser.driver().findElements(By.cssSelector("#arbol li.jstree-node"))).hasSize(60);
    browser.screenshot("pgo-importar-xlsx");
  }

  /** The ROF with three cells typed wrong, as a person might in Excel. */
  static byte[] withMistakes(byte[] xlsx) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = book.getSheet("Estructura");
      sheet.getRow(2).getCell(3).setCellValue("GERENCIA");
      sheet.getRow(4).getCell(4).setCellValue("dos");
      sheet.getRow(5).getCell(5).setCellValue("09");
      book.write(out);
      return out.toByteArray();
    }
  }

  static Path file(String name, byte[] content) throws IOException {
    Files.createDirectories(Browser.SCREENSHOTS);
    return Files.write(Browser.SCREENSHOTS.resolve(name), content);
  }

  /** Waits until the editor has drawn the structure: the tree and the organigram with every unit. */
  private void editorReady(int units) {
    browser.waiting().until(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-listo")));
    browser.waiting().until(d -> d.findElements(By.cssSelector("#arbol li.jstree-node")).size() == units);
    browser.waiting().until(d -> String.valueOf(units).equals(d.findElement(By.id("organigrama")).getAttribute("data-unidades")));
    browser.waitForText("unidades");
  }
}

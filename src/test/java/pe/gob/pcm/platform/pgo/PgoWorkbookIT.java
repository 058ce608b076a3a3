package pe.gob.pcm.platform.pgo;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.gob.pcm.platform.support.TaskDriver.vars;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * The structure as an XLSX workbook over real HTTP: the template, the export that imports back
 * unchanged, an edited workbook saved as a new version (as the editor's save), a bad one refused
 * with each cell's row and column and nothing saved, and the same access rules as the editor's.
 */
@PlatformTest
class PgoWorkbookIT {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired Actors actors;
  @Autowired PgoMapper mapper;

  @Test
  void theTemplateIsABookWithTheStructureSheetAndItsInstructions() throws IOException {
    Http http = new Http(port);
    Http.Download template = http.download("/api/pgo/plantilla-estructura.xlsx", Http.basic("muni.ogpp", "demo"));
    assertThat(template.status()).isEqualTo(200);
    assertThat(template.contentType()).isEqualTo(XLSX);
    assertThat(template.disposition()).contains("attachment", "plantilla-estructura.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
      assertThat(book.getSheetName(0)).isEqualTo("Estructura");
      assertThat(book.getSheetName(1)).isEqualTo("Instrucciones");
      assertThat(book.getSheet("Estructura").getRow(0).getCell(5).getStringCellValue())
          .isEqualTo("Dependencia (código del padre)");
    }
    assertThat(http.download("/api/pgo/plantilla-estructura.xlsx", null).status()).isEqualTo(401);
  }

  @Test
  void theExportImportsBackUnchangedAndAnEditedBookIsANewVersion() throws IOException {
    long id = expediente(start());
    Http http = new Http(port);
    String path = "/api/pgo/expedientes/" + id + "/estructura.xlsx";
    PgoMapper.Structure seeded = mapper.latestStructure(id);

    Http.Download exported = http.download(path, Http.basic("muni.ogpp", "demo"));
    assertThat(exported.status()).isEqualTo(200);
    assertThat(exported.contentType()).isEqualTo(XLSX);
    assertThat(exported.disposition()).contains("estructura-expediente-" + id + "-v" + seeded.version() + ".xlsx");
    Http.Response same = http.upload(path, Http.basic("muni.ogpp", "demo"), "estructura.xlsx", XLSX, exported.body());
    assertThat(same.status()).as(same.body()).isEqualTo(200);
    assertThat(same.json().get("cambio").asBoolean()).isFalse();
    assertThat(same.json().get("version").asInt()).isEqualTo(seeded.version());

    // one unit renamed and one added under the Gerencia Municipal, in the spreadsheet
    byte[] edited = edit(exported.body(), sheet -> {
      sheet.getRow(1).getCell(1).setCellValue(sheet.getRow(1).getCell(1).getStringCellValue() + " (renombrada)");
      Row added = sheet.createRow(sheet.getLastRowNum() + 1);
      String[] cells = {"03.20", "Gerencia de Gobierno Digital", "ORGANO", "LINEA", "3", "03",
          "Conducir la transformación digital.\nGestionar los servicios digitales."};
      for (int c = 0; c < cells.length; c++) {
        added.createCell(c).setCellValue(cells[c]);
      }
    });
    Http.Response saved = http.upload(path, Http.basic("muni.ogpp", "demo"), "estructura.xlsx", XLSX, edited);
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().get("version").asInt()).isEqualTo(seeded.version() + 1);
    assertThat(saved.json().get("cambio").asBoolean()).isTrue();
    assertThat(saved.json().get("unidades").asInt()).isEqualTo(OrgStructure.parse(seeded.content(), "e", "E").units().size() + 1);
    OrgStructure latest = OrgStructure.parse(mapper.latestStructure(id).content(), "e", "E");
    assertThat(latest.unit("03.20").orElseThrow().functions())
        .containsExactly("Conducir la transformación digital.", "Gestionar los servicios digitales.");
    // the open task's form shows the version just imported, as after the editor's save
    assertThat(runtime.getVariable(mapper.expediente(id).processInstanceId, PgoProcess.STRUCTURE_VERSION))
        .isEqualTo(seeded.version() + 1);
  }

  @Test
  void aBadBookIsRefusedWithRowAndColumnAndNothingIsSaved() throws IOException {
    long id = expediente(start());
    Http http = new Http(port);
    String path = "/api/pgo/expedientes/" + id + "/estructura.xlsx";
    int version = mapper.latestStructure(id).version();
    byte[] exported = http.download(path, Http.basic("muni.ogpp", "demo")).body();
    byte[] bad = edit(exported, sheet -> {
      sheet.getRow(2).getCell(1).setCellValue("");
      sheet.getRow(3).getCell(3).setCellValue("GERENCIA");
      sheet.getRow(4).getCell(4).setCellValue("2.5");
      sheet.getRow(5).getCell(5).setCellValue("99");
    });

    Http.Response refused = http.upload(path, Http.basic("muni.ogpp", "demo"), "estructura.xlsx", XLSX, bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    JsonNode body = refused.json();
    assertThat(body.path("type").asText()).endsWith("/problema/datos-invalidos");
    assertThat(body.path("detail").asText()).startsWith("No se guardó la estructura. El archivo tiene 4 errores");
    List<String> cells = new ArrayList<>();
    body.path("errores").forEach(e -> cells.add(e.path("fila").asInt() + e.path("columna").asText() + " "
        + e.path("campo").asText()));
    assertThat(cells).containsExactly("3B nombre", "4D tipo", "5E nivel", "6F padre");
    assertThat(body.path("errores").get(1).path("mensaje").asText())
        .isEqualTo("Fila 4, columna D (Tipo de órgano): «GERENCIA» no es un tipo de órgano: use ALTA_DIRECCION, LINEA,"
            + " ASESORAMIENTO, APOYO, DESCONCENTRADO.");
    assertThat(mapper.latestStructure(id).version()).isEqualTo(version);

    Http.Response notXlsx = http.upload(path, Http.basic("muni.ogpp", "demo"), "estructura.csv", "text/csv",
        "Código,Nombre\n01,Alcaldía\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(notXlsx.status()).isEqualTo(400);
    assertThat(notXlsx.json().path("errores").get(0).path("campo").asText()).isEqualTo("archivo");
    assertThat(notXlsx.json().path("detail").asText()).contains("no es un libro de Excel (.xlsx)");
    Http.Response none = http.multipart(path, Http.basic("muni.ogpp", "demo"), java.util.Map.of("otro", "x"), java.util.Map.of());
    assertThat(none.status()).isEqualTo(400);
    assertThat(mapper.latestStructure(id).version()).isEqualTo(version);
  }

  @Test
  void onlyTheEntitysPlanningOfficeImportsAndOnlyWhoSeesTheExpedienteExports() {
    ProcessInstance pi = start();
    long id = expediente(pi);
    Http http = new Http(port);
    String path = "/api/pgo/expedientes/" + id + "/estructura.xlsx";
    int version = mapper.latestStructure(id).version();
    byte[] exported = http.download(path, Http.basic("muni.ogpp", "demo")).body();

    Http.Response legal = http.upload(path, Http.basic("muni.legal", "demo"), "e.xlsx", XLSX, exported);
    assertThat(legal.status()).isEqualTo(409);
    assertThat(legal.json().path("detail").asText())
        .isEqualTo("Solo la oficina de planeamiento de la entidad puede editar la estructura.");
    assertThat(http.upload(path, Http.basic("pcm.ogpp", "demo"), "e.xlsx", XLSX, exported).status()).isEqualTo(404);
    assertThat(http.download(path, Http.basic("pcm.ogpp", "demo")).status()).isEqualTo(404);
    assertThat(http.download("/api/pgo/expedientes/999999999/estructura.xlsx", Http.basic("muni.ogpp", "demo")).status())
        .isEqualTo(404);
    // the permission is checked before the file is read: a bad file from someone else is a 409, not a 400
    assertThat(http.upload(path, Http.basic("muni.legal", "demo"), "e.xlsx", XLSX, new byte[] {1, 2}).status())
        .isEqualTo(409);
    assertThat(mapper.latestStructure(id).version()).isEqualTo(version);
  }

  ProcessInstance start() {
    return actors.as("muni.ogpp", () -> runtime.startProcessInstanceByKey(PgoProcess.KEY, vars(
        PgoProcess.ENTITY_RUC, Actors.MUNI_RUC, PgoProcess.ENTITY_NAME, "Municipalidad Distrital de Ejemplo (demostración)",
        PgoProcess.ENTITY_CATEGORY, "8", PgoProcess.DOCUMENT_TYPE, "ROF", PgoProcess.TRIGGER, "MAS_UNIDADES",
        PgoProcess.POPULATION, 45000L, PgoProcess.TYPOLOGY, "CONCENTRACION_MEDIA")));
  }

  long expediente(ProcessInstance pi) {
    return ((Number) runtime.getVariable(pi.getId(), PgoProcess.EXPEDIENTE_ID)).longValue();
  }

  /** The book with its sheet «Estructura» changed as a person would in Excel. */
  static byte[] edit(byte[] xlsx, java.util.function.Consumer<Sheet> change) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      change.accept(book.getSheet("Estructura"));
      book.write(out);
      return out.toByteArray();
    }
  }
}

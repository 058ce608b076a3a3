package pe.gob.pcm.platform.pgo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import pe.gob.pcm.platform.validation.FieldError;
import pe.gob.pcm.platform.validation.InvalidInputException;

/**
 * The structure workbook: what the writer exports reads back as the same structure, and every
 * kind of bad file (built here with POI) is refused whole, each problem with its row and column.
 */
class StructureWorkbookTest {

  static final String[] HEADER = {"Código", "Nombre", "Clase", "Tipo de órgano", "Nivel", "Dependencia (código del padre)",
      "Funciones"};

  static final OrgStructure SMALL = new OrgStructure(List.of(
      new OrgUnit("01", "Alcaldía", "ORGANO", "ALTA_DIRECCION", 1, null, List.of("Dirigir la gestión municipal.")),
      new OrgUnit("03", "Gerencia Municipal", "ORGANO", "ALTA_DIRECCION", 2, "01",
          List.of("Conducir la gestión.", "Supervisar; evaluar y controlar las gerencias.")),
      new OrgUnit("08", "Oficina de Administración", "ORGANO", "APOYO", 3, "03",
          List.of("Conducir los sistemas administrativos; en particular, el de abastecimiento.")),
      new OrgUnit("08.1", "Unidad de Recursos Humanos", "UNIDAD_ORGANICA", "APOYO", 4, "08", List.of())));

  @Test
  void whatTheWriterExportsReadsBackAsTheSameStructure() {
    OrgStructure read = StructureWorkbook.read(StructureWorkbookWriter.write(SMALL, 500), 500);
    assertThat(read).isEqualTo(SMALL);
    assertThat(read.toJson()).isEqualTo(SMALL.toJson());
  }

  @Test
  void aMinistryOfSixtyUnitsRoundTrips() {
    List<OrgUnit> units = new ArrayList<>();
    units.add(new OrgUnit("01", "Despacho Ministerial", "ORGANO", "ALTA_DIRECCION", 1, null, List.of("Dirigir el sector.")));
    for (int v = 1; v <= 2; v++) {
      String vm = "0" + (v + 1);
      units.add(new OrgUnit(vm, "Despacho Viceministerial " + v, "ORGANO", "ALTA_DIRECCION", 2, "01", List.of("Conducir.")));
      for (int g = 1; g <= 3; g++) {
        String dg = vm + "." + g;
        units.add(new OrgUnit(dg, "Dirección General " + g + " del Viceministerio " + v, "ORGANO", "LINEA", 3, vm,
            List.of("Proponer políticas.", "Supervisar su aplicación.")));
        for (int d = 1; d <= 3; d++) {
          units.add(new OrgUnit(dg + "." + d, "Dirección " + g + "." + d + " del Viceministerio " + v, "UNIDAD_ORGANICA",
              "LINEA", 4, dg, List.of("Ejecutar.")));
        }
      }
    }
    units.add(new OrgUnit("04", "Secretaría General", "ORGANO", "ALTA_DIRECCION", 2, "01", List.of("Gestionar.")));
    for (int o = 1; o <= 6; o++) {
      units.add(new OrgUnit("04." + o, "Oficina General " + o, "ORGANO", o <= 3 ? "APOYO" : "ASESORAMIENTO", 3, "04",
          List.of("Asesorar.")));
      for (int u = 1; u <= 3; u++) {
        units.add(new OrgUnit("04." + o + "." + u, "Oficina " + o + "." + u, "UNIDAD_ORGANICA",
            o <= 3 ? "APOYO" : "ASESORAMIENTO", 4, "04." + o, List.of("Apoyar.")));
      }
    }
    for (int r = 1; r <= 8; r++) {
      units.add(new OrgUnit("07." + r, "Oficina Desconcentrada " + r, "ORGANO", "DESCONCENTRADO", 2, "01", List.of("Atender.")));
    }
    OrgStructure ministry = new OrgStructure(units);
    assertThat(ministry.units()).hasSize(60);
    assertThat(StructureWorkbook.read(StructureWorkbookWriter.write(ministry, 500), 500)).isEqualTo(ministry);
  }

  @Test
  void theTemplateHasTheHeaderTheListsAndTheInstructions() throws IOException {
    byte[] template = StructureWorkbookWriter.template(500);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      Sheet sheet = book.getSheet("Estructura");
      Row header = sheet.getRow(0);
      List<String> headers = new ArrayList<>();
      header.forEach(cell -> headers.add(cell.getStringCellValue()));
      assertThat(headers).containsExactly(HEADER);
      assertThat(sheet.getDataValidations()).extracting(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn())
          .contains(2, 3, 4);
      DataValidation types = sheet.getDataValidations().stream()
          .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == 3).findFirst().orElseThrow();
      assertThat(types.getValidationConstraint().getExplicitListValues()).containsExactlyElementsOf(OrgUnit.TYPES);
      StringBuilder instructions = new StringBuilder();
      book.getSheet("Instrucciones").forEach(row -> row.forEach(cell -> instructions.append(cell.getStringCellValue()).append('\n')));
      assertThat(instructions.toString()).contains("Dependencia (código del padre)", "ALTA_DIRECCION", "Alta Dirección",
          "DESCONCENTRADO", "todo o nada", "Hasta 500 unidades");
    }
    // the empty template, uploaded as it is, has no units
    assertRefused(() -> StructureWorkbook.read(template, 500), tuple(null, null, "archivo"))
        .hasMessageContaining("no tiene unidades");
  }

  @Test
  void spanishNamesAnyColumnOrderExtraColumnsAndFunctionsBySemicolon() {
    byte[] book = book(new String[] {"Observación", "Nivel", "CODIGO", "nombre", "Tipo", "Clase", "Dependencia", "Funciones"},
        new String[] {"x", "1", "01", "Alcaldía", "Alta Dirección", "Órgano", "", "Dirigir; representar"},
        new String[] {"", "", "", "", "", "", "", ""},
        new String[] {"", "2.0", "02", "Gerencia de Desarrollo", "línea", "organo", "01", "Promover\nFomentar"});
    OrgStructure read = StructureWorkbook.read(book, 500);
    assertThat(read.units()).containsExactly(
        new OrgUnit("01", "Alcaldía", "ORGANO", "ALTA_DIRECCION", 1, null, List.of("Dirigir", "representar")),
        new OrgUnit("02", "Gerencia de Desarrollo", "ORGANO", "LINEA", 2, "01", List.of("Promover", "Fomentar")));
  }

  @Test
  void aMissingRequiredHeaderIsRefusedOnTheHeaderRow() {
    byte[] book = book(new String[] {"Código", "Nombre", "Clase", "Tipo de órgano", "Dependencia"},
        new String[] {"01", "Alcaldía", "ORGANO", "ALTA_DIRECCION", ""});
    assertRefused(() -> StructureWorkbook.read(book, 500), tuple(1, null, "nivel"))
        .hasMessageContaining("Fila 1 (Nivel): falta la columna «Nivel» en el encabezado");
  }

  @Test
  void emptyAndDuplicateCodesAreRefusedInColumnA() {
    byte[] book = book(HEADER,
        row("01", "Alcaldía", "ORGANO", "ALTA_DIRECCION", "1", "", "Dirigir"),
        row("", "Gerencia Municipal", "ORGANO", "ALTA_DIRECCION", "2", "01", "Conducir"),
        row("01", "Procuraduría", "ORGANO", "ASESORAMIENTO", "2", "01", "Defender"));
    assertRefused(() -> StructureWorkbook.read(book, 500), tuple(3, "A", "codigo"), tuple(4, "A", "codigo"))
        .hasMessageContaining("Fila 3, columna A (Código): está vacío")
        .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(1).reason())
            .isEqualTo("repite el código 01 de la fila 2"));
  }

  @Test
  void anUnknownParentIsRefusedInTheDependencyColumn() {
    byte[] book = book(HEADER,
        row("01", "Alcaldía", "ORGANO", "ALTA_DIRECCION", "1", "", "Dirigir"),
        row("02", "Gerencia Municipal", "ORGANO", "ALTA_DIRECCION", "2", "09", "Conducir"));
    assertRefused(() -> StructureWorkbook.read(book, 500), tuple(3, "F", "padre"))
        .hasMessageContaining("depende de «09», que no es el código de ninguna fila");
  }

  @Test
  void aCycleAndASelfDependencyAreRefusedOnEachOfTheirRows() {
    byte[] book = book(HEADER,
        row("01", "Alcaldía", "ORGANO", "ALTA_DIRECCION", "1", "", "Dirigir"),
        row("02", "Gerencia A", "ORGANO", "LINEA", "2", "03", "A"),
        row("03", "Gerencia B", "ORGANO", "LINEA", "3", "02", "B"),
        row("04", "Gerencia C", "ORGANO", "LINEA", "2", "04", "C"));
    assertRefused(() -> StructureWorkbook.read(book, 500), tuple(3, "F", "padre"), tuple(4, "F", "padre"),
        tuple(5, "F", "padre"))
        .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::reason).containsExactly(
            "forma un ciclo de dependencias (02 → 03 → 02): ninguna de esas unidades llega al primer nivel",
            "forma un ciclo de dependencias (02 → 03 → 02): ninguna de esas unidades llega al primer nivel",
            "la unidad 04 no puede depender de sí misma"));
  }

  @Test
  void anUnknownOrganTypeOrClassIsRefused() {
    byte[] book = book(HEADER,
        row("01", "Alcaldía", "ORGANO", "DIRECCION", "1", "", "Dirigir"),
        row("02", "Gerencia", "GERENCIA", "LINEA", "2", "01", "Conducir"));
    assertRefused(() -> StructureWorkbook.read(book, 500), tuple(2, "D", "tipo"), tuple(3, "C", "clase"))
        .hasMessageContaining("Fila 2, columna D (Tipo de órgano): «DIRECCION» no es un tipo de órgano: use ALTA_DIRECCION,"
            + " LINEA, ASESORAMIENTO, APOYO, DESCONCENTRADO");
  }

  @Test
  void aLevelThatIsNotAWholeNumberIsRefusedInColumnE() {
    byte[] book = book(HEADER,
        row("01", "Alcaldía", "ORGANO", "ALTA_DIRECCION", "uno", "", "Dirigir"),
        row("02", "Gerencia", "ORGANO", "LINEA", "2.5", "01", "Conducir"),
        row("03", "Oficina", "ORGANO", "APOYO", "0", "01", "Apoyar"),
        row("04", "Procuraduría", "ORGANO", "ASESORAMIENTO", "", "01", "Defender"));
    assertRefused(() -> StructureWorkbook.read(book, 500), tuple(2, "E", "nivel"), tuple(3, "E", "nivel"),
        tuple(4, "E", "nivel"), tuple(5, "E", "nivel"))
        .hasMessageContaining("4 errores")
        .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::reason).containsExactly(
            "«uno» no es un número entero de 1 o mayor", "«2.5» no es un número entero de 1 o mayor",
            "«0» no es un número entero de 1 o mayor", "está vacío"));
  }

  @Test
  void aFileThatIsNotAnXlsxBookIsRefusedAsAWhole() throws Exception {
    assertRefused(() -> StructureWorkbook.read("codigo,nombre\n01,Alcaldía\n".getBytes(StandardCharsets.UTF_8), 500),
        tuple(null, null, "archivo")).hasMessageContaining("no es un libro de Excel (.xlsx)");
    assertRefused(() -> StructureWorkbook.read(new byte[0], 500), tuple(null, null, "archivo"))
        .hasMessageContaining("está vacío");
    byte[] corrupt = Arrays.copyOf(StructureWorkbookWriter.write(SMALL, 10), 300);
    assertRefused(() -> StructureWorkbook.read(corrupt, 500), tuple(null, null, "archivo"))
        .hasMessageContaining("no se pudo leer como libro de Excel");
    ByteArrayOutputStream xls = new ByteArrayOutputStream();
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      fs.createDocument(new ByteArrayInputStream(new byte[64]), "Workbook");
      fs.writeFilesystem(xls);
    }
    assertRefused(() -> StructureWorkbook.read(xls.toByteArray(), 500), tuple(null, null, "archivo"))
        .hasMessageContaining("Excel 97-2003");
  }

  @Test
  void aPasswordProtectedBookIsRefused() throws Exception {
    ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      encryptor.confirmPassword("secreto");
      try (OutputStream out = encryptor.getDataStream(fs)) {
        out.write(StructureWorkbookWriter.write(SMALL, 10));
      }
      fs.writeFilesystem(encrypted);
    }
    assertRefused(() -> StructureWorkbook.read(encrypted.toByteArray(), 500), tuple(null, null, "archivo"))
        .hasMessageContaining("protegido con contraseña");
  }

  @Test
  void tooManyRowsAnEmptySheetAndAMissingSheetAreRefused() throws IOException {
    byte[] four = StructureWorkbookWriter.write(SMALL, 10);
    assertThat(StructureWorkbook.read(four, 4).units()).hasSize(4);
    assertRefused(() -> StructureWorkbook.read(four, 3), tuple(null, null, "archivo"))
        .hasMessageContaining("tiene más de 3 unidades");
    byte[] empty = book(new String[0]);
    assertRefused(() -> StructureWorkbook.read(empty, 500), tuple(null, null, "archivo"))
        .hasMessageContaining("la hoja «Estructura» está vacía");
    ByteArrayOutputStream other = new ByteArrayOutputStream();
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      book.createSheet("Hoja1").createRow(0).createCell(0).setCellValue("Código");
      book.write(other);
    }
    assertRefused(() -> StructureWorkbook.read(other.toByteArray(), 500), tuple(null, null, "archivo"))
        .hasMessageContaining("no tiene la hoja «Estructura»");
  }

  @Test
  void everyProblemOfTheFileIsListedAtOnceInRowOrder() {
    byte[] book = book(HEADER,
        row("01", "", "ORGANO", "ALTA_DIRECCION", "1", "", "Dirigir"),
        row("02", "Gerencia", "ORGANO", "X", "dos", "07", "Conducir"));
    assertRefused(() -> StructureWorkbook.read(book, 500), tuple(2, "B", "nombre"), tuple(3, "D", "tipo"),
        tuple(3, "E", "nivel"), tuple(3, "F", "padre"))
        .hasMessageStartingWith("No se guardó la estructura. El archivo tiene 4 errores; el primero: Fila 2, columna B"
            + " (Nombre): está vacío.");
  }

  // --- helpers: books built here, as people fill them ----------------------------------------------

  static String[] row(String... cells) {
    return cells;
  }

  /** A book whose sheet «Estructura» holds these rows, every cell as text. */
  static byte[] book(String[]... rows) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Estructura");
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Refused as a whole, with exactly these (row, column, field) in this order. */
  static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefused(ThrowingCallable read,
      org.assertj.core.groups.Tuple... cells) {
    return assertThatThrownBy(read).isInstanceOfSatisfying(InvalidInputException.class, e ->
        assertThat(e.errors()).extracting(FieldError::row, FieldError::column, FieldError::field).containsExactly(cells));
  }
}

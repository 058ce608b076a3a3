package pe.gob.pcm.platform.pgo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a structure as an XLSX book in the template {@link StructureWorkbook} reads (so what is
 * exported imports back unchanged), or the empty template: the sheet «Estructura» with its header,
 * lists to choose the class and the organ type, and the sheet «Instrucciones» explaining each
 * column and the allowed values in Spanish. The MOP's own content ({@code mop}) is not in the
 * template: it is edited in the editor and kept when units are imported.
 */
public final class StructureWorkbookWriter {

  public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private static final int[] WIDTHS = {12, 45, 20, 20, 8, 16, 90};

  private StructureWorkbookWriter() {}

  /** The empty template, for up to {@code maxRows} units. */
  public static byte[] template(int maxRows) {
    return write(new OrgStructure(List.of()), maxRows);
  }

  /** The units of {@code structure}, one row each in their order, for up to {@code maxRows} units. */
  public static byte[] write(OrgStructure structure, int maxRows) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles styles = new Styles(book);
      XSSFSheet sheet = book.createSheet(StructureWorkbook.SHEET);
      Row header = sheet.createRow(0);
      List<StructureWorkbook.Column> columns = StructureWorkbook.COLUMNS;
      for (int c = 0; c < columns.size(); c++) {
        var cell = header.createCell(c);
        cell.setCellValue(columns.get(c).header());
        cell.setCellStyle(styles.header);
        sheet.setColumnWidth(c, WIDTHS[c] * 256);
      }
      // codes typed into an empty template stay text: «01» is not turned into the number 1
      sheet.setDefaultColumnStyle(0, styles.text);
      sheet.setDefaultColumnStyle(5, styles.text);
      sheet.createFreezePane(0, 1);
      int r = 1;
      for (OrgUnit unit : structure.units()) {
        Row row = sheet.createRow(r++);
        text(row, 0, unit.code(), styles.text);
        text(row, 1, unit.name(), styles.wrap);
        text(row, 2, unit.kind(), styles.wrap);
        text(row, 3, unit.type(), styles.wrap);
        if (unit.level() != null) {
          row.createCell(4).setCellValue(unit.level());
          row.getCell(4).setCellStyle(styles.wrap);
        }
        text(row, 5, unit.parent(), styles.text);
        text(row, 6, functions(unit.functions()), styles.wrap);
      }
      int last = Math.max(maxRows, structure.units().size());
      XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
      list(sheet, helper, 2, last, StructureWorkbook.KIND_NAMES, "Clase", "Elija ORGANO o UNIDAD_ORGANICA (ROF), o"
          + " UNIDAD_FUNCIONAL (MOP).");
      list(sheet, helper, 3, last, StructureWorkbook.TYPE_NAMES, "Tipo de órgano", "Elija un tipo de la lista: "
          + String.join(", ", OrgUnit.TYPES) + ".");
      DataValidation level = helper.createValidation(helper.createIntegerConstraint(
          DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "1", null), new CellRangeAddressList(1, last, 4, 4));
      level.setShowErrorBox(true);
      level.createErrorBox("Nivel", "El nivel es un número entero: 1 para el primer nivel.");
      sheet.addValidationData(level);
      instructions(book.createSheet(StructureWorkbook.INSTRUCTIONS_SHEET), styles, maxRows);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One function per line. A single function holding «;» ends with a line break, so that reading
   * it back splits it by lines and not by «;».
   */
  static String functions(List<String> functions) {
    String joined = String.join("\n", functions);
    return functions.size() == 1 && joined.contains(";") ? joined + "\n" : joined;
  }

  private static void list(XSSFSheet sheet, XSSFDataValidationHelper helper, int column, int last,
      Map<String, String> options, String title, String message) {
    DataValidation validation = helper.createValidation(
        helper.createExplicitListConstraint(options.keySet().toArray(String[]::new)),
        new CellRangeAddressList(1, last, column, column));
    validation.setShowErrorBox(true);
    validation.setSuppressDropDownArrow(true);
    validation.createErrorBox(title, message);
    validation.setShowPromptBox(true);
    validation.createPromptBox(title, message);
    sheet.addValidationData(validation);
  }

  private static void instructions(XSSFSheet sheet, Styles styles, int maxRows) {
    sheet.setColumnWidth(0, 34 * 256);
    sheet.setColumnWidth(1, 14 * 256);
    sheet.setColumnWidth(2, 100 * 256);
    int[] r = {0};
    java.util.function.BiConsumer<String, CellStyle> line = (text, style) -> {
      Row row = sheet.createRow(r[0]++);
      text(row, 0, text, style);
    };
    line.accept("Plantilla de la estructura orgánica (ROF o MOP)", styles.title);
    r[0]++;
    line.accept("1. Llene la hoja «" + StructureWorkbook.SHEET + "»: una fila por unidad, debajo de los encabezados."
        + " No cambie ni borre los encabezados; puede agregar columnas propias, que no se leen.", null);
    line.accept("2. En el editor de la estructura del expediente, elija el archivo e «Importar XLSX». Se importa todo o"
        + " nada: si una fila tiene un error no se guarda ninguna, y la plataforma lista cada error con su fila y su"
        + " columna.", null);
    line.accept("3. Lo importado se guarda como una versión nueva de la estructura, como al «Guardar versión» en el"
        + " editor, que aplica las reglas de estructura (niveles, funciones, denominaciones) y muestra sus"
        + " observaciones.", null);
    line.accept("Hasta " + maxRows + " unidades por archivo. «Descargar XLSX» en el editor da la estructura actual en"
        + " esta misma plantilla.", null);
    r[0]++;
    Row header = sheet.createRow(r[0]++);
    text(header, 0, "Columna", styles.header);
    text(header, 1, "Obligatoria", styles.header);
    text(header, 2, "Qué va", styles.header);
    for (StructureWorkbook.Column column : StructureWorkbook.COLUMNS) {
      Row row = sheet.createRow(r[0]++);
      text(row, 0, column.header(), styles.wrap);
      text(row, 1, column.required() ? "Sí" : "No", styles.wrap);
      text(row, 2, column.help(), styles.wrap);
    }
    r[0]++;
    table(sheet, r, styles, "Clase", StructureWorkbook.KIND_NAMES);
    r[0]++;
    table(sheet, r, styles, "Tipo de órgano", StructureWorkbook.TYPE_NAMES);
  }

  private static void table(XSSFSheet sheet, int[] r, Styles styles, String title, Map<String, String> values) {
    Row header = sheet.createRow(r[0]++);
    text(header, 0, title + ": valores permitidos", styles.header);
    text(header, 1, "", styles.header);
    text(header, 2, "Significado", styles.header);
    for (Map.Entry<String, String> value : values.entrySet()) {
      Row row = sheet.createRow(r[0]++);
      text(row, 0, value.getKey(), styles.wrap);
      text(row, 2, value.getValue(), styles.wrap);
    }
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    if (value == null) {
      return;
    }
    var cell = row.createCell(column);
    cell.setCellValue(value);
    if (style != null) {
      cell.setCellStyle(style);
    }
  }

  private static final class Styles {
    final CellStyle header;
    final CellStyle title;
    final CellStyle text;
    final CellStyle wrap;

    Styles(XSSFWorkbook book) {
      XSSFFont bold = book.createFont();
      bold.setBold(true);
      header = book.createCellStyle();
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      header.setWrapText(true);
      XSSFFont big = book.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      title = book.createCellStyle();
      title.setFont(big);
      text = book.createCellStyle();
      text.setDataFormat(book.createDataFormat().getFormat("@"));
      text.setVerticalAlignment(VerticalAlignment.TOP);
      wrap = book.createCellStyle();
      wrap.setWrapText(true);
      wrap.setVerticalAlignment(VerticalAlignment.TOP);
    }
  }
}

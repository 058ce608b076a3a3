package pe.gob.pcm.platform.account;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import pe.gob.pcm.platform.validation.InvalidInputException;

/**
 * The people import file (docs/personas.md): CSV in UTF-8 or the first sheet of an XLSX book,
 * with the header {@code usuario,nombres,apellidos,correo,roles} (any order) and the roles of a
 * person separated by {@code ;}. Reading only splits the file into lines numbered as the
 * spreadsheet numbers its rows (the header is row 1); {@link People#importAll} checks them. A file
 * that cannot be read at all is refused as a whole, on the field {@code archivo}.
 */
final class PeopleFile {

  static final List<String> COLUMNS = List.of("usuario", "nombres", "apellidos", "correo", "roles");
  static final String HEADER = String.join(",", COLUMNS);

  /** One person's line as written; {@code row} as the spreadsheet shows it. */
  record Line(int row, String userId, String firstName, String lastName, String email, String roles) {}

  static {
    // An XLSX is a zip: POI refuses entries that inflate more than 100 times (its default); this
    // also bounds what one entry may inflate to (POI's default is 4 GB). A sheet of a few
    // thousand people is well under 1 MB. Nothing else in the platform reads office files.
    if (ZipSecureFile.getMaxEntrySize() > 32L * 1024 * 1024) {
      ZipSecureFile.setMaxEntrySize(32L * 1024 * 1024);
    }
  }

  private PeopleFile() {}

  /** The file's lines (blank ones left out), or the refusal of the whole file. */
  static List<Line> read(String fileName, byte[] content, int maxRows) {
    if (content == null || content.length == 0) {
      throw refused("está vacío");
    }
    List<List<String>> records;
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
      records = xlsx(content, maxRows);
    } else if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0) || name.endsWith(".xls")) {
      throw refused("es un libro de Excel 97-2003 (.xls): guárdelo como libro de Excel (.xlsx) o como CSV UTF-8");
    } else if (name.endsWith(".xlsx")) {
      throw refused("no es un libro de Excel (.xlsx) válido");
    } else {
      records = csv(utf8(content));
    }
    return lines(records, maxRows);
  }

  /** The role ids of a cell: separated by {@code ;} (a comma is taken as a separator too). */
  static List<String> splitRoles(String roles) {
    if (roles == null || roles.isBlank()) {
      return List.of();
    }
    return Arrays.stream(roles.split("[;,]")).map(String::strip).filter(role -> !role.isEmpty()).toList();
  }

  private static List<Line> lines(List<List<String>> records, int maxRows) {
    int headerIndex = 0;
    while (headerIndex < records.size() && blank(records.get(headerIndex))) {
      headerIndex++;
    }
    if (headerIndex == records.size()) {
      throw refused("está vacío");
    }
    Map<String, Integer> column = header(records.get(headerIndex));
    List<Line> lines = new ArrayList<>();
    for (int i = headerIndex + 1; i < records.size(); i++) {
      List<String> record = records.get(i);
      if (blank(record)) {
        continue;
      }
      if (lines.size() == maxRows) {
        throw refused("tiene más de " + maxRows + " personas: divídalo en archivos de hasta " + maxRows + " filas");
      }
      int row = i + 1;
      lines.add(new Line(row, cell(record, column.get("usuario")), cell(record, column.get("nombres")),
          cell(record, column.get("apellidos")), cell(record, column.get("correo")), cell(record, column.get("roles"))));
    }
    if (lines.isEmpty()) {
      throw refused("no tiene personas: después del encabezado " + HEADER + " va una fila por persona");
    }
    return lines;
  }

  /** Column name to index; every column of the template once, blank trailing headers ignored. */
  private static Map<String, Integer> header(List<String> record) {
    if (record.size() == 1 && record.get(0).contains(";")) {
      throw refused("separa las columnas con «;»: sepárelas con comas (en Excel, «Guardar como» › «CSV UTF-8"
          + " (delimitado por comas)») o suba el libro .xlsx");
    }
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < record.size(); i++) {
      String name = record.get(i).strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (!COLUMNS.contains(name)) {
        throw refused("la columna «" + record.get(i).strip() + "» no es de la plantilla: la primera fila debe ser "
            + HEADER);
      }
      if (column.put(name, i) != null) {
        throw refused("la columna «" + name + "» está repetida en el encabezado");
      }
    }
    List<String> missing = COLUMNS.stream().filter(name -> !column.containsKey(name)).toList();
    if (!missing.isEmpty()) {
      throw refused("le falta" + (missing.size() > 1 ? "n las columnas " : " la columna ") + String.join(", ", missing)
          + ": la primera fila debe ser " + HEADER);
    }
    return column;
  }

  private static String cell(List<String> record, int index) {
    return index < record.size() ? record.get(index).strip() : "";
  }

  private static boolean blank(List<String> record) {
    return record.stream().allMatch(String::isBlank);
  }

  // --- CSV (RFC 4180: commas, fields in double quotes may hold commas, quotes and line breaks) ---

  private static String utf8(byte[] content) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw refused("no está en UTF-8: en Excel use «Guardar como» › «CSV UTF-8 (delimitado por comas)», o suba"
          + " el libro .xlsx");
    }
  }

  static List<List<String>> csv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int recordStart = 1;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        field.setLength(0);
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        recordStart = records.size() + 1;
      } else {
        field.append(c);
      }
      i++;
    }
    if (quoted) {
      throw refused("la fila " + recordStart + " abre comillas que no se cierran");
    }
    if (!field.isEmpty() || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }

  // --- XLSX: the first sheet, each cell as Excel shows it -------------------------------------------

  private static List<List<String>> xlsx(byte[] content, int maxRows) {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      if (book.getNumberOfSheets() == 0) {
        throw refused("el libro no tiene hojas");
      }
      Sheet sheet = book.getSheetAt(0);
      if (sheet.getLastRowNum() > maxRows + 1000) {
        throw refused("tiene más de " + maxRows + " personas: divídalo en archivos de hasta " + maxRows + " filas");
      }
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      formatter.setUseCachedValuesForFormulaCells(true);
      List<List<String>> records = new ArrayList<>();
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> record = new ArrayList<>();
        if (row != null) {
          for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
            Cell cell = row.getCell(c);
            record.add(cell == null ? "" : formatter.formatCellValue(cell));
          }
        }
        records.add(record);
      }
      return records;
    } catch (InvalidInputException e) {
      throw e;
    } catch (Exception e) {
      throw refused("no se pudo leer como libro de Excel (.xlsx): ábralo en Excel, revíselo y guárdelo de nuevo");
    }
  }

  private static boolean startsWith(byte[] content, int... magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((content[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static InvalidInputException refused(String reason) {
    return new InvalidInputException("archivo", "Archivo", reason);
  }
}

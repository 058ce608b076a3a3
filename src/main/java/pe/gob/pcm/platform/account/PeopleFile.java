package pe.gob.pcm.platform.account;

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
import pe.gob.pcm.platform.validation.InvalidInputException;
import pe.gob.pcm.platform.validation.Spreadsheets;

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

  private PeopleFile() {}

  /** The file's lines (blank ones left out), or the refusal of the whole file. */
  static List<Line> read(String fileName, byte[] content, int maxRows) {
    if (content == null || content.length == 0) {
      throw refused("está vacío");
    }
    List<List<String>> records;
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    Spreadsheets.Format format = Spreadsheets.format(content);
    if (format == Spreadsheets.Format.XLSX || format == Spreadsheets.Format.ENCRYPTED) {
      records = xlsx(content, maxRows);
    } else if (format == Spreadsheets.Format.XLS || name.endsWith(".xls")) {
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
    return Spreadsheets.cell(record, index);
  }

  private static boolean blank(List<String> record) {
    return Spreadsheets.blank(record);
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
    try {
      return Spreadsheets.rows(content, null, maxRows + 1000);
    } catch (Spreadsheets.Unreadable e) {
      throw switch (e.problem()) {
        case NO_SHEET -> refused("el libro no tiene hojas");
        case TOO_MANY_ROWS -> refused("tiene más de " + maxRows + " personas: divídalo en archivos de hasta " + maxRows
            + " filas");
        case ENCRYPTED -> refused("está protegido con contraseña: quite la contraseña en Excel y súbalo de nuevo");
        case UNREADABLE -> refused("no se pudo leer como libro de Excel (.xlsx): ábralo en Excel, revíselo y guárdelo"
            + " de nuevo");
      };
    }
  }

  private static InvalidInputException refused(String reason) {
    return new InvalidInputException("archivo", "Archivo", reason);
  }
}

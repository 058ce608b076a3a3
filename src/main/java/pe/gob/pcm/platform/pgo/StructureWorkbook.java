package pe.gob.pcm.platform.pgo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pe.gob.pcm.platform.validation.FieldError;
import pe.gob.pcm.platform.validation.InvalidInputException;
import pe.gob.pcm.platform.validation.Spreadsheets;

/**
 * Reads a structure from an XLSX book in the template of docs/processes/pgo.md: the sheet
 * «Estructura», a header row and one row per unit, the same units the editor's JSON holds. An
 * entity that already has its ROF in a spreadsheet loads it instead of typing it. Every problem of
 * the file is collected with its row and column letter before answering, and any problem refuses
 * the whole file: a structure is never saved half read. The organisational rules
 * ({@link StructureRules}) are not applied here: they run on the saved version as on the editor's.
 */
public final class StructureWorkbook {

  public static final String SHEET = "Estructura";
  public static final String INSTRUCTIONS_SHEET = "Instrucciones";
  /** Errors listed at most: past them the file is clearly not the template. */
  static final int MAX_ERRORS = 200;

  /** One column of the template: its field in the JSON format, header, whether the header is required, help. */
  public record Column(String field, String header, boolean required, String help, List<String> aliases) {}

  public static final List<Column> COLUMNS = List.of(
      new Column("codigo", "Código", true, "Obligatorio. Único en la estructura, hasta 20 caracteres (p. ej. 01, 03.1)."
          + " Escríbalo como texto para conservar los ceros a la izquierda.", List.of()),
      new Column("nombre", "Nombre", true, "Obligatorio. Denominación de la unidad, hasta 200 caracteres.",
          List.of("denominacion")),
      new Column("clase", "Clase", true, "Obligatorio. ORGANO o UNIDAD_ORGANICA en un ROF; UNIDAD_FUNCIONAL en un MOP.",
          List.of()),
      new Column("tipo", "Tipo de órgano", true, "Obligatorio. Uno de la lista de tipos (abajo).", List.of("tipo")),
      new Column("nivel", "Nivel", true, "Obligatorio. Número entero: 1 para el primer nivel, 2 para el que depende de él…",
          List.of("nivel organizacional")),
      new Column("padre", "Dependencia (código del padre)", true, "Código de la unidad de la que depende; vacío para la"
          + " unidad de primer nivel.", List.of("padre", "depende de")),
      new Column("funciones", "Funciones", false, "Una función por línea dentro de la celda (Alt+Intro en Excel) o"
          + " separadas por «;».", List.of()));

  /** The classes of a unit, code → what the template's instructions call it. */
  public static final Map<String, String> KIND_NAMES = names("ORGANO", "Órgano", "UNIDAD_ORGANICA", "Unidad orgánica",
      OrgUnit.FUNCTIONAL_UNIT, "Unidad funcional (MOP)");
  /** The organ types, code → Spanish name. */
  public static final Map<String, String> TYPE_NAMES = names("ALTA_DIRECCION", "Alta Dirección", "LINEA", "Línea",
      "ASESORAMIENTO", "Asesoramiento", "APOYO", "Apoyo", "DESCONCENTRADO", "Desconcentrado");

  private StructureWorkbook() {}

  /**
   * The units of the book, in the order of their rows, or the refusal listing every problem
   * (field {@code archivo} for the file as a whole, otherwise the row, column and field).
   */
  public static OrgStructure read(byte[] content, int maxRows) {
    Errors errors = new Errors();
    List<List<String>> rows = rows(content, maxRows, errors);
    if (rows != null) {
      List<OrgUnit> units = units(rows, maxRows, errors);
      if (!errors.any()) {
        return new OrgStructure(units);
      }
    }
    throw errors.refusal();
  }

  private static List<List<String>> rows(byte[] content, int maxRows, Errors errors) {
    switch (Spreadsheets.format(content)) {
      case EMPTY -> errors.file("está vacío");
      case XLS -> errors.file("es un libro de Excel 97-2003 (.xls): guárdelo como libro de Excel (.xlsx)");
      case OTHER -> errors.file("no es un libro de Excel (.xlsx): descargue la plantilla y llénela");
      default -> {
        try {
          return Spreadsheets.rows(content, SHEET, maxRows + 1000);
        } catch (Spreadsheets.Unreadable e) {
          errors.file(switch (e.problem()) {
            case ENCRYPTED -> "está protegido con contraseña: quite la contraseña en Excel y súbalo de nuevo";
            case NO_SHEET -> "no tiene la hoja «" + SHEET + "»: use la plantilla, que la trae";
            case TOO_MANY_ROWS -> tooMany(maxRows);
            case UNREADABLE -> "no se pudo leer como libro de Excel (.xlsx): ábralo en Excel, revíselo y guárdelo de"
                + " nuevo";
          });
        }
      }
    }
    return null;
  }

  private static List<OrgUnit> units(List<List<String>> rows, int maxRows, Errors errors) {
    int headerIndex = 0;
    while (headerIndex < rows.size() && Spreadsheets.blank(rows.get(headerIndex))) {
      headerIndex++;
    }
    if (headerIndex == rows.size()) {
      errors.file("la hoja «" + SHEET + "» está vacía: la primera fila lleva los encabezados de la plantilla");
      return List.of();
    }
    Map<String, Integer> column = header(rows.get(headerIndex), headerIndex + 1, errors);
    if (errors.any()) {
      return List.of();
    }
    List<OrgUnit> units = new ArrayList<>();
    List<Integer> rowOf = new ArrayList<>();
    Map<String, Integer> rowOfCode = new HashMap<>();
    for (int i = headerIndex + 1; i < rows.size(); i++) {
      List<String> cells = rows.get(i);
      if (Spreadsheets.blank(cells)) {
        continue;
      }
      if (units.size() == maxRows) {
        errors.file(tooMany(maxRows));
        return units;
      }
      int row = i + 1;
      Cells line = new Cells(cells, row, column, errors);
      String code = line.required("codigo");
      if (code != null && code.length() > 20) {
        line.refuse("codigo", "tiene más de 20 caracteres");
      } else if (code != null) {
        Integer first = rowOfCode.putIfAbsent(code, row);
        if (first != null) {
          line.refuse("codigo", "repite el código " + code + " de la fila " + first);
        }
      }
      String name = line.required("nombre");
      if (name != null && name.length() > 200) {
        line.refuse("nombre", "tiene más de 200 caracteres");
      }
      String kind = line.choice("clase", KIND_NAMES, "no es una clase: use ORGANO, UNIDAD_ORGANICA o UNIDAD_FUNCIONAL");
      String type = line.choice("tipo", TYPE_NAMES, "no es un tipo de órgano: use " + String.join(", ", OrgUnit.TYPES));
      Integer level = line.level();
      String parent = line.text("padre");
      List<String> functions = functions(line.raw("funciones"));
      units.add(new OrgUnit(code, name, kind, type, level, parent.isEmpty() ? null : parent, functions));
      rowOf.add(row);
    }
    if (units.isEmpty() && !errors.any()) {
      errors.file("la hoja «" + SHEET + "» no tiene unidades: después del encabezado va una fila por unidad");
    }
    parents(units, rowOf, rowOfCode, column.get("padre"), errors);
    return units;
  }

  /** Column field → index; every required header once; columns that are not the template's are ignored. */
  private static Map<String, Integer> header(List<String> cells, int row, Errors errors) {
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String name = Spreadsheets.normalize(cells.get(i).replaceAll("\\(.*\\)", ""));
      for (Column c : COLUMNS) {
        if (name.equals(Spreadsheets.normalize(c.header().replaceAll("\\(.*\\)", ""))) || c.aliases().contains(name)) {
          if (column.putIfAbsent(c.field(), i) != null) {
            errors.add(FieldError.cell(row, Spreadsheets.column(i), c.field(), c.header(),
                "la columna está repetida en el encabezado"));
          }
        }
      }
    }
    for (Column c : COLUMNS) {
      if (c.required() && !column.containsKey(c.field())) {
        errors.add(FieldError.cell(row, null, c.field(), c.header(), "falta la columna «" + c.header()
            + "» en el encabezado: la primera fila debe llevar " + headers()));
      }
    }
    return column;
  }

  /** Each parent is a unit of the file, and following parents never comes back to a unit. */
  private static void parents(List<OrgUnit> units, List<Integer> rowOf, Map<String, Integer> rowOfCode,
      Integer parentColumn, Errors errors) {
    String letter = parentColumn == null ? null : Spreadsheets.column(parentColumn);
    Map<String, String> parentOf = new LinkedHashMap<>();
    for (int i = 0; i < units.size(); i++) {
      OrgUnit unit = units.get(i);
      // a repeated code is refused already; its dependency is not followed
      if (unit.parent() == null || unit.code() == null || !rowOf.get(i).equals(rowOfCode.get(unit.code()))) {
        continue;
      }
      if (!rowOfCode.containsKey(unit.parent())) {
        errors.add(FieldError.cell(rowOf.get(i), letter, "padre", "Dependencia", "depende de «" + unit.parent()
            + "», que no es el código de ninguna fila"));
      } else {
        parentOf.putIfAbsent(unit.code(), unit.parent());
      }
    }
    Set<String> reported = new HashSet<>();
    for (String start : parentOf.keySet()) {
      List<String> path = new ArrayList<>();
      String code = start;
      while (code != null && !path.contains(code) && path.size() <= parentOf.size()) {
        path.add(code);
        code = parentOf.get(code);
      }
      if (code != null && path.contains(code) && !reported.contains(code)) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(code), path.size()));
        reported.addAll(cycle);
        cycle.add(code);
        String chain = String.join(" → ", cycle);
        for (String member : new LinkedHashSet<String>(cycle)) {
          errors.add(FieldError.cell(rowOfCode.get(member), letter, "padre", "Dependencia",
              cycle.size() == 2 ? "la unidad " + member + " no puede depender de sí misma"
                  : "forma un ciclo de dependencias (" + chain + "): ninguna de esas unidades llega al primer nivel"));
        }
      }
    }
    errors.sortByRow();
  }

  /** One function per line; without line breaks, separated by {@code ;}. */
  static List<String> functions(String cell) {
    if (cell == null || cell.isBlank()) {
      return List.of();
    }
    String[] parts = cell.contains("\n") ? cell.split("\\r?\\n") : cell.split(";");
    return Arrays.stream(parts).map(String::strip).filter(f -> !f.isEmpty()).toList();
  }

  static String headers() {
    return String.join(", ", COLUMNS.stream().map(Column::header).toList());
  }

  private static String tooMany(int maxRows) {
    return "tiene más de " + maxRows + " unidades: una estructura admite hasta " + maxRows + " filas";
  }

  private static Map<String, String> names(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  /** The cells of one unit's row, read by field, each problem added with its row and column. */
  private static final class Cells {
    private final List<String> cells;
    private final int row;
    private final Map<String, Integer> column;
    private final Errors errors;

    Cells(List<String> cells, int row, Map<String, Integer> column, Errors errors) {
      this.cells = cells;
      this.row = row;
      this.column = column;
      this.errors = errors;
    }

    String text(String field) {
      return Spreadsheets.cell(cells, column.get(field));
    }

    /** The cell as written, line breaks at its ends included. */
    String raw(String field) {
      Integer index = column.get(field);
      return index != null && index < cells.size() ? cells.get(index) : "";
    }

    /** The cell's text, or null (refused) when it is empty. */
    String required(String field) {
      String value = text(field);
      if (value.isEmpty()) {
        refuse(field, "está vacío");
        return null;
      }
      return value;
    }

    /** A code of {@code allowed}, written as the code or as its Spanish name, in any case and with or without accents. */
    String choice(String field, Map<String, String> allowed, String problem) {
      String value = required(field);
      if (value == null) {
        return null;
      }
      String written = Spreadsheets.normalize(value.replace('_', ' '));
      for (Map.Entry<String, String> option : allowed.entrySet()) {
        if (written.equals(Spreadsheets.normalize(option.getKey().replace('_', ' ')))
            || written.equals(Spreadsheets.normalize(option.getValue().replaceAll("\\(.*\\)", "")))) {
          return option.getKey();
        }
      }
      refuse(field, "«" + value + "» " + problem);
      return null;
    }

    Integer level() {
      String value = required("nivel");
      if (value == null) {
        return null;
      }
      try {
        int level = Integer.parseInt(value.replaceAll("[.,]0+$", ""));
        if (level >= 1 && level <= 99) {
          return level;
        }
      } catch (NumberFormatException e) {
        // refused below
      }
      refuse("nivel", "«" + value + "» no es un número entero de 1 o mayor");
      return null;
    }

    void refuse(String field, String reason) {
      Column c = COLUMNS.stream().filter(col -> col.field().equals(field)).findFirst().orElseThrow();
      errors.add(FieldError.cell(row, Spreadsheets.column(column.get(field)), field, c.header(), reason));
    }
  }

  /** The problems found, at most {@link #MAX_ERRORS}. */
  private static final class Errors {
    private final List<FieldError> list = new ArrayList<>();
    private boolean more;

    void add(FieldError error) {
      if (list.size() < MAX_ERRORS) {
        list.add(error);
      } else {
        more = true;
      }
    }

    void file(String reason) {
      add(new FieldError("archivo", "Archivo", reason));
    }

    boolean any() {
      return !list.isEmpty();
    }

    void sortByRow() {
      list.sort(java.util.Comparator.comparing((FieldError e) -> e.row() == null ? 0 : e.row())
          .thenComparing(e -> e.column() == null ? 0 : e.column().length())
          .thenComparing(e -> e.column() == null ? "" : e.column()));
    }

    InvalidInputException refusal() {
      List<FieldError> errors = new ArrayList<>(list);
      if (more) {
        errors.add(new FieldError("archivo", "Archivo", "tiene más de " + MAX_ERRORS + " errores: se muestran los primeros "
            + MAX_ERRORS));
      }
      String summary = errors.size() == 1 ? errors.get(0).message()
          : "El archivo tiene " + (more ? "más de " + MAX_ERRORS : errors.size()) + " errores; el primero: "
              + errors.get(0).message();
      return new InvalidInputException("No se guardó la estructura. " + summary
          + " Corrija el archivo y vuelva a subirlo completo: no se guarda ninguna fila mientras haya errores.", errors);
    }
  }
}

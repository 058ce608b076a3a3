package pe.gob.pcm.platform.validation;

/**
 * One refused field: its wire/variable name, the label users see, and the reason; for a cell of an
 * uploaded spreadsheet also its row (as the spreadsheet numbers it) and column letter.
 */
public record FieldError(String field, String label, String reason, Integer row, String column) {

  public FieldError(String field, String label, String reason) {
    this(field, label, reason, null, null);
  }

  /** A refused cell of a spreadsheet: row {@code row} (1 is the first), column {@code column} ("A"). */
  public static FieldError cell(int row, String column, String field, String label, String reason) {
    return new FieldError(field, label, reason, row, column);
  }

  public String message() {
    return row == null ? label + ": " + reason + "."
        : "Fila " + row + (column == null ? "" : ", columna " + column) + " (" + label + "): " + reason + ".";
  }
}

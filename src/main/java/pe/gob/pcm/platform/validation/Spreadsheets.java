package pe.gob.pcm.platform.validation;

import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reading the spreadsheets people upload (Apache POI): what kind of file it is, and one sheet of an
 * XLSX book as the texts Excel shows in its cells, row by row, so that row {@code i} of the answer
 * is the spreadsheet's row {@code i + 1}. Each import (people, a PGO structure) checks the texts
 * and words its own refusals; what cannot be read at all is a {@link Unreadable} with its reason.
 */
public final class Spreadsheets {

  /** What a file's first bytes say it is. */
  public enum Format {
    /** An Office Open XML package (a zip): an .xlsx book, or another zip. */
    XLSX,
    /** An Excel 97-2003 book (OLE2 container). */
    XLS,
    /** An .xlsx book protected with a password: Excel keeps it encrypted inside an OLE2 container. */
    ENCRYPTED,
    /** Anything else (a CSV, a PDF, text). */
    OTHER,
    /** No bytes. */
    EMPTY
  }

  /** Why a book could not be read. */
  public enum Problem {
    /** Not an XLSX book, or a damaged one. */
    UNREADABLE,
    /** Protected with a password. */
    ENCRYPTED,
    /** The book has no sheets, or not the sheet asked for. */
    NO_SHEET,
    /** The sheet has more rows than allowed. */
    TOO_MANY_ROWS
  }

  /** A book that could not be read, with why. */
  public static final class Unreadable extends RuntimeException {
    private final Problem problem;

    Unreadable(Problem problem) {
      super(problem.name());
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  static {
    // An XLSX is a zip: POI refuses entries that inflate more than 100 times (its default); this
    // also bounds what one entry may inflate to (POI's default is 4 GB). A sheet of a few
    // thousand rows is well under 1 MB.
    if (ZipSecureFile.getMaxEntrySize() > 32L * 1024 * 1024) {
      ZipSecureFile.setMaxEntrySize(32L * 1024 * 1024);
    }
  }

  private Spreadsheets() {}

  public static Format format(byte[] content) {
    if (content == null || content.length == 0) {
      return Format.EMPTY;
    }
    if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
      return Format.XLSX;
    }
    if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
      return encrypted(content) ? Format.ENCRYPTED : Format.XLS;
    }
    return Format.OTHER;
  }

  /**
   * The cells of one sheet of an XLSX book as Excel shows them (cached values of formulas), one
   * list per row up to the last one, empty rows included. {@code sheetName} null: the first sheet;
   * otherwise the sheet of that name, compared by {@link #normalize}. More than
   * {@code maxRowIndex + 1} rows is {@link Problem#TOO_MANY_ROWS}, before any cell is read.
   */
  public static List<List<String>> rows(byte[] content, String sheetName, int maxRowIndex) {
    Format format = format(content);
    if (format == Format.ENCRYPTED) {
      throw new Unreadable(Problem.ENCRYPTED);
    }
    if (format != Format.XLSX) {
      throw new Unreadable(Problem.UNREADABLE);
    }
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      Sheet sheet = sheet(book, sheetName);
      if (sheet == null) {
        throw new Unreadable(Problem.NO_SHEET);
      }
      if (sheet.getLastRowNum() > maxRowIndex) {
        throw new Unreadable(Problem.TOO_MANY_ROWS);
      }
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      formatter.setUseCachedValuesForFormulaCells(true);
      List<List<String>> rows = new ArrayList<>();
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        if (row != null) {
          for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
            Cell cell = row.getCell(c);
            cells.add(cell == null ? "" : formatter.formatCellValue(cell));
          }
        }
        rows.add(cells);
      }
      return rows;
    } catch (Unreadable e) {
      throw e;
    } catch (Exception | LinkageError e) {
      throw new Unreadable(Problem.UNREADABLE);
    }
  }

  /** The spreadsheet's letter of a column: 0 is A, 25 is Z, 26 is AA. */
  public static String column(int index) {
    StringBuilder letters = new StringBuilder();
    for (int i = index; i >= 0; i = i / 26 - 1) {
      letters.insert(0, (char) ('A' + i % 26));
    }
    return letters.toString();
  }

  /** A header or a name as compared: no accents, lower case, single spaces, trimmed. */
  public static String normalize(String text) {
    return Normalizer.normalize(text == null ? "" : text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").replaceAll("\\s+", " ");
  }

  /** A row with nothing but blanks. */
  public static boolean blank(List<String> row) {
    return row.stream().allMatch(String::isBlank);
  }

  /** The text of a cell, trimmed; "" past the row's last cell or with no column. */
  public static String cell(List<String> row, Integer index) {
    return index != null && index < row.size() ? row.get(index).strip() : "";
  }

  private static Sheet sheet(XSSFWorkbook book, String name) {
    if (book.getNumberOfSheets() == 0) {
      return null;
    }
    if (name == null) {
      return book.getSheetAt(0);
    }
    for (int i = 0; i < book.getNumberOfSheets(); i++) {
      if (normalize(book.getSheetName(i)).equals(normalize(name))) {
        return book.getSheetAt(i);
      }
    }
    return null;
  }

  private static boolean encrypted(byte[] content) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
      return fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage");
    } catch (Exception e) {
      return false;
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
}

package pe.gob.pcm.platform.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every column of the platform's own tables that holds personal data covered by Ley 29733
 * (DNI, mobile, e-mail), and the one routine that brings them all to the current key: plain
 * legacy values are sealed, values sealed with an older key are opened and sealed again.
 * Each row is updated only if it still holds the value read, so it is safe while the platform
 * works and on several nodes at once.
 */
public final class PersonalDataColumns {

  public record Table(String name, List<String> columns) {}

  public static final List<Table> TABLES = List.of(
      new Table("colabora_master_user", List.of("officer_dni", "officer_email", "officer_mobile")),
      new Table("iotdtm_doc_externo", List.of("vnumdociderem")),
      new Table("iotdtc_despacho", List.of("vnumdociderem")));

  private PersonalDataColumns() {}

  /** Re-encrypts with the current key; answers how many values changed per table. */
  public static Map<String, Integer> reencrypt(Connection connection, DataCipher cipher) throws SQLException {
    Map<String, Integer> changed = new LinkedHashMap<>();
    for (Table table : TABLES) {
      int count = 0;
      for (String column : table.columns()) {
        count += reencrypt(connection, cipher, table.name(), column);
      }
      changed.put(table.name(), count);
    }
    return changed;
  }

  private static int reencrypt(Connection connection, DataCipher cipher, String table, String column)
      throws SQLException {
    record Row(long id, String value) {}
    List<Row> stale = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT id, " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        String value = rs.getString(2);
        if (!cipher.isCurrent(value)) {
          stale.add(new Row(rs.getLong(1), value));
        }
      }
    }
    int count = 0;
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE " + table + " SET " + column + " = ? WHERE id = ? AND " + column + " = ?")) {
      for (Row row : stale) {
        // legacy rows (before V9) hold the plain value; anything with the sealed form must open
        String plain = row.value().startsWith(DataCipher.VERSION + ":") ? cipher.open(row.value()) : row.value();
        update.setString(1, cipher.seal(plain));
        update.setLong(2, row.id());
        update.setString(3, row.value());
        count += update.executeUpdate();
      }
    }
    return count;
  }
}

package pe.gob.pcm.platform.privacy;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * MyBatis type handler for a personal-data column: the mapper writes
 * {@code #{officerDni,typeHandler=pe.gob.pcm.platform.privacy.SealedText}} and the column
 * receives the sealed value; reading through it opens the value again. Not registered as a
 * default handler: only the columns that name it are encrypted.
 */
public class SealedText extends BaseTypeHandler<String> {

  @Override
  public void setNonNullParameter(PreparedStatement ps, int i, String parameter, JdbcType jdbcType)
      throws SQLException {
    ps.setString(i, PersonalData.seal(parameter));
  }

  @Override
  public String getNullableResult(ResultSet rs, String columnName) throws SQLException {
    return PersonalData.open(rs.getString(columnName));
  }

  @Override
  public String getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
    return PersonalData.open(rs.getString(columnIndex));
  }

  @Override
  public String getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
    return PersonalData.open(cs.getString(columnIndex));
  }
}

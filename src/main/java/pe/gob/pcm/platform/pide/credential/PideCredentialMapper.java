package pe.gob.pcm.platform.pide.credential;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PideCredentialMapper {

  String COLUMNS = "id, username, entity_ruc, service_code, process_instance_id, issued_by, issued_at,"
      + " recipient_user_id, secret_salt, secret_hash, revealed_at, revoked_at, revoked_by, revocation_reason";

  record Row(long id, String username, String entityRuc, String serviceCode, String processInstanceId,
      String issuedBy, LocalDateTime issuedAt, String recipientUserId, String secretSalt, String secretHash,
      LocalDateTime revealedAt, LocalDateTime revokedAt, String revokedBy, String revocationReason) {

    boolean active() {
      return revokedAt == null;
    }
  }

  @Insert("INSERT INTO pide_credential (username, entity_ruc, service_code, process_instance_id, issued_by,"
      + " issued_at, recipient_user_id) VALUES (#{username}, #{entityRuc}, #{serviceCode}, #{processInstanceId},"
      + " #{issuedBy}, CURRENT_TIMESTAMP, #{recipientUserId})")
  void insert(@Param("username") String username, @Param("entityRuc") String entityRuc,
      @Param("serviceCode") String serviceCode, @Param("processInstanceId") String processInstanceId,
      @Param("issuedBy") String issuedBy, @Param("recipientUserId") String recipientUserId);

  /** A credential whose secret is known from the start (seeded from the configuration). */
  @Insert("INSERT INTO pide_credential (username, entity_ruc, service_code, issued_by, issued_at, secret_salt,"
      + " secret_hash, revealed_at) VALUES (#{username}, #{entityRuc}, #{serviceCode}, #{issuedBy},"
      + " CURRENT_TIMESTAMP, #{salt}, #{hash}, CURRENT_TIMESTAMP)")
  void insertWithSecret(@Param("username") String username, @Param("entityRuc") String entityRuc,
      @Param("serviceCode") String serviceCode, @Param("issuedBy") String issuedBy, @Param("salt") String salt,
      @Param("hash") String hash);

  /** The unrevoked credentials that go by this user name (one, unless the data was edited by hand). */
  @Select("SELECT " + COLUMNS + " FROM pide_credential WHERE username = #{username} AND revoked_at IS NULL")
  List<Row> findActive(String username);

  @Select("SELECT COUNT(*) FROM pide_credential WHERE username = #{username}")
  int countByUsername(String username);

  @Select("SELECT COUNT(*) FROM pide_credential WHERE process_instance_id = #{processInstanceId}"
      + " AND service_code = #{serviceCode}")
  int countByGrant(@Param("processInstanceId") String processInstanceId, @Param("serviceCode") String serviceCode);

  @Select("SELECT " + COLUMNS + " FROM pide_credential WHERE entity_ruc = #{entityRuc} ORDER BY service_code, id")
  List<Row> findByEntity(String entityRuc);

  /** The credentials waiting for their secret whose link goes to this user. */
  @Select("SELECT " + COLUMNS + " FROM pide_credential WHERE recipient_user_id = #{userId}"
      + " AND secret_hash IS NULL AND revoked_at IS NULL ORDER BY service_code, id")
  List<Row> findAwaitingSecret(String userId);

  /** Sets the secret once: 0 rows when another request set it first. */
  @Update("UPDATE pide_credential SET secret_salt = #{salt}, secret_hash = #{hash}, revealed_at = CURRENT_TIMESTAMP"
      + " WHERE id = #{id} AND secret_hash IS NULL AND revoked_at IS NULL")
  int setSecret(@Param("id") long id, @Param("salt") String salt, @Param("hash") String hash);

  /** Revokes the credentials a previous grant issued (not one seeded from the configuration). */
  @Update("UPDATE pide_credential SET revoked_at = CURRENT_TIMESTAMP, revoked_by = #{by}, revocation_reason = #{reason}"
      + " WHERE entity_ruc = #{entityRuc} AND service_code = #{serviceCode} AND revoked_at IS NULL"
      + " AND process_instance_id IS NOT NULL")
  int revokeGranted(@Param("entityRuc") String entityRuc, @Param("serviceCode") String serviceCode,
      @Param("by") String by, @Param("reason") String reason);

  @Update("UPDATE pide_credential SET revoked_at = CURRENT_TIMESTAMP, revoked_by = #{by}, revocation_reason = #{reason}"
      + " WHERE entity_ruc = #{entityRuc} AND service_code = #{serviceCode} AND revoked_at IS NULL")
  int revoke(@Param("entityRuc") String entityRuc, @Param("serviceCode") String serviceCode,
      @Param("by") String by, @Param("reason") String reason);
}

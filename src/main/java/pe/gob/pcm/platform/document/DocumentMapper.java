package pe.gob.pcm.platform.document;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface DocumentMapper {

  String COLUMNS = "id, tenant_id, file_name, media_type, size_bytes, sha256, uploaded_by,"
      + " uploaded_at, process_instance_id, signature_status, signature_signer";

  @Insert("INSERT INTO document (id, tenant_id, file_name, media_type, size_bytes, sha256, content,"
      + " uploaded_by, uploaded_at, process_instance_id) VALUES (#{d.id}, #{d.tenantId}, #{d.fileName},"
      + " #{d.mediaType}, #{d.sizeBytes}, #{d.sha256}, #{content}, #{d.uploadedBy}, #{d.uploadedAt},"
      + " #{d.processInstanceId})")
  void insert(@Param("d") StoredDocument document, @Param("content") byte[] content);

  @Select("SELECT " + COLUMNS + " FROM document WHERE id = #{id}")
  StoredDocument find(String id);

  /** A holder, because MyBatis would read a bare byte[] return type as one row per byte. */
  record Content(byte[] bytes) {}

  @Select("SELECT content FROM document WHERE id = #{id}")
  Content content(String id);

  /** An upload of the same bytes by the same user not yet used by a process: a retry. */
  @Select("SELECT " + COLUMNS + " FROM document WHERE uploaded_by = #{uploadedBy}"
      + " AND sha256 = #{sha256} AND file_name = #{fileName} AND process_instance_id IS NULL"
      + " ORDER BY uploaded_at DESC FETCH FIRST 1 ROWS ONLY")
  StoredDocument findUnattached(@Param("uploadedBy") String uploadedBy,
      @Param("sha256") String sha256, @Param("fileName") String fileName);

  @Update("UPDATE document SET process_instance_id = #{processInstanceId} WHERE id = #{id}"
      + " AND (process_instance_id IS NULL OR process_instance_id = #{processInstanceId})")
  int attach(@Param("id") String id, @Param("processInstanceId") String processInstanceId);

  @Update("UPDATE document SET signature_status = #{status}, signature_signer = #{signer},"
      + " signature_checked_at = CURRENT_TIMESTAMP WHERE id = #{id}")
  void recordSignature(@Param("id") String id, @Param("status") String status,
      @Param("signer") String signer);

  @Update("UPDATE document SET signature_status = #{status}, signature_signer = #{signer},"
      + " signature_message = #{message}, signature_checked_at = CURRENT_TIMESTAMP WHERE id = #{id}")
  void recordSignatureSummary(@Param("id") String id, @Param("status") String status,
      @Param("signer") String signer, @Param("message") String message);

  @org.apache.ibatis.annotations.Delete("DELETE FROM document_signature WHERE document_id = #{id}")
  void deleteSignatures(String id);

  @Insert("INSERT INTO document_signature (document_id, signature_order, signer_name, signer_serial,"
      + " claimed_signing_time, timestamp_time, signature_level, status, message, revision, revisions,"
      + " revoked_at, checked_at) VALUES (#{id}, #{s.position}, #{s.signerName}, #{s.signerSerialNumber},"
      + " #{s.claimedSigningTime}, #{s.timestampTime}, #{s.level}, #{s.status}, #{s.message}, #{s.revision},"
      + " #{s.revisions}, #{s.revokedAt}, CURRENT_TIMESTAMP)")
  void insertSignature(@Param("id") String id, @Param("s") pe.gob.pcm.platform.signature.SignatureCheck check);

  @Select("SELECT signature_order AS position, signer_name, signer_serial AS signer_serial_number,"
      + " claimed_signing_time, timestamp_time, signature_level AS level, status, message, revision, revisions,"
      + " revoked_at FROM document_signature WHERE document_id = #{id} ORDER BY signature_order")
  java.util.List<pe.gob.pcm.platform.signature.SignatureCheck> signatures(String id);

  @Select("SELECT signature_message FROM document WHERE id = #{id}")
  String signatureMessage(String id);

  @Select("SELECT COUNT(*) FROM document WHERE id = #{id}")
  int count(String id);
}

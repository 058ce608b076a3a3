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

  @Select("SELECT COUNT(*) FROM document WHERE id = #{id}")
  int count(String id);
}

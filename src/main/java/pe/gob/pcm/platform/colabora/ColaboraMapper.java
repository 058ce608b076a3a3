package pe.gob.pcm.platform.colabora;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import pe.gob.pcm.platform.privacy.PersonalData;

@Mapper
public interface ColaboraMapper {

  /** Personal data columns go through the cipher (docs/datos-personales.md). */
  String SEALED = "typeHandler=pe.gob.pcm.platform.privacy.SealedText";

  record MasterUser(String entityRuc, String entityName, String officerName, String officerDni,
      String officerPosition, String officerEmail, String officerMobile, String requestedBy,
      String approvedBy, String processInstanceId) {

    /** The row as stored: DNI, e-mail and mobile still sealed, opened here. */
    MasterUser opened() {
      return new MasterUser(entityRuc, entityName, officerName, PersonalData.open(officerDni), officerPosition,
          PersonalData.open(officerEmail), PersonalData.open(officerMobile), requestedBy, approvedBy,
          processInstanceId);
    }
  }

  record ServiceAccess(String entityRuc, String serviceCode, String a1DocumentId, String grantedBy,
      java.time.LocalDateTime grantedAt, String processInstanceId) {}

  @Insert("INSERT INTO colabora_master_user (entity_ruc, entity_name, officer_name, officer_dni,"
      + " officer_position, officer_email, officer_mobile, requested_by, approved_by, approved_at,"
      + " process_instance_id) VALUES (#{entityRuc}, #{entityName}, #{officerName}, #{officerDni," + SEALED + "},"
      + " #{officerPosition}, #{officerEmail," + SEALED + "}, #{officerMobile," + SEALED + "}, #{requestedBy}, #{approvedBy},"
      + " CURRENT_TIMESTAMP, #{processInstanceId})")
  void insertMasterUser(MasterUser masterUser);

  @Select("SELECT COUNT(*) FROM colabora_master_user WHERE process_instance_id = #{processInstanceId}")
  int countMasterUser(String processInstanceId);

  @Select("SELECT entity_ruc, entity_name, officer_name, officer_dni, officer_position, officer_email,"
      + " officer_mobile, requested_by, approved_by, process_instance_id FROM colabora_master_user"
      + " WHERE process_instance_id = #{processInstanceId}")
  MasterUser findMasterUserSealed(String processInstanceId);

  /** The master user with the officer's DNI, e-mail and mobile decrypted. */
  default MasterUser findMasterUser(String processInstanceId) {
    MasterUser stored = findMasterUserSealed(processInstanceId);
    return stored == null ? null : stored.opened();
  }

  @Insert("INSERT INTO colabora_service_access (entity_ruc, service_code, a1_document_id, granted_by,"
      + " granted_at, process_instance_id) VALUES (#{entityRuc}, #{serviceCode}, #{a1DocumentId},"
      + " #{grantedBy}, CURRENT_TIMESTAMP, #{processInstanceId})")
  void insertServiceAccess(@Param("entityRuc") String entityRuc,
      @Param("serviceCode") String serviceCode, @Param("a1DocumentId") String a1DocumentId,
      @Param("grantedBy") String grantedBy, @Param("processInstanceId") String processInstanceId);

  @Select("SELECT COUNT(*) FROM colabora_service_access WHERE process_instance_id = #{processInstanceId}"
      + " AND service_code = #{serviceCode}")
  int countServiceAccess(@Param("processInstanceId") String processInstanceId,
      @Param("serviceCode") String serviceCode);

  @Select("SELECT entity_ruc, service_code, a1_document_id, granted_by, granted_at, process_instance_id"
      + " FROM colabora_service_access WHERE process_instance_id = #{processInstanceId}"
      + " ORDER BY service_code")
  List<ServiceAccess> findServiceAccess(String processInstanceId);
}

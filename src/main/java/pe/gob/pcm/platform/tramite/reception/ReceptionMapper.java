package pe.gob.pcm.platform.tramite.reception;

import pe.gob.pcm.platform.mgd.MgdDocument;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ReceptionMapper {

  /** Holder for generated keys. */
  class Key {
    public Long id;
  }

  String STATUS = "SELECT id, vrucentrec, vrucentrem, vcuo, vcuoref, cflgest, vnumregstd, vanioregstd,"
      + " dfecregstd, vuniorgstd, vusuregstd, vobs, process_instance_id, cargo_document_id"
      + " FROM iotdtc_recepcion";

  // The contract's dates are Lima wall-clock times given by the caller (PeruTime.localNow()),
  // never CURRENT_TIMESTAMP: that is the wall clock of the session's zone, the server's.

  @Insert("INSERT INTO iotdtc_recepcion (vrucentrec, vrucentrem, vcuo, vcuoref, cflgest, dfecrec)"
      + " VALUES (#{d.receiverRuc}, #{d.senderRuc}, #{d.cuo}, #{d.cuoReference}, 'P', #{receivedAt})")
  @Options(useGeneratedKeys = true, keyProperty = "k.id", keyColumn = "id")
  void insertReception(@Param("d") MgdDocument document, @Param("receivedAt") LocalDateTime receivedAt,
      @Param("k") Key key);

  @Insert("INSERT INTO iotdtm_doc_externo (recepcion_id, vnomentemi, vuniorgrem, ccodtipdoc, vnumdoc,"
      + " dfecdoc, vuniorgdst, vnomdst, vnomcardst, vasu, snumanx, snumfol, vurldocanx, ctipdociderem,"
      + " vnumdociderem) VALUES (#{receptionId}, #{d.senderName}, #{d.senderUnit}, #{d.documentType},"
      + " #{d.documentNumber}, #{documentDate}, #{d.destinationUnit}, #{d.addresseeName},"
      + " #{d.addresseePosition}, #{d.subject}, #{d.annexCount}, #{d.folios}, #{d.annexUrl},"
      + " #{d.senderIdType}, #{d.senderIdNumber,typeHandler=pe.gob.pcm.platform.privacy.SealedText})")
  @Options(useGeneratedKeys = true, keyProperty = "k.id", keyColumn = "id")
  void insertExternalDocument(@Param("receptionId") long receptionId, @Param("d") MgdDocument document,
      @Param("documentDate") LocalDateTime documentDate, @Param("k") Key key);

  @Insert("INSERT INTO iotdtd_doc_principal (doc_externo_id, vnomdoc, document_id)"
      + " VALUES (#{externalId}, #{name}, #{documentId})")
  void insertMainDocument(@Param("externalId") long externalId, @Param("name") String name,
      @Param("documentId") String documentId);

  @Insert("INSERT INTO iotdtd_anexo (doc_externo_id, orden, vnomdoc) VALUES (#{externalId}, #{order}, #{name})")
  void insertAnnex(@Param("externalId") long externalId, @Param("order") int order, @Param("name") String name);

  @Update("UPDATE iotdtc_recepcion SET process_instance_id = #{pid} WHERE id = #{id}")
  void attachProcess(@Param("id") long id, @Param("pid") String processInstanceId);

  @Select(STATUS + " WHERE vrucentrem = #{sender} AND vcuo = #{cuo}")
  ReceptionStatus findBySenderAndCuo(@Param("sender") String senderRuc, @Param("cuo") String cuo);

  @Select(STATUS + " WHERE vcuo = #{cuo} ORDER BY id FETCH FIRST 1 ROWS ONLY")
  ReceptionStatus findByCuo(String cuo);

  @Select(STATUS + " WHERE id = #{id}")
  ReceptionStatus find(long id);

  @Update("UPDATE iotdtc_recepcion SET cflgest = 'R', vnumregstd = #{number}, vanioregstd = #{year},"
      + " dfecregstd = #{registeredAt}, vuniorgstd = #{unit}, vusuregstd = #{user}"
      + " WHERE id = #{id} AND cflgest = 'P'")
  int register(@Param("id") long id, @Param("number") String number, @Param("year") String year,
      @Param("registeredAt") LocalDateTime registeredAt, @Param("unit") String unit, @Param("user") String user);

  @Update("UPDATE iotdtc_recepcion SET cflgest = 'O', vobs = #{observation}, dfecregstd = #{registeredAt},"
      + " vusuregstd = #{user} WHERE id = #{id} AND cflgest = 'P'")
  int observe(@Param("id") long id, @Param("observation") String observation,
      @Param("registeredAt") LocalDateTime registeredAt, @Param("user") String user);

  record Annex(long id, int order, String name, String documentId, String annexUrl) {}

  @Select("SELECT a.id, a.orden, a.vnomdoc, a.document_id, d.vurldocanx FROM iotdtd_anexo a"
      + " JOIN iotdtm_doc_externo d ON d.id = a.doc_externo_id WHERE d.recepcion_id = #{receptionId}"
      + " ORDER BY a.orden")
  java.util.List<Annex> annexes(long receptionId);

  @Update("UPDATE iotdtd_anexo SET document_id = #{documentId} WHERE id = #{id}")
  void attachAnnex(@Param("id") long id, @Param("documentId") String documentId);

  @Update("UPDATE iotdtc_recepcion SET cargo_document_id = #{documentId} WHERE id = #{id}")
  void attachCargo(@Param("id") long id, @Param("documentId") String documentId);

  @Update("UPDATE registro_correlativo SET ultimo = ultimo + 1 WHERE entity_ruc = #{ruc} AND anio = #{year}")
  int nextNumber(@Param("ruc") String ruc, @Param("year") int year);

  @Insert("INSERT INTO registro_correlativo (entity_ruc, anio, ultimo) VALUES (#{ruc}, #{year}, 0)")
  void createCounter(@Param("ruc") String ruc, @Param("year") int year);

  @Select("SELECT ultimo FROM registro_correlativo WHERE entity_ruc = #{ruc} AND anio = #{year}")
  int currentNumber(@Param("ruc") String ruc, @Param("year") int year);
}

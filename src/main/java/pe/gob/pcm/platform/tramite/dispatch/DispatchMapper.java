package pe.gob.pcm.platform.tramite.dispatch;

import pe.gob.pcm.platform.tramite.reception.ReceptionMapper;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import pe.gob.pcm.platform.privacy.PersonalData;

/** Outgoing documents (iotdtc_despacho): P → E → R/O → S. */
@Mapper
public interface DispatchMapper {

  record Dispatch(long id, String senderRuc, String receiverRuc, String receiverName, String cuo,
      String cuoReference, String state, String documentType, String documentNumber, String subject,
      String senderUnit, String destinationUnit, String addressee, String addresseePosition, int folios,
      String signerIdType, String signerIdNumber, String documentId, String registrationNumber, String registrationYear, LocalDateTime registeredAt,
      String registrationUnit, String registeredBy, String observation, String cargoDocumentId,
      String cargoSignature, String createdBy, String processInstanceId) {

    /** The row as stored: the signer's DNI still sealed, opened here. */
    Dispatch opened() {
      return new Dispatch(id, senderRuc, receiverRuc, receiverName, cuo, cuoReference, state, documentType, documentNumber,
          subject, senderUnit, destinationUnit, addressee, addresseePosition, folios, signerIdType,
          PersonalData.open(signerIdNumber), documentId, registrationNumber, registrationYear, registeredAt, registrationUnit,
          registeredBy, observation, cargoDocumentId, cargoSignature, createdBy, processInstanceId);
    }
  }

  String COLUMNS = "id, vrucentrem, vrucentrec, vnomentrec, vcuo, vcuoref, cflgest, ccodtipdoc, vnumdoc,"
      + " vasu, vuniorgrem, vuniorgdst, vnomdst, vnomcardst, snumfol, ctipdociderem, vnumdociderem, document_id, vnumregstd,"
      + " vanioregstd, dfecregstd, vuniorgstd, vusuregstd, vobs, cargo_document_id, cargo_signature,"
      + " created_by, process_instance_id";

  @Insert("INSERT INTO iotdtc_despacho (vrucentrem, vrucentrec, vnomentrec, vcuoref, cflgest, ccodtipdoc,"
      + " vnumdoc, vasu, vuniorgrem, vuniorgdst, vnomdst, vnomcardst, snumfol, ctipdociderem, vnumdociderem, document_id, created_by,"
      + " created_at, process_instance_id) VALUES (#{d.senderRuc}, #{d.receiverRuc}, #{d.receiverName},"
      + " #{d.cuoReference}, 'P', #{d.documentType}, #{d.documentNumber}, #{d.subject}, #{d.senderUnit}, #{d.destinationUnit},"
      + " #{d.addressee}, #{d.addresseePosition}, #{d.folios}, #{d.signerIdType}, #{d.signerIdNumber,typeHandler=pe.gob.pcm.platform.privacy.SealedText}, #{d.documentId}, #{d.createdBy}, CURRENT_TIMESTAMP,"
      + " #{d.processInstanceId})")
  @Options(useGeneratedKeys = true, keyProperty = "k.id", keyColumn = "id")
  void insert(@Param("d") Dispatch dispatch, @Param("k") ReceptionMapper.Key key);

  @Select("SELECT " + COLUMNS + " FROM iotdtc_despacho WHERE id = #{id}")
  Dispatch findSealed(long id);

  @Select("SELECT " + COLUMNS + " FROM iotdtc_despacho WHERE vcuo = #{cuo}")
  Dispatch findByCuoSealed(String cuo);

  /** The dispatch with the signer's DNI decrypted. */
  default Dispatch find(long id) {
    Dispatch stored = findSealed(id);
    return stored == null ? null : stored.opened();
  }

  /** The dispatch with the signer's DNI decrypted. */
  default Dispatch findByCuo(String cuo) {
    Dispatch stored = findByCuoSealed(cuo);
    return stored == null ? null : stored.opened();
  }

  @Update("UPDATE iotdtc_despacho SET vcuo = #{cuo} WHERE id = #{id} AND vcuo IS NULL")
  int assignCuo(@Param("id") long id, @Param("cuo") String cuo);

  /** Sent: {@code sentAt} is Lima's wall clock (PeruTime.localNow()), not the session's CURRENT_TIMESTAMP. */
  @Update("UPDATE iotdtc_despacho SET cflgest = 'E', dfecenv = #{sentAt} WHERE id = #{id} AND cflgest = 'P'")
  int markSent(@Param("id") long id, @Param("sentAt") LocalDateTime sentAt);

  @Update("UPDATE iotdtc_despacho SET vnumdoc = #{vnumdoc}, vasu = #{vasu}, document_id = #{documentId}"
      + " WHERE id = #{id} AND cflgest = 'P'")
  int correct(@Param("id") long id, @Param("vnumdoc") String number, @Param("vasu") String subject,
      @Param("documentId") String documentId);

  @Update("UPDATE iotdtc_despacho SET cflgest = #{state}, vnumregstd = #{number}, vanioregstd = #{year},"
      + " dfecregstd = #{registeredAt}, vuniorgstd = #{unit}, vusuregstd = #{user}, vobs = #{observation},"
      + " cargo_document_id = #{cargoDocumentId}, cargo_signature = #{signature}"
      + " WHERE id = #{id} AND cflgest = 'E'")
  int registerCargo(@Param("id") long id, @Param("state") String state, @Param("number") String number,
      @Param("year") String year, @Param("registeredAt") LocalDateTime registeredAt,
      @Param("unit") String unit, @Param("user") String user, @Param("observation") String observation,
      @Param("cargoDocumentId") String cargoDocumentId, @Param("signature") String signature);

  @Update("UPDATE iotdtc_despacho SET cflgest = 'S' WHERE id = #{id} AND cflgest = 'O'")
  int markCorrected(long id);

  record Annex(int order, String name, String documentId) {}

  @Update("UPDATE iotdtc_despacho SET annex_token = #{token} WHERE id = #{id}")
  void setAnnexToken(@Param("id") long id, @Param("token") String token);

  @Select("SELECT annex_token FROM iotdtc_despacho WHERE id = #{id}")
  String annexToken(long id);

  @Insert("INSERT INTO despacho_anexo (despacho_id, orden, vnomdoc, document_id)"
      + " VALUES (#{dispatchId}, #{a.order}, #{a.name}, #{a.documentId})")
  void insertAnnex(@Param("dispatchId") long dispatchId, @Param("a") Annex annex);

  @Select("SELECT orden, vnomdoc, document_id FROM despacho_anexo WHERE despacho_id = #{id} ORDER BY orden")
  java.util.List<Annex> annexes(long id);

  /** The annex the receiver asks for: token, CUO and name must all match. */
  @Select("SELECT a.document_id FROM despacho_anexo a JOIN iotdtc_despacho d ON d.id = a.despacho_id"
      + " WHERE d.annex_token = #{token} AND d.vcuo = #{cuo} AND a.vnomdoc = #{name}")
  String servedAnnex(@Param("token") String token, @Param("cuo") String cuo, @Param("name") String name);
}

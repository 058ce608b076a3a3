package pe.gob.pcm.platform.pgo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PgoMapper {

  /** An expediente (the id is filled in on insert). */
  class Expediente {
    public Long id;
    public String processInstanceId;
    public String entityRuc;
    public String entityName;
    public int entityCategory;
    public String documento;
    public String motivo;
    public String municipalLevel;
    public Integer population;
    public String typology;
    public String modelCode;
    public String estado;
    public String createdBy;
  }

  record Structure(long id, long expedienteId, int version, String contenido, int errores, int advertencias,
      String createdBy, LocalDateTime createdAt) {}

  record Document(String tipo, int version, String documentId, String createdBy, LocalDateTime createdAt) {}

  record Evaluation(long expedienteId, int ronda, String complejidad, int plazoDias, LocalDateTime vence,
      String evaluador, String resultado, String observaciones, int alertado, int incumplido,
      LocalDateTime createdAt, LocalDateTime closedAt) {}

  record RofVersion(long id, String entityRuc, String documento, int version, long expedienteId, long estructuraId,
      String instrumento, String norma, LocalDate normaFecha, LocalDate publicacionFecha, String estado,
      LocalDateTime approvedAt) {}

  @Insert("INSERT INTO pgo_expediente (process_instance_id, entity_ruc, entity_name, entity_category, documento, motivo,"
      + " municipal_level, population, typology, model_code, estado, created_by, created_at) VALUES (#{processInstanceId},"
      + " #{entityRuc}, #{entityName}, #{entityCategory}, #{documento}, #{motivo}, #{municipalLevel}, #{population},"
      + " #{typology}, #{modelCode}, #{estado}, #{createdBy}, CURRENT_TIMESTAMP)")
  @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
  void insertExpediente(Expediente expediente);

  @Select("SELECT id, process_instance_id, entity_ruc, entity_name, entity_category, documento, motivo, municipal_level,"
      + " population, typology, model_code, estado, created_by FROM pgo_expediente WHERE id = #{id}")
  Expediente expediente(long id);

  @Update("UPDATE pgo_expediente SET estado = #{estado} WHERE id = #{id}")
  void setEstado(@Param("id") long id, @Param("estado") String estado);

  @Update("UPDATE pgo_expediente SET model_code = #{modelCode} WHERE id = #{id}")
  void setModel(@Param("id") long id, @Param("modelCode") String modelCode);

  @Select("SELECT id, expediente_id, version, contenido, errores, advertencias, created_by, created_at FROM pgo_estructura"
      + " WHERE expediente_id = #{expedienteId} ORDER BY version DESC LIMIT 1")
  Structure latestStructure(long expedienteId);

  @Select("SELECT id, expediente_id, version, contenido, errores, advertencias, created_by, created_at FROM pgo_estructura"
      + " WHERE id = #{id}")
  Structure structure(long id);

  @Select("SELECT id, expediente_id, version, contenido, errores, advertencias, created_by, created_at FROM pgo_estructura"
      + " WHERE expediente_id = #{expedienteId} ORDER BY version")
  List<Structure> structures(long expedienteId);

  @Insert("INSERT INTO pgo_estructura (expediente_id, version, contenido, errores, advertencias, created_by, created_at)"
      + " VALUES (#{expedienteId}, #{version}, #{contenido}, #{errores}, #{advertencias}, #{createdBy}, CURRENT_TIMESTAMP)")
  void insertStructure(@Param("expedienteId") long expedienteId, @Param("version") int version,
      @Param("contenido") String contenido, @Param("errores") int errores, @Param("advertencias") int advertencias,
      @Param("createdBy") String createdBy);

  @Select("SELECT tipo, version, document_id, created_by, created_at FROM pgo_documento"
      + " WHERE expediente_id = #{expedienteId} ORDER BY tipo, version")
  List<Document> documents(long expedienteId);

  @Insert("INSERT INTO pgo_documento (expediente_id, tipo, version, document_id, created_by, created_at)"
      + " VALUES (#{expedienteId}, #{tipo}, #{version}, #{documentId}, #{createdBy}, CURRENT_TIMESTAMP)")
  void insertDocument(@Param("expedienteId") long expedienteId, @Param("tipo") String tipo,
      @Param("version") int version, @Param("documentId") String documentId, @Param("createdBy") String createdBy);

  @Insert("INSERT INTO pgo_evaluacion (expediente_id, ronda, complejidad, plazo_dias, vence, alertado, incumplido,"
      + " created_at) VALUES (#{expedienteId}, #{ronda}, #{complejidad}, #{plazoDias}, #{vence}, 0, 0, CURRENT_TIMESTAMP)")
  void insertEvaluation(@Param("expedienteId") long expedienteId, @Param("ronda") int ronda,
      @Param("complejidad") String complejidad, @Param("plazoDias") int plazoDias, @Param("vence") LocalDateTime vence);

  @Update("UPDATE pgo_evaluacion SET evaluador = #{evaluador}, resultado = #{resultado}, observaciones = #{observaciones},"
      + " closed_at = CURRENT_TIMESTAMP WHERE expediente_id = #{expedienteId} AND ronda = #{ronda}")
  void closeEvaluation(@Param("expedienteId") long expedienteId, @Param("ronda") int ronda,
      @Param("evaluador") String evaluador, @Param("resultado") String resultado,
      @Param("observaciones") String observaciones);

  @Update("UPDATE pgo_evaluacion SET alertado = 1 WHERE expediente_id = #{expedienteId} AND ronda = #{ronda}")
  void markAlerted(@Param("expedienteId") long expedienteId, @Param("ronda") int ronda);

  @Update("UPDATE pgo_evaluacion SET incumplido = 1 WHERE expediente_id = #{expedienteId} AND ronda = #{ronda}")
  void markBreached(@Param("expedienteId") long expedienteId, @Param("ronda") int ronda);

  @Select("SELECT expediente_id, ronda, complejidad, plazo_dias, vence, evaluador, resultado, observaciones, alertado,"
      + " incumplido, created_at, closed_at FROM pgo_evaluacion WHERE expediente_id = #{expedienteId} ORDER BY ronda")
  List<Evaluation> evaluations(long expedienteId);

  @Select("SELECT id, entity_ruc, documento, version, expediente_id, estructura_id, instrumento, norma, norma_fecha,"
      + " publicacion_fecha, estado, approved_at FROM pgo_rof_version WHERE entity_ruc = #{entityRuc}"
      + " AND documento = #{documento} ORDER BY version")
  List<RofVersion> versions(@Param("entityRuc") String entityRuc, @Param("documento") String documento);

  @Update("UPDATE pgo_rof_version SET estado = 'SUPERADA' WHERE entity_ruc = #{entityRuc} AND documento = #{documento}"
      + " AND estado = 'VIGENTE'")
  int supersede(@Param("entityRuc") String entityRuc, @Param("documento") String documento);

  @Insert("INSERT INTO pgo_rof_version (entity_ruc, documento, version, expediente_id, estructura_id, instrumento, norma,"
      + " norma_fecha, publicacion_fecha, estado, approved_at) VALUES (#{entityRuc}, #{documento}, #{version},"
      + " #{expedienteId}, #{estructuraId}, #{instrumento}, #{norma}, #{normaFecha}, #{publicacionFecha}, 'VIGENTE',"
      + " CURRENT_TIMESTAMP)")
  void insertVersion(@Param("entityRuc") String entityRuc, @Param("documento") String documento,
      @Param("version") int version, @Param("expedienteId") long expedienteId, @Param("estructuraId") long estructuraId,
      @Param("instrumento") String instrumento, @Param("norma") String norma, @Param("normaFecha") LocalDate normaFecha,
      @Param("publicacionFecha") LocalDate publicacionFecha);
}

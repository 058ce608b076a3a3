package pe.gob.pcm.platform.pgo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PgoMapper {

  /**
   * An expediente (the id is filled in on insert). Read by property name, so the columns whose
   * name is not the field's are aliased in the SELECT.
   */
  class Expediente {
    public Long id;
    public String processInstanceId;
    public String entityRuc;
    public String entityName;
    public int entityCategory;
    /** ROF or MOP (column {@code documento}). */
    public String documentType;
    /** Why the structure changes, a key of {@code PgoProcess.TRIGGERS} (column {@code motivo}). */
    public String trigger;
    public String municipalLevel;
    public Integer population;
    public String typology;
    public String modelCode;
    /** Column {@code estado}. */
    public String state;
    public String createdBy;
    /** The SGP evaluator the supervisor assigned (column {@code evaluador}). */
    public String evaluator;
  }

  // The records are read by constructor, column by column in the order of their SELECT (MyBatis's
  // default: argNameBasedConstructorAutoMapping is off), so their names need not match the columns.

  /** A row of pgo_estructura: {@code content} is column {@code contenido}, the counts {@code errores}, {@code advertencias}. */
  record Structure(long id, long expedienteId, int version, String content, int errors, int warnings,
      String createdBy, LocalDateTime createdAt) {}

  /** A row of pgo_documento: {@code kind} is column {@code tipo}. */
  record Document(String kind, int version, String documentId, String createdBy, LocalDateTime createdAt) {}

  /**
   * A row of pgo_evaluacion, one per evaluation round: columns ronda, complejidad, plazo_dias,
   * vence, evaluador, resultado, observaciones, alertado, incumplido.
   */
  record Evaluation(long expedienteId, int round, String complexity, int termDays, LocalDateTime dueAt,
      String evaluator, String result, String observations, int alerted, int breached,
      LocalDateTime createdAt, LocalDateTime closedAt, Integer structureVersion, Integer workingDays) {}

  /** A row of pgo_rof_version; also the answer of {@code GET .../versiones}, whose JSON keys are the Spanish ones. */
  record RofVersion(long id, String entityRuc, @JsonProperty("documento") String documentType, int version,
      long expedienteId, @JsonProperty("estructuraId") long structureId,
      @JsonProperty("instrumento") String instrument, @JsonProperty("norma") String normNumber,
      @JsonProperty("normaFecha") LocalDate normDate, @JsonProperty("publicacionFecha") LocalDate publicationDate,
      @JsonProperty("estado") String state, LocalDateTime approvedAt) {}

  @Insert("INSERT INTO pgo_expediente (process_instance_id, entity_ruc, entity_name, entity_category, documento, motivo,"
      + " municipal_level, population, typology, model_code, estado, created_by, created_at) VALUES (#{processInstanceId},"
      + " #{entityRuc}, #{entityName}, #{entityCategory}, #{documentType}, #{trigger}, #{municipalLevel}, #{population},"
      + " #{typology}, #{modelCode}, #{state}, #{createdBy}, CURRENT_TIMESTAMP)")
  @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
  void insertExpediente(Expediente expediente);

  @Select("SELECT id, process_instance_id, entity_ruc, entity_name, entity_category, documento AS document_type,"
      + " motivo AS trigger, municipal_level, population, typology, model_code, estado AS state, created_by,"
      + " evaluador AS evaluator FROM pgo_expediente WHERE id = #{id}")
  Expediente expediente(long id);

  @Update("UPDATE pgo_expediente SET estado = #{state}, updated_at = CURRENT_TIMESTAMP WHERE id = #{id}")
  void setState(@Param("id") long id, @Param("state") String state);

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
      + " VALUES (#{expedienteId}, #{version}, #{content}, #{errors}, #{warnings}, #{createdBy}, CURRENT_TIMESTAMP)")
  void insertStructure(@Param("expedienteId") long expedienteId, @Param("version") int version,
      @Param("content") String content, @Param("errors") int errors, @Param("warnings") int warnings,
      @Param("createdBy") String createdBy);

  @Select("SELECT tipo, version, document_id, created_by, created_at FROM pgo_documento"
      + " WHERE expediente_id = #{expedienteId} ORDER BY tipo, version")
  List<Document> documents(long expedienteId);

  @Insert("INSERT INTO pgo_documento (expediente_id, tipo, version, document_id, created_by, created_at)"
      + " VALUES (#{expedienteId}, #{kind}, #{version}, #{documentId}, #{createdBy}, CURRENT_TIMESTAMP)")
  void insertDocument(@Param("expedienteId") long expedienteId, @Param("kind") String kind,
      @Param("version") int version, @Param("documentId") String documentId, @Param("createdBy") String createdBy);

  @Insert("INSERT INTO pgo_evaluacion (expediente_id, ronda, complejidad, plazo_dias, vence, evaluador, alertado,"
      + " incumplido, estructura_version, created_at) VALUES (#{expedienteId}, #{round}, #{complexity}, #{termDays},"
      + " #{dueAt}, #{evaluator}, 0, 0, #{structureVersion}, CURRENT_TIMESTAMP)")
  void insertEvaluation(@Param("expedienteId") long expedienteId, @Param("round") int round,
      @Param("complexity") String complexity, @Param("termDays") int termDays, @Param("dueAt") LocalDateTime dueAt,
      @Param("evaluator") String evaluator, @Param("structureVersion") Integer structureVersion);

  @Update("UPDATE pgo_evaluacion SET evaluador = #{evaluator}, resultado = #{result}, observaciones = #{observations},"
      + " dias_habiles = #{workingDays}, closed_at = CURRENT_TIMESTAMP WHERE expediente_id = #{expedienteId}"
      + " AND ronda = #{round}")
  void closeEvaluation(@Param("expedienteId") long expedienteId, @Param("round") int round,
      @Param("evaluator") String evaluator, @Param("result") String result,
      @Param("observations") String observations, @Param("workingDays") int workingDays);

  @Update("UPDATE pgo_evaluacion SET evaluador = #{evaluator} WHERE expediente_id = #{expedienteId} AND ronda = #{round}")
  void setRoundEvaluator(@Param("expedienteId") long expedienteId, @Param("round") int round,
      @Param("evaluator") String evaluator);

  @Update("UPDATE pgo_evaluacion SET alertado = 1 WHERE expediente_id = #{expedienteId} AND ronda = #{round}")
  void markAlerted(@Param("expedienteId") long expedienteId, @Param("round") int round);

  @Update("UPDATE pgo_evaluacion SET incumplido = 1 WHERE expediente_id = #{expedienteId} AND ronda = #{round}")
  void markBreached(@Param("expedienteId") long expedienteId, @Param("round") int round);

  @Select("SELECT expediente_id, ronda, complejidad, plazo_dias, vence, evaluador, resultado, observaciones, alertado,"
      + " incumplido, created_at, closed_at, estructura_version, dias_habiles FROM pgo_evaluacion"
      + " WHERE expediente_id = #{expedienteId} ORDER BY ronda")
  List<Evaluation> evaluations(long expedienteId);

  @Select("SELECT id, entity_ruc, documento, version, expediente_id, estructura_id, instrumento, norma, norma_fecha,"
      + " publicacion_fecha, estado, approved_at FROM pgo_rof_version WHERE entity_ruc = #{entityRuc}"
      + " AND documento = #{documentType} ORDER BY version")
  List<RofVersion> versions(@Param("entityRuc") String entityRuc, @Param("documentType") String documentType);

  @Update("UPDATE pgo_rof_version SET estado = 'SUPERADA' WHERE entity_ruc = #{entityRuc} AND documento = #{documentType}"
      + " AND estado = 'VIGENTE'")
  int supersede(@Param("entityRuc") String entityRuc, @Param("documentType") String documentType);

  @Insert("INSERT INTO pgo_rof_version (entity_ruc, documento, version, expediente_id, estructura_id, instrumento, norma,"
      + " norma_fecha, publicacion_fecha, estado, approved_at) VALUES (#{entityRuc}, #{documentType}, #{version},"
      + " #{expedienteId}, #{structureId}, #{instrument}, #{normNumber}, #{normDate}, #{publicationDate}, 'VIGENTE',"
      + " CURRENT_TIMESTAMP)")
  void insertVersion(@Param("entityRuc") String entityRuc, @Param("documentType") String documentType,
      @Param("version") int version, @Param("expedienteId") long expedienteId, @Param("structureId") long structureId,
      @Param("instrument") String instrument, @Param("normNumber") String normNumber,
      @Param("normDate") LocalDate normDate, @Param("publicationDate") LocalDate publicationDate);

  // ---- observations of a round and the entity's answers

  /**
   * A row of pgo_observacion; also what the round API answers, with Spanish keys. {@code unit}
   * null: the observation is about the whole document.
   */
  record Observation(@JsonProperty("id") long id, @JsonProperty("expedienteId") long expedienteId,
      @JsonProperty("ronda") int round, @JsonProperty("numero") int number, @JsonProperty("unidad") String unit,
      @JsonProperty("unidadNombre") String unitName, @JsonProperty("categoria") String category,
      @JsonProperty("texto") String text, @JsonProperty("respuesta") String answer,
      @JsonProperty("respuestaTexto") String answerText, @JsonProperty("respondidaPor") String answeredBy,
      @JsonProperty("respondidaEn") LocalDateTime answeredAt, @JsonProperty("registradaPor") String createdBy,
      @JsonProperty("registradaEn") LocalDateTime createdAt) {}

  @Select("SELECT id, expediente_id, ronda, numero, unidad, unidad_nombre, categoria, texto, respuesta, respuesta_texto,"
      + " respondida_por, respondida_at, created_by, created_at FROM pgo_observacion"
      + " WHERE expediente_id = #{expedienteId} ORDER BY ronda, numero")
  List<Observation> observations(long expedienteId);

  @Select("SELECT id, expediente_id, ronda, numero, unidad, unidad_nombre, categoria, texto, respuesta, respuesta_texto,"
      + " respondida_por, respondida_at, created_by, created_at FROM pgo_observacion"
      + " WHERE expediente_id = #{expedienteId} AND ronda = #{round} ORDER BY numero")
  List<Observation> roundObservations(@Param("expedienteId") long expedienteId, @Param("round") int round);

  @org.apache.ibatis.annotations.Delete("DELETE FROM pgo_observacion WHERE expediente_id = #{expedienteId} AND ronda = #{round}")
  int deleteObservations(@Param("expedienteId") long expedienteId, @Param("round") int round);

  @Insert("INSERT INTO pgo_observacion (expediente_id, ronda, numero, unidad, unidad_nombre, categoria, texto, created_by,"
      + " created_at) VALUES (#{expedienteId}, #{round}, #{number}, #{unit}, #{unitName}, #{category}, #{text},"
      + " #{createdBy}, CURRENT_TIMESTAMP)")
  void insertObservation(@Param("expedienteId") long expedienteId, @Param("round") int round,
      @Param("number") int number, @Param("unit") String unit, @Param("unitName") String unitName,
      @Param("category") String category, @Param("text") String text, @Param("createdBy") String createdBy);

  @Update("UPDATE pgo_observacion SET respuesta = #{answer}, respuesta_texto = #{answerText}, respondida_por = #{user},"
      + " respondida_at = CURRENT_TIMESTAMP WHERE expediente_id = #{expedienteId} AND ronda = #{round}"
      + " AND numero = #{number}")
  int answerObservation(@Param("expedienteId") long expedienteId, @Param("round") int round,
      @Param("number") int number, @Param("answer") String answer, @Param("answerText") String answerText,
      @Param("user") String user);

  // ---- assignment

  /** A row of pgo_asignacion. */
  record Assignment(@JsonProperty("ronda") int round, @JsonProperty("evaluador") String evaluator,
      @JsonProperty("asignadoPor") String assignedBy, @JsonProperty("motivo") String reason,
      @JsonProperty("fecha") LocalDateTime createdAt) {}

  @Update("UPDATE pgo_expediente SET evaluador = #{evaluator}, updated_at = CURRENT_TIMESTAMP WHERE id = #{id}")
  void setEvaluator(@Param("id") long id, @Param("evaluator") String evaluator);

  @Insert("INSERT INTO pgo_asignacion (expediente_id, ronda, evaluador, asignado_por, motivo, created_at)"
      + " VALUES (#{expedienteId}, #{round}, #{evaluator}, #{assignedBy}, #{reason}, CURRENT_TIMESTAMP)")
  void insertAssignment(@Param("expedienteId") long expedienteId, @Param("round") int round,
      @Param("evaluator") String evaluator, @Param("assignedBy") String assignedBy, @Param("reason") String reason);

  @Select("SELECT ronda, evaluador, asignado_por, motivo, created_at FROM pgo_asignacion"
      + " WHERE expediente_id = #{expedienteId} ORDER BY id")
  List<Assignment> assignments(long expedienteId);

  // ---- municipal approval chain

  /** A row of pgo_paso_municipal. */
  record MunicipalStep(String step, String decision, String detail, String documentId, String user,
      LocalDateTime createdAt) {}

  @Insert("INSERT INTO pgo_paso_municipal (expediente_id, paso, decision, detalle, document_id, usuario, created_at)"
      + " VALUES (#{expedienteId}, #{step}, #{decision}, #{detail}, #{documentId}, #{user}, CURRENT_TIMESTAMP)")
  void insertMunicipalStep(@Param("expedienteId") long expedienteId, @Param("step") String step,
      @Param("decision") String decision, @Param("detail") String detail, @Param("documentId") String documentId,
      @Param("user") String user);

  @Select("SELECT paso, decision, detalle, document_id, usuario, created_at FROM pgo_paso_municipal"
      + " WHERE expediente_id = #{expedienteId} ORDER BY id")
  List<MunicipalStep> municipalSteps(long expedienteId);
}

package pe.gob.pcm.platform.processmap;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The process-map cases, their versions, rounds, observations, documents and current maps (V19). */
@Mapper
public interface ProcessMapMapper {

  /** A case, for insert (id filled in) and read. */
  class Case {
    public Long id;
    public String processInstanceId;
    public String entityRuc;
    public String entityName;
    public String template;
    public String state;
    public String evaluator;
    public String createdBy;
    public LocalDateTime createdAt;
  }

  record Version(long id, long expedienteId, int version, String content, int processes, int errors, int warnings,
      String createdBy, LocalDateTime createdAt) {}

  /** A round, read; JSON keys in Spanish (the observations page reads them). */
  record Round(@JsonProperty("ronda") int round, @JsonProperty("complejidad") String complexity,
      @JsonProperty("plazoDias") int termDays, @JsonProperty("vence") LocalDateTime dueAt,
      @JsonProperty("evaluador") String evaluator, @JsonProperty("mapaVersion") int mapVersion,
      @JsonProperty("resultado") String result, @JsonProperty("fundamentos") String grounds,
      @JsonProperty("incumplido") int breached, @JsonProperty("cerrada") LocalDateTime closedAt) {}

  record Observation(@JsonProperty("ronda") int round, @JsonProperty("numero") int number,
      @JsonProperty("proceso") String process, @JsonProperty("procesoNombre") String processName,
      @JsonProperty("categoria") String category, @JsonProperty("texto") String text,
      @JsonProperty("respuesta") String answer, @JsonProperty("respuestaTexto") String answerText,
      @JsonProperty("respondidaPor") String answeredBy) {}

  record Current(@JsonProperty("entidad") String entityRuc, @JsonProperty("expediente") long expedienteId,
      @JsonProperty("version") int version, @JsonProperty("norma") String norm,
      @JsonProperty("normaFecha") LocalDate normDate, @JsonProperty("aprobado") LocalDateTime approvedAt) {}

  record CaseDocument(String kind, int round, String documentId) {}

  @Insert("INSERT INTO mapa_expediente (process_instance_id, entity_ruc, entity_name, plantilla, estado, created_by,"
      + " created_at, updated_at) VALUES (#{processInstanceId}, #{entityRuc}, #{entityName}, #{template}, #{state},"
      + " #{createdBy}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
  @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
  void insertCase(Case c);

  String CASE_COLUMNS = "id, process_instance_id, entity_ruc, entity_name, plantilla AS template, estado AS state,"
      + " evaluador AS evaluator, created_by, created_at";

  @Select("SELECT " + CASE_COLUMNS + " FROM mapa_expediente WHERE id = #{id}")
  Case findCase(long id);

  @Select("SELECT process_instance_id FROM mapa_expediente WHERE entity_ruc = #{ruc} AND estado NOT IN"
      + " ('APROBADO', 'DESFAVORABLE', 'ARCHIVADO', 'CANCELADO')")
  List<String> openCases(String ruc);

  @Update("UPDATE mapa_expediente SET estado = 'CANCELADO', updated_at = CURRENT_TIMESTAMP"
      + " WHERE process_instance_id = #{processInstanceId}")
  void cancel(String processInstanceId);

  @Update("UPDATE mapa_expediente SET estado = #{state}, updated_at = CURRENT_TIMESTAMP WHERE id = #{id}")
  void setState(@Param("id") long id, @Param("state") String state);

  @Update("UPDATE mapa_expediente SET evaluador = #{evaluator}, updated_at = CURRENT_TIMESTAMP WHERE id = #{id}")
  void setEvaluator(@Param("id") long id, @Param("evaluator") String evaluator);

  /** A row of the case list, keyed in Spanish. */
  record CaseRow(@JsonProperty("id") long id, @JsonProperty("entidad") String entityRuc,
      @JsonProperty("entidadNombre") String entityName, @JsonProperty("estado") String state,
      @JsonProperty("evaluador") String evaluator, @JsonProperty("plantilla") String template,
      @JsonProperty("creado") LocalDateTime createdAt, @JsonProperty("actualizado") LocalDateTime updatedAt) {}

  String LIST_WHERE = "<where><if test='state != null'>estado = #{state}</if>"
      + "<if test='ruc != null'> AND entity_ruc = #{ruc}</if></where>";

  /** A page of cases, newest first, read along (estado, id) or (entity_ruc, id). */
  @Select("<script>SELECT id, entity_ruc, entity_name, estado, evaluador, plantilla, created_at, updated_at"
      + " FROM mapa_expediente " + LIST_WHERE + " ORDER BY id DESC LIMIT #{size} OFFSET #{offset}</script>")
  List<CaseRow> page(@Param("state") String state, @Param("ruc") String ruc, @Param("offset") int offset,
      @Param("size") int size);

  @Select("<script>SELECT COUNT(*) FROM mapa_expediente " + LIST_WHERE + "</script>")
  long count(@Param("state") String state, @Param("ruc") String ruc);

  // ---- versions of the map

  @Insert("INSERT INTO mapa_version (expediente_id, version, contenido, procesos, errores, advertencias, created_by,"
      + " created_at) VALUES (#{expedienteId}, #{version}, #{content}, #{processes}, #{errors}, #{warnings},"
      + " #{createdBy}, CURRENT_TIMESTAMP)")
  void insertVersion(@Param("expedienteId") long expedienteId, @Param("version") int version,
      @Param("content") String content, @Param("processes") int processes, @Param("errors") int errors,
      @Param("warnings") int warnings, @Param("createdBy") String createdBy);

  String VERSION_COLUMNS = "id, expediente_id, version, contenido AS content, procesos AS processes, errores AS errors,"
      + " advertencias AS warnings, created_by, created_at";

  @Select("SELECT " + VERSION_COLUMNS + " FROM mapa_version WHERE expediente_id = #{expedienteId}"
      + " ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
  Version latestVersion(long expedienteId);

  @Select("SELECT " + VERSION_COLUMNS + " FROM mapa_version WHERE expediente_id = #{expedienteId} AND version = #{version}")
  Version version(@Param("expedienteId") long expedienteId, @Param("version") int version);

  // ---- rounds

  @Insert("INSERT INTO mapa_ronda (expediente_id, ronda, complejidad, plazo_dias, vence, evaluador, mapa_version,"
      + " incumplido, created_at) VALUES (#{expedienteId}, #{round}, #{complexity}, #{termDays}, #{dueAt}, #{evaluator},"
      + " #{mapVersion}, 0, CURRENT_TIMESTAMP)")
  void insertRound(@Param("expedienteId") long expedienteId, @Param("round") int round,
      @Param("complexity") String complexity, @Param("termDays") int termDays, @Param("dueAt") LocalDateTime dueAt,
      @Param("evaluator") String evaluator, @Param("mapVersion") int mapVersion);

  @Select("SELECT ronda, complejidad, plazo_dias, vence, evaluador, mapa_version, resultado, fundamentos, incumplido,"
      + " closed_at FROM mapa_ronda WHERE expediente_id = #{expedienteId} ORDER BY ronda")
  List<Round> rounds(long expedienteId);

  @Update("UPDATE mapa_ronda SET resultado = #{result}, fundamentos = #{grounds}, closed_at = CURRENT_TIMESTAMP"
      + " WHERE expediente_id = #{expedienteId} AND ronda = #{round}")
  void closeRound(@Param("expedienteId") long expedienteId, @Param("round") int round,
      @Param("result") String result, @Param("grounds") String grounds);

  @Update("UPDATE mapa_ronda SET incumplido = 1 WHERE expediente_id = #{expedienteId} AND ronda = #{round}")
  void breachRound(@Param("expedienteId") long expedienteId, @Param("round") int round);

  // ---- observations

  @Delete("DELETE FROM mapa_observacion WHERE expediente_id = #{expedienteId} AND ronda = #{round}")
  void deleteObservations(@Param("expedienteId") long expedienteId, @Param("round") int round);

  @Insert("INSERT INTO mapa_observacion (expediente_id, ronda, numero, proceso, proceso_nombre, categoria, texto,"
      + " created_by, created_at) VALUES (#{expedienteId}, #{round}, #{number}, #{process}, #{processName},"
      + " #{category}, #{text}, #{user}, CURRENT_TIMESTAMP)")
  void insertObservation(@Param("expedienteId") long expedienteId, @Param("round") int round,
      @Param("number") int number, @Param("process") String process, @Param("processName") String processName,
      @Param("category") String category, @Param("text") String text, @Param("user") String user);

  @Select("SELECT ronda, numero, proceso, proceso_nombre, categoria, texto, respuesta, respuesta_texto, respondida_por"
      + " FROM mapa_observacion WHERE expediente_id = #{expedienteId} ORDER BY ronda, numero")
  List<Observation> observations(long expedienteId);

  @Update("UPDATE mapa_observacion SET respuesta = #{answer}, respuesta_texto = #{text}, respondida_por = #{user},"
      + " respondida_at = CURRENT_TIMESTAMP WHERE expediente_id = #{expedienteId} AND ronda = #{round}"
      + " AND numero = #{number}")
  void answer(@Param("expedienteId") long expedienteId, @Param("round") int round, @Param("number") int number,
      @Param("answer") String answer, @Param("text") String text, @Param("user") String user);

  // ---- documents

  @Insert("INSERT INTO mapa_documento (expediente_id, tipo, ronda, document_id, created_at) VALUES (#{expedienteId},"
      + " #{kind}, #{round}, #{documentId}, CURRENT_TIMESTAMP)")
  void insertDocument(@Param("expedienteId") long expedienteId, @Param("kind") String kind, @Param("round") int round,
      @Param("documentId") String documentId);

  @Select("SELECT tipo AS kind, ronda AS round, document_id FROM mapa_documento WHERE expediente_id = #{expedienteId}"
      + " ORDER BY id")
  List<CaseDocument> documents(long expedienteId);

  // ---- the map in force

  @Delete("DELETE FROM mapa_vigente WHERE entity_ruc = #{ruc}")
  void deleteCurrent(String ruc);

  @Insert("INSERT INTO mapa_vigente (entity_ruc, expediente_id, version, norma, norma_fecha, approved_at) VALUES"
      + " (#{ruc}, #{expedienteId}, #{version}, #{norm}, #{normDate}, CURRENT_TIMESTAMP)")
  void insertCurrent(@Param("ruc") String ruc, @Param("expedienteId") long expedienteId, @Param("version") int version,
      @Param("norm") String norm, @Param("normDate") LocalDate normDate);

  @Select("SELECT entity_ruc, expediente_id, version, norma, norma_fecha, approved_at FROM mapa_vigente"
      + " WHERE entity_ruc = #{ruc}")
  Current current(String ruc);
}

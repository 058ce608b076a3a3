package pe.gob.pcm.platform.procedure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The catalogue (proc_estandar, its versions and levels) and the entities' adoptions (V18). Every
 * list is one page read along an index: the catalogue by (nombre, id), an entity's view by the
 * levels' (nivel, version_id) and the current adoptions' primary key (entity_ruc, procedimiento_id).
 */
@Mapper
public interface ProcedureMapper {

  /** A catalogue entry; {@code currentVersion} and {@code publishedDate} are null until first published. */
  record ProcedureRow(long id, String code, String name, Integer currentVersion, LocalDate publishedDate) {}

  /** A version, for insert (id filled in) and read. Read by property name: columns aliased in the SELECT. */
  class VersionRow {
    public Long id;
    public long procedureId;
    /** The procedure's code (read in the catalogue's list only). */
    public String code;
    public int version;
    public String name;
    public String legalBasis;
    public String requirements;
    public BigDecimal fee;
    public int termDays;
    public String silence;
    public String unitType;
    public String state;
    public String legalObservation;
    public String normType;
    public String normNumber;
    public LocalDate normDate;
    public LocalDate publishedDate;
    public String processInstanceId;
    public String createdBy;
    public LocalDateTime createdAt;
  }

  record LevelRow(long versionId, String level) {}

  record EntityRow(String ruc, String name) {}

  /** An adoption, for insert (id filled in) and read. */
  class AdoptionRow {
    public Long id;
    public String entityRuc;
    public long procedureId;
    public int version;
    public String unit;
    public BigDecimal fee;
    public Integer termDays;
    public String requirements;
    public Integer deviations;
    public String state;
    public String observation;
    public String processInstanceId;
    public String createdBy;
  }

  /** A row of an entity's view: a procedure that applies to its level and what it adopted of it. */
  record EntityProcedureRow(String code, String name, int currentVersion, LocalDate publishedDate,
      Integer adoptedVersion, LocalDateTime adoptedAt) {}

  String VERSION_COLUMNS = "id, procedimiento_id AS procedure_id, version, nombre AS name, base_legal AS legal_basis,"
      + " requisitos AS requirements, tasa AS fee, plazo_dias AS term_days, silencio AS silence, tipo_unidad AS unit_type,"
      + " estado AS state, observacion_legal AS legal_observation, norma_tipo AS norm_type, norma_numero AS norm_number,"
      + " norma_fecha AS norm_date, publicado_fecha AS published_date, process_instance_id, created_by, created_at";

  /** {@link #VERSION_COLUMNS} of the alias {@code v}. */
  String V_COLUMNS = "v.id, v.procedimiento_id AS procedure_id, v.version, v.nombre AS name, v.base_legal AS legal_basis,"
      + " v.requisitos AS requirements, v.tasa AS fee, v.plazo_dias AS term_days, v.silencio AS silence,"
      + " v.tipo_unidad AS unit_type, v.estado AS state, v.observacion_legal AS legal_observation, v.norma_tipo AS norm_type,"
      + " v.norma_numero AS norm_number, v.norma_fecha AS norm_date, v.publicado_fecha AS published_date,"
      + " v.process_instance_id, v.created_by, v.created_at";

  // ---- catalogue

  @Insert("INSERT INTO proc_estandar (codigo, nombre, created_by, created_at)"
      + " VALUES (#{code}, #{name}, #{by}, CURRENT_TIMESTAMP)")
  @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
  void insertProcedure(NewProcedure procedure);

  /** Parameter of {@link #insertProcedure}: the code is provisional until the id is known. */
  class NewProcedure {
    public Long id;
    public String code;
    public String name;
    public String by;
  }

  @Update("UPDATE proc_estandar SET codigo = #{code} WHERE id = #{id}")
  void setCode(@Param("id") long id, @Param("code") String code);

  @Select("SELECT id, codigo, nombre, version_vigente, publicado_fecha FROM proc_estandar WHERE codigo = #{code}")
  ProcedureRow procedureByCode(String code);

  @Select("SELECT id, codigo, nombre, version_vigente, publicado_fecha FROM proc_estandar WHERE id = #{id}")
  ProcedureRow procedure(long id);

  @Select("SELECT COALESCE(MAX(version), 0) FROM proc_estandar_version WHERE procedimiento_id = #{procedureId}")
  int maxVersion(long procedureId);

  /** Versions of the procedure still in their cycle (not yet published). */
  @Select("SELECT COUNT(*) FROM proc_estandar_version WHERE procedimiento_id = #{procedureId}"
      + " AND estado IN ('EN_REVISION_LEGAL', 'OBSERVADA', 'CONFORME_LEGAL', 'APROBADA')")
  int openVersions(long procedureId);

  @Insert("INSERT INTO proc_estandar_version (procedimiento_id, version, nombre, base_legal, requisitos, tasa, plazo_dias,"
      + " silencio, tipo_unidad, estado, process_instance_id, created_by, created_at) VALUES (#{procedureId}, #{version},"
      + " #{name}, #{legalBasis}, #{requirements}, #{fee}, #{termDays}, #{silence}, #{unitType}, #{state},"
      + " #{processInstanceId}, #{createdBy}, CURRENT_TIMESTAMP)")
  @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
  void insertVersion(VersionRow version);

  @Update("UPDATE proc_estandar_version SET nombre = #{name}, base_legal = #{legalBasis}, requisitos = #{requirements},"
      + " tasa = #{fee}, plazo_dias = #{termDays}, silencio = #{silence}, tipo_unidad = #{unitType}, estado = #{state},"
      + " updated_at = CURRENT_TIMESTAMP WHERE id = #{id}")
  void updateVersion(VersionRow version);

  @Insert("INSERT INTO proc_estandar_nivel (version_id, nivel) VALUES (#{versionId}, #{level})")
  void insertLevel(@Param("versionId") long versionId, @Param("level") String level);

  @Delete("DELETE FROM proc_estandar_nivel WHERE version_id = #{versionId}")
  void deleteLevels(long versionId);

  @Update("UPDATE proc_estandar_version SET estado = #{state}, observacion_legal = #{observation},"
      + " updated_at = CURRENT_TIMESTAMP WHERE id = #{id}")
  void setVersionState(@Param("id") long id, @Param("state") String state, @Param("observation") String observation);

  @Update("UPDATE proc_estandar_version SET estado = 'APROBADA', norma_tipo = #{type}, norma_numero = #{number},"
      + " norma_fecha = #{date}, updated_at = CURRENT_TIMESTAMP WHERE id = #{id}")
  void approveVersion(@Param("id") long id, @Param("type") String type, @Param("number") String number,
      @Param("date") LocalDate date);

  @Update("UPDATE proc_estandar_version SET estado = 'SUPERADA', updated_at = CURRENT_TIMESTAMP"
      + " WHERE procedimiento_id = #{procedureId} AND estado = 'PUBLICADA'")
  void supersedePublished(long procedureId);

  @Update("UPDATE proc_estandar_version SET estado = 'PUBLICADA', publicado_fecha = #{date},"
      + " updated_at = CURRENT_TIMESTAMP WHERE id = #{id}")
  void publishVersion(@Param("id") long id, @Param("date") LocalDate date);

  @Update("UPDATE proc_estandar SET nombre = #{name}, version_vigente = #{version}, publicado_fecha = #{date}"
      + " WHERE id = #{id}")
  void setCurrent(@Param("id") long id, @Param("name") String name, @Param("version") int version,
      @Param("date") LocalDate date);

  @Select("SELECT " + VERSION_COLUMNS + " FROM proc_estandar_version WHERE id = #{id}")
  VersionRow version(long id);

  @Select("SELECT " + VERSION_COLUMNS + " FROM proc_estandar_version WHERE procedimiento_id = #{procedureId}"
      + " AND version = #{version}")
  VersionRow versionOf(@Param("procedureId") long procedureId, @Param("version") int version);

  /** Every version of a procedure, newest first; {@code publishedOnly} leaves out those still in their cycle. */
  @Select("<script>SELECT " + VERSION_COLUMNS + " FROM proc_estandar_version WHERE procedimiento_id = #{procedureId}"
      + "<if test='publishedOnly'> AND estado IN ('PUBLICADA', 'SUPERADA')</if> ORDER BY version DESC</script>")
  List<VersionRow> versions(@Param("procedureId") long procedureId, @Param("publishedOnly") boolean publishedOnly);

  @Select("<script>SELECT version_id, nivel FROM proc_estandar_nivel WHERE version_id IN"
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> ORDER BY version_id, nivel</script>")
  List<LevelRow> levels(@Param("ids") Collection<Long> versionIds);

  String CATALOGUE = " FROM proc_estandar p JOIN proc_estandar_version v ON v.procedimiento_id = p.id"
      + " AND v.version = p.version_vigente"
      + "<where><if test='level != null'> EXISTS (SELECT 1 FROM proc_estandar_nivel n WHERE n.version_id = v.id"
      + " AND n.nivel = #{level})</if>"
      + "<if test='text != null'> AND (UPPER(p.nombre) LIKE #{text} OR p.codigo LIKE #{text})</if></where>";

  /** One page of the published catalogue by name (index proc_estandar_nombre), with each current version. */
  @Select("<script>SELECT p.codigo AS code, " + V_COLUMNS + CATALOGUE
      + " ORDER BY p.nombre, p.id LIMIT #{size} OFFSET #{offset}</script>")
  List<VersionRow> cataloguePage(@Param("level") String level, @Param("text") String text,
      @Param("offset") int offset, @Param("size") int size);

  @Select("<script>SELECT COUNT(*)" + CATALOGUE + "</script>")
  long catalogueCount(@Param("level") String level, @Param("text") String text);

  /** Active hosted entities of these levels of government (index hosted_entity_level_state). */
  @Select("<script>SELECT ruc, name FROM hosted_entity WHERE state = 'ACTIVA' AND government_level IN"
      + "<foreach item='l' collection='levels' open='(' separator=',' close=')'>#{l}</foreach> ORDER BY ruc</script>")
  List<EntityRow> activeEntities(@Param("levels") Collection<String> levels);

  // ---- adoptions

  @Insert("INSERT INTO proc_adopcion (entity_ruc, procedimiento_id, version, estado, process_instance_id, created_by,"
      + " created_at) VALUES (#{entityRuc}, #{procedureId}, #{version}, #{state}, #{processInstanceId}, #{createdBy},"
      + " CURRENT_TIMESTAMP)")
  @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
  void insertAdoption(AdoptionRow adoption);

  @Update("UPDATE proc_adopcion SET unidad = #{unit}, tasa = #{fee}, plazo_dias = #{termDays}, requisitos = #{requirements},"
      + " desviaciones = #{deviations}, estado = #{state} WHERE id = #{id}")
  void updateAdoption(AdoptionRow adoption);

  @Update("UPDATE proc_adopcion SET estado = #{state}, observacion = #{observation} WHERE id = #{id}")
  void setAdoptionState(@Param("id") long id, @Param("state") String state, @Param("observation") String observation);

  @Select("SELECT id, entity_ruc, procedimiento_id AS procedure_id, version, unidad AS unit, tasa AS fee,"
      + " plazo_dias AS term_days, requisitos AS requirements, desviaciones AS deviations, estado AS state,"
      + " observacion AS observation, process_instance_id, created_by FROM proc_adopcion WHERE id = #{id}")
  AdoptionRow adoption(long id);

  /** Adoptions of the procedure by the entity still in their cycle. */
  @Select("SELECT COUNT(*) FROM proc_adopcion WHERE entity_ruc = #{ruc} AND procedimiento_id = #{procedureId}"
      + " AND estado IN ('EN_ADECUACION', 'EN_REVISION', 'OBSERVADA')")
  int openAdoptions(@Param("ruc") String ruc, @Param("procedureId") long procedureId);

  @Delete("DELETE FROM proc_adopcion_desviacion WHERE adopcion_id = #{adoptionId}")
  void deleteDeviations(long adoptionId);

  @Insert("INSERT INTO proc_adopcion_desviacion (adopcion_id, orden, campo, estandar, adoptado, detalle)"
      + " VALUES (#{adoptionId}, #{order}, #{d.field}, #{d.standard}, #{d.adopted}, #{d.detail})")
  void insertDeviation(@Param("adoptionId") long adoptionId, @Param("order") int order, @Param("d") Deviation deviation);

  @Update("UPDATE proc_adopcion SET estado = 'APROBADA', approved_by = #{by}, approved_at = CURRENT_TIMESTAMP"
      + " WHERE id = #{id}")
  void approveAdoption(@Param("id") long id, @Param("by") String by);

  @Update("UPDATE proc_adopcion SET estado = 'SUPERADA' WHERE id = (SELECT c.adopcion_id FROM proc_entidad_vigente c"
      + " WHERE c.entity_ruc = #{ruc} AND c.procedimiento_id = #{procedureId})")
  void supersedeCurrentAdoption(@Param("ruc") String ruc, @Param("procedureId") long procedureId);

  @Delete("DELETE FROM proc_entidad_vigente WHERE entity_ruc = #{ruc} AND procedimiento_id = #{procedureId}")
  void deleteCurrent(@Param("ruc") String ruc, @Param("procedureId") long procedureId);

  @Insert("INSERT INTO proc_entidad_vigente (entity_ruc, procedimiento_id, adopcion_id, version, adoptado_at)"
      + " VALUES (#{ruc}, #{procedureId}, #{adoptionId}, #{version}, CURRENT_TIMESTAMP)")
  void insertCurrent(@Param("ruc") String ruc, @Param("procedureId") long procedureId,
      @Param("adoptionId") long adoptionId, @Param("version") int version);

  // ---- an entity's view

  /**
   * {@code situation}: null (all that apply), ADOPTADOS (current version or an earlier one adopted),
   * PENDIENTES (the current version not adopted) or VENCIDOS (pending and published on or before
   * {@code cutoff}, the last publication date whose adoption term has passed).
   */
  String ENTITY_VIEW = " FROM proc_estandar p JOIN proc_estandar_version v ON v.procedimiento_id = p.id"
      + " AND v.version = p.version_vigente"
      + " JOIN proc_estandar_nivel n ON n.version_id = v.id AND n.nivel = #{level}"
      + " LEFT JOIN proc_entidad_vigente a ON a.procedimiento_id = p.id AND a.entity_ruc = #{ruc}"
      + "<where><if test='situation == \"ADOPTADOS\"'> a.version IS NOT NULL</if>"
      + "<if test='situation == \"PENDIENTES\" or situation == \"VENCIDOS\"'> (a.version IS NULL OR a.version &lt; p.version_vigente)</if>"
      + "<if test='situation == \"VENCIDOS\"'> AND p.publicado_fecha &lt;= #{cutoff}</if></where>";

  @Select("<script>SELECT p.codigo, p.nombre, p.version_vigente, p.publicado_fecha, a.version, a.adoptado_at"
      + ENTITY_VIEW + " ORDER BY p.nombre, p.id LIMIT #{size} OFFSET #{offset}</script>")
  List<EntityProcedureRow> entityPage(@Param("ruc") String ruc, @Param("level") String level,
      @Param("situation") String situation, @Param("cutoff") LocalDate cutoff, @Param("offset") int offset,
      @Param("size") int size);

  @Select("<script>SELECT COUNT(*)" + ENTITY_VIEW + "</script>")
  long entityCount(@Param("ruc") String ruc, @Param("level") String level, @Param("situation") String situation,
      @Param("cutoff") LocalDate cutoff);
}

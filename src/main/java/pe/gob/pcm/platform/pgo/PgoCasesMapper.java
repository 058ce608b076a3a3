package pe.gob.pcm.platform.pgo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The SGP's view of every case across entities: one page of cases at a time (filtered by state,
 * entity category, evaluator, overdue) and the managers' numbers. Each filter has its index
 * (V14): pgo_expediente (estado, id), (evaluador, id), (entity_category, id) and the open rounds
 * by pgo_evaluacion (closed_at, vence).
 */
@Mapper
public interface PgoCasesMapper {

  /** The filters; null means any. {@code now} is Lima's local time, as pgo_evaluacion.vence is stored. */
  record Filter(String state, Integer categoryFrom, Integer categoryTo, String evaluator, boolean overdue,
      LocalDateTime now) {}

  /** One case of the list, with its last round. */
  record CaseRow(@JsonProperty("id") long id, @JsonProperty("entidadRuc") String entityRuc,
      @JsonProperty("entidad") String entityName, @JsonProperty("categoria") int category,
      @JsonProperty("documento") String documentType, @JsonProperty("estado") String state,
      @JsonProperty("evaluador") String evaluator, @JsonProperty("abierto") LocalDateTime createdAt,
      @JsonProperty("ronda") Integer round, @JsonProperty("vence") LocalDateTime dueAt,
      @JsonProperty("rondaCerrada") LocalDateTime roundClosedAt, @JsonProperty("vencido") boolean overdue) {}

  record Count(@JsonProperty("clave") String key, @JsonProperty("cantidad") long count) {}

  String WHERE = "<where>"
      + "<if test='f.state != null'> AND e.estado = #{f.state}</if>"
      + "<if test='f.categoryFrom != null'> AND e.entity_category BETWEEN #{f.categoryFrom} AND #{f.categoryTo}</if>"
      + "<if test='f.evaluator != null'> AND e.evaluador = #{f.evaluator}</if>"
      + "<if test='f.overdue'> AND e.id IN (SELECT o.expediente_id FROM pgo_evaluacion o"
      + " WHERE o.closed_at IS NULL AND o.vence &lt; #{f.now})</if>"
      + "</where>";

  @Select("<script>SELECT e.id, e.entity_ruc, e.entity_name, e.entity_category, e.documento, e.estado, e.evaluador,"
      + " e.created_at, r.ronda, r.vence, r.closed_at,"
      + " CASE WHEN r.closed_at IS NULL AND r.vence &lt; #{f.now} THEN TRUE ELSE FALSE END"
      + " FROM pgo_expediente e LEFT JOIN pgo_evaluacion r ON r.expediente_id = e.id"
      + " AND r.ronda = (SELECT MAX(m.ronda) FROM pgo_evaluacion m WHERE m.expediente_id = e.id) "
      + WHERE + " ORDER BY e.id DESC LIMIT #{size} OFFSET #{offset}</script>")
  List<CaseRow> page(@Param("f") Filter filter, @Param("offset") int offset, @Param("size") int size);

  @Select("<script>SELECT COUNT(*) FROM pgo_expediente e " + WHERE + "</script>")
  long count(@Param("f") Filter filter);

  @Select("SELECT estado, COUNT(*) FROM pgo_expediente GROUP BY estado ORDER BY estado")
  List<Count> byState();

  /** Open cases per evaluator. */
  @Select("SELECT evaluador, COUNT(*) FROM pgo_expediente WHERE evaluador IS NOT NULL"
      + " AND estado IN ('EN_EVALUACION', 'OBSERVADO') GROUP BY evaluador ORDER BY evaluador")
  List<Count> openByEvaluator();

  /** Average working days an SGP round took (closed rounds); null when none closed. */
  @Select("SELECT AVG(CAST(dias_habiles AS DECIMAL(10, 2))) FROM pgo_evaluacion WHERE dias_habiles IS NOT NULL")
  java.math.BigDecimal averageWorkingDaysPerRound();

  @Select("SELECT COUNT(*) FROM pgo_evaluacion WHERE closed_at IS NULL AND vence < #{now}")
  long overdueRounds(@Param("now") LocalDateTime now);

  @Select("SELECT COUNT(*) FROM pgo_evaluacion WHERE incumplido = 1")
  long breachedRounds();
}

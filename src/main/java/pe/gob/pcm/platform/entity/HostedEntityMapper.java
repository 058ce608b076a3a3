package pe.gob.pcm.platform.entity;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface HostedEntityMapper {

  String COLUMNS = "ruc, name, category, sector, government_level, state, state_reason, state_changed_by,"
      + " state_changed_at, created_by, created_at, request_process_instance_id";

  /** An entity's record; {@code category} is the PIDE category (1 to 8), null when not given. */
  record HostedEntityRow(String ruc, String name, Integer category, String sector, String governmentLevel,
      EntityState state, String stateReason, String stateChangedBy, LocalDateTime stateChangedAt,
      String createdBy, LocalDateTime createdAt, String requestProcessInstanceId) {

    public boolean hosted() {
      return state != EntityState.SOLICITANTE;
    }
  }

  @Select("SELECT " + COLUMNS + " FROM hosted_entity WHERE ruc = #{ruc}")
  HostedEntityRow find(String ruc);

  /** The hosted entities (active or suspended), by name. */
  @Select("SELECT " + COLUMNS + " FROM hosted_entity WHERE state <> 'SOLICITANTE' ORDER BY name")
  List<HostedEntityRow> findHosted();

  /**
   * One page of the registry, by name then RUC (index hosted_entity_state_name): {@code state} and
   * {@code text} (in the name or the RUC) are optional.
   */
  @Select("<script>SELECT " + COLUMNS + " FROM hosted_entity <where>"
      + "<if test='state != null'>state = #{state}</if>"
      + "<if test='text != null'> AND (UPPER(name) LIKE #{text} OR ruc LIKE #{text})</if>"
      + "</where> ORDER BY name, ruc LIMIT #{limit} OFFSET #{offset}</script>")
  List<HostedEntityRow> page(@Param("state") EntityState state, @Param("text") String text,
      @Param("offset") int offset, @Param("limit") int limit);

  @Select("<script>SELECT COUNT(*) FROM hosted_entity <where>"
      + "<if test='state != null'>state = #{state}</if>"
      + "<if test='text != null'> AND (UPPER(name) LIKE #{text} OR ruc LIKE #{text})</if>"
      + "</where></script>")
  long count(@Param("state") EntityState state, @Param("text") String text);

  @Insert("INSERT INTO hosted_entity (ruc, name, category, sector, government_level, state, created_by, created_at,"
      + " request_process_instance_id) VALUES (#{ruc}, #{name}, #{category}, #{sector}, #{governmentLevel},"
      + " #{state}, #{createdBy}, CURRENT_TIMESTAMP, #{requestProcessInstanceId})")
  void insert(@Param("ruc") String ruc, @Param("name") String name, @Param("category") Integer category,
      @Param("sector") String sector, @Param("governmentLevel") String governmentLevel,
      @Param("state") EntityState state, @Param("createdBy") String createdBy,
      @Param("requestProcessInstanceId") String requestProcessInstanceId);

  @Update("UPDATE hosted_entity SET name = #{name}, category = COALESCE(#{category}, category),"
      + " sector = COALESCE(#{sector}, sector), government_level = COALESCE(#{governmentLevel}, government_level)"
      + " WHERE ruc = #{ruc}")
  void update(@Param("ruc") String ruc, @Param("name") String name, @Param("category") Integer category,
      @Param("sector") String sector, @Param("governmentLevel") String governmentLevel);

  /** Moves the entity from {@code from} to {@code to}; 0 rows when it was not in {@code from}. */
  @Update("UPDATE hosted_entity SET state = #{to}, state_reason = #{reason}, state_changed_by = #{by},"
      + " state_changed_at = CURRENT_TIMESTAMP, request_process_instance_id"
      + " = COALESCE(#{processInstanceId}, request_process_instance_id) WHERE ruc = #{ruc} AND state = #{from}")
  int changeState(@Param("ruc") String ruc, @Param("from") EntityState from, @Param("to") EntityState to,
      @Param("reason") String reason, @Param("by") String by, @Param("processInstanceId") String processInstanceId);

  /** Forgets a request that did not succeed: only the request's own row, only while it is one. */
  @Delete("DELETE FROM hosted_entity WHERE ruc = #{ruc} AND state = 'SOLICITANTE'"
      + " AND request_process_instance_id = #{processInstanceId}")
  int deleteRequest(@Param("ruc") String ruc, @Param("processInstanceId") String processInstanceId);
}

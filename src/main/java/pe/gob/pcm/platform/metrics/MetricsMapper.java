package pe.gob.pcm.platform.metrics;

import java.util.Date;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Read-only queries over Camunda's own tables (ACT_HI_* history, ACT_RU_* runtime): grouped
 * counts that the engine's query API would need one call per process and entity to give.
 * Times are compared with java.util.Date parameters, as the engine writes them.
 */
@Mapper
public interface MetricsMapper {

  /** A count per process definition key and tenant (entity RUC, null = none). */
  record Count(String processKey, String tenantId, long total) {}

  /** An ended process instance: its final state and duration in milliseconds. */
  record Ended(String processKey, String tenantId, String state, Long durationMs) {}

  /** A fired activity (here: boundary timers) of a process instance. */
  record Fired(String processKey, String tenantId, String activityId) {}

  /** An open task with one of its candidate groups (null when it has none). */
  record OpenTask(String taskId, String processKey, String tenantId, String groupId,
      String assignee, Date created) {}

  @Select("SELECT PROC_DEF_KEY_, TENANT_ID_, COUNT(*) FROM ACT_HI_PROCINST"
      + " WHERE START_TIME_ >= #{from} AND START_TIME_ < #{to} GROUP BY PROC_DEF_KEY_, TENANT_ID_")
  List<Count> started(@Param("from") Date from, @Param("to") Date to);

  @Select("SELECT PROC_DEF_KEY_, TENANT_ID_, STATE_, DURATION_ FROM ACT_HI_PROCINST"
      + " WHERE END_TIME_ >= #{from} AND END_TIME_ < #{to}")
  List<Ended> ended(@Param("from") Date from, @Param("to") Date to);

  /** Instances started before the end of the period and not ended by then. */
  @Select("SELECT PROC_DEF_KEY_, TENANT_ID_, COUNT(*) FROM ACT_HI_PROCINST"
      + " WHERE START_TIME_ < #{to} AND (END_TIME_ IS NULL OR END_TIME_ >= #{to})"
      + " GROUP BY PROC_DEF_KEY_, TENANT_ID_")
  List<Count> runningAt(@Param("to") Date to);

  @Select("SELECT PROC_DEF_KEY_, TENANT_ID_, ACT_ID_ FROM ACT_HI_ACTINST"
      + " WHERE ACT_TYPE_ = 'boundaryTimer' AND START_TIME_ >= #{from} AND START_TIME_ < #{to}")
  List<Fired> boundaryTimers(@Param("from") Date from, @Param("to") Date to);

  @Select("SELECT PROC_DEF_KEY_, TENANT_ID_, COUNT(*) FROM ACT_HI_INCIDENT"
      + " WHERE CREATE_TIME_ >= #{from} AND CREATE_TIME_ < #{to} AND PROC_DEF_KEY_ IS NOT NULL"
      + " GROUP BY PROC_DEF_KEY_, TENANT_ID_")
  List<Count> incidentsCreated(@Param("from") Date from, @Param("to") Date to);

  @Select("SELECT d.KEY_, i.TENANT_ID_, COUNT(*) FROM ACT_RU_INCIDENT i"
      + " JOIN ACT_RE_PROCDEF d ON d.ID_ = i.PROC_DEF_ID_ GROUP BY d.KEY_, i.TENANT_ID_")
  List<Count> openIncidents();

  @Select("SELECT d.KEY_, e.TENANT_ID_, COUNT(*) FROM ACT_RU_EXECUTION e"
      + " JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_ WHERE e.ID_ = e.PROC_INST_ID_"
      + " GROUP BY d.KEY_, e.TENANT_ID_")
  List<Count> runningNow();

  @Select("SELECT d.KEY_, t.TENANT_ID_, COUNT(*) FROM ACT_RU_TASK t"
      + " JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_ GROUP BY d.KEY_, t.TENANT_ID_")
  List<Count> openTaskCounts();

  @Select("SELECT t.ID_, d.KEY_, t.TENANT_ID_, l.GROUP_ID_, t.ASSIGNEE_, t.CREATE_TIME_ FROM ACT_RU_TASK t"
      + " JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_"
      + " LEFT JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate'"
      + " AND l.GROUP_ID_ IS NOT NULL")
  List<OpenTask> openTasks();
}

package pe.gob.pcm.platform.mpv;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface MpvMapper {

  /** A row of mpv_prueba, read by constructor in column order: {@code round} is column {@code ronda}. */
  record TestRun(String processInstanceId, String entityRuc, String url, int round, int passed, int failed,
      String reportDocumentId, java.time.LocalDateTime executedAt) {}

  @Insert("INSERT INTO mpv_prueba (process_instance_id, entity_ruc, url, ronda, passed, failed, report_document_id,"
      + " executed_at) VALUES (#{processInstanceId}, #{entityRuc}, #{url}, #{round}, #{passed}, #{failed},"
      + " #{reportDocumentId}, CURRENT_TIMESTAMP)")
  void insert(String processInstanceId, String entityRuc, String url, int round, int passed, int failed,
      String reportDocumentId);

  @Select("SELECT process_instance_id, entity_ruc, url, ronda, passed, failed, report_document_id, executed_at"
      + " FROM mpv_prueba WHERE process_instance_id = #{processInstanceId} ORDER BY ronda")
  List<TestRun> runsOf(String processInstanceId);
}

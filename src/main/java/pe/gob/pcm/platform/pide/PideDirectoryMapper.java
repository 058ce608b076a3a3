package pe.gob.pcm.platform.pide;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PideDirectoryMapper {

  record Registered(String ruc, String name, int category, String url,
      java.time.LocalDateTime registeredAt, String processInstanceId) {}

  @Select("SELECT ruc, name, category, url, registered_at, process_instance_id FROM pide_directorio ORDER BY name")
  List<Registered> findAll();

  @Select("SELECT ruc, name, category, url, registered_at, process_instance_id FROM pide_directorio WHERE ruc = #{ruc}")
  Registered find(String ruc);

  @Insert("INSERT INTO pide_directorio (ruc, name, category, url, registered_at, process_instance_id)"
      + " VALUES (#{ruc}, #{name}, #{category}, #{url}, CURRENT_TIMESTAMP, #{processInstanceId})")
  void insert(String ruc, String name, int category, String url, String processInstanceId);

  @Update("UPDATE pide_directorio SET name = #{name}, category = #{category}, url = #{url},"
      + " registered_at = CURRENT_TIMESTAMP, process_instance_id = #{processInstanceId} WHERE ruc = #{ruc}")
  int update(String ruc, String name, int category, String url, String processInstanceId);
}

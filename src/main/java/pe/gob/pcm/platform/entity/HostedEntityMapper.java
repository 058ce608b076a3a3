package pe.gob.pcm.platform.entity;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface HostedEntityMapper {

  record HostedEntityRow(String ruc, String name) {}

  @Select("SELECT ruc, name FROM hosted_entity WHERE ruc = #{ruc}")
  HostedEntityRow find(String ruc);

  @Select("SELECT ruc, name FROM hosted_entity ORDER BY name")
  List<HostedEntityRow> findAll();

  @Insert("INSERT INTO hosted_entity (ruc, name, created_at) VALUES (#{ruc}, #{name}, CURRENT_TIMESTAMP)")
  void insert(String ruc, String name);

  @Update("UPDATE hosted_entity SET name = #{name} WHERE ruc = #{ruc}")
  void rename(String ruc, String name);
}

package pe.gob.pcm.platform.account;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The entity users deactivated by their master user, with the roles to give back (docs/personas.md). */
@Mapper
public interface DeactivationMapper {

  /** {@code roles}: the role group ids the user had, separated by {@code ;}. */
  record Deactivation(String userId, String entityRuc, String roles, String deactivatedBy,
      LocalDateTime deactivatedAt) {}

  String COLUMNS = "user_id, entity_ruc, roles, deactivated_by, deactivated_at";

  @Insert("INSERT INTO entity_user_deactivation (" + COLUMNS + ")"
      + " VALUES (#{userId}, #{entityRuc}, #{roles}, #{by}, CURRENT_TIMESTAMP)")
  void insert(@Param("userId") String userId, @Param("entityRuc") String entityRuc,
      @Param("roles") String roles, @Param("by") String by);

  @Select("SELECT " + COLUMNS + " FROM entity_user_deactivation WHERE user_id = #{userId}")
  Deactivation find(String userId);

  /** The deactivations among these users (a page of the list: at most a few hundred ids). */
  @Select("<script>SELECT " + COLUMNS + " FROM entity_user_deactivation WHERE user_id IN"
      + "<foreach item='id' collection='userIds' open='(' separator=',' close=')'>#{id}</foreach></script>")
  List<Deactivation> findAll(@Param("userIds") Collection<String> userIds);

  /** Ends a deactivation; 0 when the user was not deactivated (or another request did it first). */
  @Delete("DELETE FROM entity_user_deactivation WHERE user_id = #{userId}")
  int delete(String userId);
}

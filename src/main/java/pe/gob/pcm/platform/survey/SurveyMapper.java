package pe.gob.pcm.platform.survey;

import java.util.Date;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The survey's answers (table satisfaction_answer, V16). */
@Mapper
public interface SurveyMapper {

  /** Answers of one procedure and entity in a period: how many of each outcome and of each score. */
  record Tally(String procedureKey, String entityRuc, long answered, long declined, long expired,
      long scoreSum, long score1, long score2, long score3, long score4, long score5) {}

  @Select("SELECT COUNT(*) FROM satisfaction_answer WHERE source_instance_id = #{source}")
  int countFor(@Param("source") String sourceInstanceId);

  @Insert("INSERT INTO satisfaction_answer (source_instance_id, procedure_key, entity_ruc, user_id, outcome, score,"
      + " comment_text, recorded_at) VALUES (#{source}, #{procedure}, #{entity}, #{user}, #{outcome}, #{score},"
      + " #{comment}, #{at})")
  void insert(@Param("source") String sourceInstanceId, @Param("procedure") String procedureKey,
      @Param("entity") String entityRuc, @Param("user") String userId, @Param("outcome") String outcome,
      @Param("score") Integer score, @Param("comment") String comment, @Param("at") Date at);

  @Select("SELECT procedure_key, entity_ruc,"
      + " SUM(CASE WHEN outcome = 'ANSWERED' THEN 1 ELSE 0 END),"
      + " SUM(CASE WHEN outcome = 'DECLINED' THEN 1 ELSE 0 END),"
      + " SUM(CASE WHEN outcome = 'EXPIRED' THEN 1 ELSE 0 END),"
      + " COALESCE(SUM(score), 0),"
      + " SUM(CASE WHEN score = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN score = 2 THEN 1 ELSE 0 END),"
      + " SUM(CASE WHEN score = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN score = 4 THEN 1 ELSE 0 END),"
      + " SUM(CASE WHEN score = 5 THEN 1 ELSE 0 END)"
      + " FROM satisfaction_answer WHERE recorded_at >= #{from} AND recorded_at < #{to}"
      + " GROUP BY procedure_key, entity_ruc")
  List<Tally> tallies(@Param("from") Date from, @Param("to") Date to);

  /** The latest comments of a period (newest first), for the managers' view. */
  record Comment(String procedureKey, String entityRuc, Integer score, String comment, Date recordedAt) {}

  @Select("<script>SELECT procedure_key, entity_ruc, score, comment_text, recorded_at FROM satisfaction_answer"
      + " WHERE recorded_at &gt;= #{from} AND recorded_at &lt; #{to} AND comment_text IS NOT NULL"
      + "<if test='entity != null'> AND entity_ruc = #{entity}</if>"
      + " ORDER BY recorded_at DESC, id DESC LIMIT #{limit}</script>")
  List<Comment> latestComments(@Param("from") Date from, @Param("to") Date to, @Param("entity") String entityRuc,
      @Param("limit") int limit);
}

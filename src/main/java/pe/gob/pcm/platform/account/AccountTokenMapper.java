package pe.gob.pcm.platform.account;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface AccountTokenMapper {

  record Token(String tokenHash, String userId, String purpose, LocalDateTime expiresAt, LocalDateTime usedAt) {}

  @Insert("INSERT INTO account_token (token_hash, user_id, purpose, created_at, expires_at)"
      + " VALUES (#{hash}, #{userId}, #{purpose}, CURRENT_TIMESTAMP, #{expiresAt})")
  void insert(@Param("hash") String hash, @Param("userId") String userId, @Param("purpose") String purpose,
      @Param("expiresAt") LocalDateTime expiresAt);

  @Select("SELECT token_hash, user_id, purpose, expires_at, used_at FROM account_token WHERE token_hash = #{hash}")
  Token find(String hash);

  /** Uses the token once: 0 rows when it was used, or replaced, in the meantime. */
  @Update("UPDATE account_token SET used_at = CURRENT_TIMESTAMP WHERE token_hash = #{hash} AND used_at IS NULL")
  int use(String hash);

  /** Ends the user's open password links (a new one replaces them). */
  @Update("UPDATE account_token SET used_at = CURRENT_TIMESTAMP WHERE user_id = #{userId} AND used_at IS NULL"
      + " AND purpose IN ('" + OneTimeLinks.ACTIVATE + "', '" + OneTimeLinks.RESET + "', '" + OneTimeLinks.REACTIVATE + "')")
  int endOpenPasswordLinks(String userId);

  /** Ends the user's open links of one other purpose (a new one replaces them). */
  @Update("UPDATE account_token SET used_at = CURRENT_TIMESTAMP WHERE user_id = #{userId} AND used_at IS NULL"
      + " AND purpose = #{purpose}")
  int endOpenLinksFor(@Param("userId") String userId, @Param("purpose") String purpose);

  /** Ends all the user's open links (a deactivated user has none). */
  @Update("UPDATE account_token SET used_at = CURRENT_TIMESTAMP WHERE user_id = #{userId} AND used_at IS NULL")
  int endOpenLinks(String userId);
}

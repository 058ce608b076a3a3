package pe.gob.pcm.platform.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pe.gob.pcm.platform.validation.InvalidInputException;

/**
 * One-time links that let a person set their own password (docs/incorporacion.md): the password
 * is never chosen by anyone else nor sent by mail. A link works once, until it expires, and a new
 * link for the same user ends the previous ones. Only the token's SHA-256 is stored.
 */
@Service
public class OneTimeLinks {

  public static final String ACTIVATE = "ACTIVAR";
  public static final String RESET = "RESTABLECER";
  /** The link sent when an entity's master user reactivates a person (docs/personas.md). */
  public static final String REACTIVATE = "REACTIVAR";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AccountTokenMapper mapper;
  private final IdentityService identity;
  private final LinkMailer mailer;
  private final Duration validity;

  public OneTimeLinks(AccountTokenMapper mapper, IdentityService identity, LinkMailer mailer,
      @Value("${platform.accounts.link-validity:PT48H}") Duration validity) {
    this.mapper = mapper;
    this.identity = identity;
    this.mailer = mailer;
    this.validity = validity;
  }

  /**
   * Issues a link for the user and mails it to their address once the current transaction
   * commits (nothing is sent for a step that rolls back). Returns the link.
   */
  @Transactional
  public String issue(String userId, String purpose) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      throw new IllegalStateException("El usuario " + userId + " no existe.");
    }
    return issue(user, purpose);
  }

  /**
   * As {@link #issue(String, String)} for a user at hand, e.g. one saved in this same engine
   * command (inside a delegate a query does not see it before the command flushes).
   */
  @Transactional
  public String issue(User user, String purpose) {
    String userId = user.getId();
    if (user.getEmail() == null || user.getEmail().isBlank()) {
      throw new IllegalStateException("El usuario " + userId + " no tiene correo.");
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    mapper.endOpenLinks(userId);
    mapper.insert(sha256(token), userId, purpose, LocalDateTime.now().plus(validity));
    String link = mailer.linkFor(token);
    mailer.sendAfterCommit(user, purpose, link, validity);
    return link;
  }

  /** Sets the password of the link's user and ends the link; refusals name the field. */
  @Transactional
  public String redeem(String token, String password, String confirmation) {
    AccountTokenMapper.Token stored = token == null || token.isBlank() ? null : mapper.find(sha256(token.strip()));
    if (stored == null || stored.usedAt() != null || stored.expiresAt().isBefore(LocalDateTime.now())) {
      throw new InvalidInputException("token", "Enlace",
          "no es válido, ya se usó o venció: pida uno nuevo a quien le dio acceso");
    }
    String problem = Passwords.problem(password, stored.userId());
    if (problem != null) {
      throw new InvalidInputException("clave", "Contraseña", problem);
    }
    if (!password.equals(confirmation)) {
      throw new InvalidInputException("confirmacion", "Confirmación", "no coincide con la contraseña");
    }
    if (mapper.use(stored.tokenHash()) != 1) {
      throw new InvalidInputException("token", "Enlace", "ya se usó");
    }
    User user = identity.createUserQuery().userId(stored.userId()).singleResult();
    if (user == null) {
      throw new InvalidInputException("token", "Enlace", "el usuario ya no existe");
    }
    user.setPassword(password);
    identity.saveUser(user);
    identity.unlockUser(user.getId());
    return user.getId();
  }

  static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

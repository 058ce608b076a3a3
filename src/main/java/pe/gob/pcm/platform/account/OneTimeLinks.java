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
 * password link for the same user ends the previous ones. Only the token's SHA-256 is stored.
 * Another room may use the same links for its own purpose (e.g. revealing a secret once, see
 * {@link #issue(User, String, LinkMessage)}): such a link never sets a password, and a new one
 * ends only the open links of its purpose.
 */
@Service
public class OneTimeLinks {

  public static final String ACTIVATE = "ACTIVAR";
  public static final String RESET = "RESTABLECER";
  /** The link sent when an entity's master user reactivates a person (docs/personas.md). */
  public static final String REACTIVATE = "REACTIVAR";
  private static final java.util.Set<String> PASSWORD_PURPOSES = java.util.Set.of(ACTIVATE, RESET, REACTIVATE);
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * What a link of another purpose says: the page that redeems it ({@code /cuentas/x.html}), the
   * mail's subject and its first paragraph (Spanish, for the person).
   */
  public record LinkMessage(String page, String subject, String text) {}

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
    if (!PASSWORD_PURPOSES.contains(purpose)) {
      throw new IllegalArgumentException("Propósito de enlace sin mensaje: " + purpose);
    }
    String token = newToken(userId, purpose);
    String link = mailer.linkFor(token);
    mailer.sendAfterCommit(user, purpose, link, validity);
    return link;
  }

  /**
   * A link of another purpose than a password, mailed after the commit with its own page and
   * text; redeemed with {@link #redeem(String, String)}. Returns the link.
   */
  @Transactional
  public String issue(User user, String purpose, LinkMessage message) {
    if (PASSWORD_PURPOSES.contains(purpose)) {
      throw new IllegalArgumentException("Un enlace de contraseña no lleva otro mensaje: " + purpose);
    }
    if (user.getEmail() == null || user.getEmail().isBlank()) {
      throw new IllegalStateException("El usuario " + user.getId() + " no tiene correo.");
    }
    String token = newToken(user.getId(), purpose);
    String link = mailer.linkFor(message.page(), token);
    mailer.sendAfterCommit(user, message, link, validity);
    return link;
  }

  /**
   * Uses a link of another purpose once: the user it was issued to. Refused (field {@code token})
   * when unknown, used, expired or of another purpose.
   */
  @Transactional
  public String redeem(String token, String purpose) {
    AccountTokenMapper.Token stored = token == null || token.isBlank() ? null : mapper.find(sha256(token.strip()));
    if (stored == null || !stored.purpose().equals(purpose) || stored.usedAt() != null
        || stored.expiresAt().isBefore(LocalDateTime.now())) {
      throw new InvalidInputException("token", "Enlace", "no es válido, ya se usó o venció");
    }
    if (mapper.use(stored.tokenHash()) != 1) {
      throw new InvalidInputException("token", "Enlace", "ya se usó");
    }
    return stored.userId();
  }

  private String newToken(String userId, String purpose) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    if (PASSWORD_PURPOSES.contains(purpose)) {
      mapper.endOpenPasswordLinks(userId);
    } else {
      mapper.endOpenLinksFor(userId, purpose);
    }
    mapper.insert(sha256(token), userId, purpose, LocalDateTime.now().plus(validity));
    return token;
  }

  /** Sets the password of the link's user and ends the link; refusals name the field. */
  @Transactional
  public String redeem(String token, String password, String confirmation) {
    AccountTokenMapper.Token stored = token == null || token.isBlank() ? null : mapper.find(sha256(token.strip()));
    if (stored == null || !PASSWORD_PURPOSES.contains(stored.purpose()) || stored.usedAt() != null
        || stored.expiresAt().isBefore(LocalDateTime.now())) {
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

package pe.gob.pcm.platform.account;

import java.security.SecureRandom;
import java.util.Base64;

/** The platform's password rule, and passwords nobody knows (accounts waiting for their link). */
public final class Passwords {

  public static final int MIN_LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {
  }

  /** Null when the password may be used by the user, otherwise why not (Spanish). */
  public static String problem(String password, String userId) {
    if (password == null || password.isEmpty()) {
      return "es obligatoria";
    }
    if (password.length() < MIN_LENGTH || password.length() > 128) {
      return "debe tener entre " + MIN_LENGTH + " y 128 caracteres";
    }
    if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
      return "debe combinar letras y números";
    }
    if (userId != null && password.toLowerCase().contains(userId.toLowerCase())) {
      return "no debe contener el nombre de usuario";
    }
    return null;
  }

  /** A random password nobody is told: the account can be used only after its link is redeemed. */
  public static String unusable() {
    byte[] random = new byte[33];
    RANDOM.nextBytes(random);
    return Base64.getEncoder().encodeToString(random);
  }
}

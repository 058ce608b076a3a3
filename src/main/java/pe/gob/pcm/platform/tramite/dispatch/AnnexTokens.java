package pe.gob.pcm.platform.tramite.dispatch;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Unguessable tokens for the annex URLs the platform hands out to receivers. */
final class AnnexTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private AnnexTokens() {}

  static String next() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

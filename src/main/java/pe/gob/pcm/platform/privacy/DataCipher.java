package pe.gob.pcm.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption of personal data at rest: AES-256-GCM (JDK), a random 96-bit nonce
 * per value, a 128-bit tag. A stored value is {@code v1:<keyId>:<base64(nonce|ciphertext|tag)>};
 * the key id names the key that sealed it, so old keys keep opening old values after rotation
 * while new values are sealed with the current key. The prefix {@code v1:<keyId>} is also the
 * GCM associated data: changing the key id of a stored value makes it fail authentication.
 */
public final class DataCipher {

  public static final String VERSION = "v1";
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, SecretKey> keys;
  private final String currentKeyId;

  public DataCipher(Map<String, byte[]> keys, String currentKeyId) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("No hay claves de cifrado de datos personales.");
    }
    Map<String, SecretKey> parsed = new LinkedHashMap<>();
    keys.forEach((id, material) -> {
      if (!KEY_ID.matcher(id).matches()) {
        throw new IllegalArgumentException("Identificador de clave inválido: '" + id
            + "' (letras, dígitos, '_' o '-', hasta 32).");
      }
      if (material.length != 32) {
        throw new IllegalArgumentException("La clave '" + id + "' debe tener 32 bytes (AES-256); tiene "
            + material.length + ".");
      }
      parsed.put(id, new SecretKeySpec(material, "AES"));
    });
    if (!parsed.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("La clave actual '" + currentKeyId + "' no está entre las claves "
          + parsed.keySet() + ".");
    }
    this.keys = Map.copyOf(parsed);
    this.currentKeyId = currentKeyId;
  }

  /**
   * Parses {@code "k1:base64key,k2:base64key"} (PLATFORM_DATA_KEYS) and the id of the key that
   * seals new values (PLATFORM_DATA_KEY_CURRENT; empty = the last key listed).
   */
  public static DataCipher fromSpec(String keySpec, String currentKeyId) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    String last = null;
    for (String entry : keySpec == null ? new String[0] : keySpec.split(",")) {
      String trimmed = entry.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("Cada clave se escribe id:base64 (p. ej. k1:...); se recibió una"
            + " entrada sin ':'.");
      }
      String id = trimmed.substring(0, colon).strip();
      byte[] material;
      try {
        material = Base64.getDecoder().decode(trimmed.substring(colon + 1).strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("La clave '" + id + "' no está en Base64.");
      }
      if (keys.put(id, material) != null) {
        throw new IllegalArgumentException("La clave '" + id + "' aparece dos veces.");
      }
      last = id;
    }
    String current = currentKeyId == null || currentKeyId.isBlank() ? last : currentKeyId.strip();
    return new DataCipher(keys, current);
  }

  public String currentKeyId() {
    return currentKeyId;
  }

  /** Seals a value with the current key; null stays null. */
  public String seal(String plain) {
    if (plain == null) {
      return null;
    }
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    String prefix = VERSION + ":" + currentKeyId;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(prefix.getBytes(StandardCharsets.US_ASCII));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return prefix + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("No se pudo cifrar un dato personal", e);
    }
  }

  /**
   * Opens a sealed value; null stays null. Anything that is not a value sealed by one of the
   * configured keys and left untouched (plain text, another key, a changed byte) is refused.
   */
  public String open(String stored) {
    if (stored == null) {
      return null;
    }
    String[] parts = stored.split(":", 3);
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      throw new DataIntegrityException("Un dato personal guardado no está cifrado (" + describe(stored) + ").");
    }
    SecretKey key = keys.get(parts[1]);
    if (key == null) {
      throw new DataIntegrityException("Un dato personal está cifrado con la clave '" + parts[1]
          + "', que no está configurada (PLATFORM_DATA_KEYS).");
    }
    try {
      byte[] in = Base64.getDecoder().decode(parts[2]);
      if (in.length < NONCE_BYTES + TAG_BITS / 8) {
        throw new DataIntegrityException("Un dato personal cifrado está truncado.");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD((parts[0] + ":" + parts[1]).getBytes(StandardCharsets.US_ASCII));
      byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new DataIntegrityException("Un dato personal cifrado con la clave '" + parts[1]
          + "' no pasó la verificación de integridad (alterado o clave equivocada).");
    }
  }

  /** Whether the stored value is sealed with the current key (nothing to re-encrypt). */
  public boolean isCurrent(String stored) {
    return stored != null && stored.startsWith(VERSION + ":" + currentKeyId + ":");
  }

  private static String describe(String stored) {
    return stored.length() + " caracteres";
  }

  /** A stored value that cannot be trusted: never silently returned. */
  public static class DataIntegrityException extends IllegalStateException {
    public DataIntegrityException(String message) {
      super(message);
    }
  }
}

package pe.gob.pcm.platform.tramite.soap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The contract's {@code xsd:base64Binary} fields (bpdfdoc, bcarstd), read and written by JAXB
 * through these two methods (src/main/resources/wsdl/wsiotramite-bindings.xml). Reading checks
 * the text as strictly as XML Schema does (the Base64 alphabet, whitespace between characters,
 * groups of four, '=' only as the last one or two characters with no bits left over) and
 * decodes it in the same pass: the PDF's Base64 is decoded once. The schema validation of
 * wsiotramite therefore reads these fields as text (ContractSchema) instead of decoding them
 * too.
 */
public final class StrictBase64 {

  private static final byte[] VALUES = new byte[128];

  static {
    Arrays.fill(VALUES, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = (byte) i;
    }
  }

  private StrictBase64() {}

  /** @throws IllegalArgumentException naming what is wrong, in Spanish, for the sender */
  public static byte[] parse(String text) {
    if (text == null) {
      return null;
    }
    byte[] chars = text.getBytes(StandardCharsets.ISO_8859_1);
    // the usual case, Base64 without whitespace: the JDK's decoder checks the alphabet and the
    // padding; groups of four and the leftover bits are checked here
    if (chars.length % 4 == 0) {
      try {
        byte[] decoded = Base64.getDecoder().decode(chars);
        if (noLeftoverBits(chars, chars.length)) {
          return decoded;
        }
      } catch (IllegalArgumentException e) {
        // whitespace, or something wrong: the character by character reading below names it
      }
    }
    int length = 0;
    int padding = 0;
    for (int i = 0; i < chars.length; i++) {
      byte c = chars[i];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        continue;
      }
      if (c == '=') {
        padding++;
      } else if (c < 0 || VALUES[c] < 0 || padding > 0) {
        throw new IllegalArgumentException(padding > 0
            ? "contenido Base64 no válido: hay caracteres después del relleno '=' (posición " + (i + 1) + ")"
            : "contenido Base64 no válido: el carácter '" + text.charAt(i) + "' (posición " + (i + 1)
                + ") no pertenece al alfabeto Base64");
      }
      chars[length++] = c;
    }
    if (length % 4 != 0) {
      throw new IllegalArgumentException("contenido Base64 no válido: tiene " + length
          + " caracteres, no un múltiplo de 4");
    }
    if (padding > 2) {
      throw new IllegalArgumentException("contenido Base64 no válido: más de dos caracteres de relleno '='");
    }
    if (!noLeftoverBits(chars, length)) {
      throw new IllegalArgumentException("contenido Base64 no válido: el último grupo tiene bits sobrantes");
    }
    return Base64.getDecoder().decode(length == chars.length ? chars : Arrays.copyOf(chars, length));
  }

  /** XML Schema: the last character before the padding carries no unused bits. */
  private static boolean noLeftoverBits(byte[] chars, int length) {
    if (length >= 4 && chars[length - 1] == '=') {
      boolean two = chars[length - 2] == '=';
      int last = VALUES[chars[length - (two ? 3 : 2)]];
      return two ? (last & 0x0f) == 0 : (last & 0x03) == 0;
    }
    return true;
  }

  public static String print(byte[] value) {
    return value == null ? null : Base64.getEncoder().encodeToString(value);
  }
}

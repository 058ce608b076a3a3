package pe.gob.pcm.platform.tramite;

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
    if (padding > 0) {
      // XML Schema: the last character before the padding carries no unused bits
      int last = VALUES[chars[length - padding - 1]];
      if ((padding == 2 && (last & 0x0f) != 0) || (padding == 1 && (last & 0x03) != 0)) {
        throw new IllegalArgumentException("contenido Base64 no válido: el último grupo tiene bits sobrantes");
      }
    }
    return Base64.getDecoder().decode(length == chars.length ? chars : Arrays.copyOf(chars, length));
  }

  public static String print(byte[] value) {
    return value == null ? null : Base64.getEncoder().encodeToString(value);
  }
}

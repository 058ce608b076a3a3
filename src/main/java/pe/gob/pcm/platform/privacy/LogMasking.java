package pe.gob.pcm.platform.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in log text: e-mail addresses ({@code j***@dominio.gob.pe}), Peruvian
 * mobile numbers (9 digits starting with 9: {@code 9*****321}) and DNIs (8 digits:
 * {@code 4****678}). A number counts only when it stands alone: not inside a longer number, a
 * word or a hyphenated id (so RUCs, CUOs and process instance ids stay readable).
 */
public final class LogMasking {

  private static final String EDGE_BEFORE = "(?<![A-Za-z0-9_\\-.])";
  private static final String EDGE_AFTER = "(?![A-Za-z0-9_\\-]|\\.\\d)";
  private static final Pattern EMAIL =
      Pattern.compile("(?<![A-Za-z0-9._%+\\-])([A-Za-z0-9])[A-Za-z0-9._%+\\-]*@([A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+)");
  private static final Pattern MOBILE = Pattern.compile(EDGE_BEFORE + "9(\\d{5})(\\d{3})" + EDGE_AFTER);
  private static final Pattern DNI = Pattern.compile(EDGE_BEFORE + "(\\d)(\\d{4})(\\d{3})" + EDGE_AFTER);

  private LogMasking() {}

  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    if (out.indexOf('@') >= 0) {
      out = EMAIL.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***@" + m.group(2)));
    }
    out = MOBILE.matcher(out).replaceAll("9*****$2");
    out = DNI.matcher(out).replaceAll("$1****$3");
    return out;
  }
}

package pe.gob.pcm.platform.validation;

import java.util.regex.Pattern;

/** Peruvian identifiers and contact data, with the reason a value is refused, in Spanish. */
public final class Identifiers {

  private static final int[] RUC_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  // Deliberately simple: one @, a dot in the domain, no spaces. Deliverability is not checkable here.
  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

  private Identifiers() {}

  /** Null when the RUC is valid, otherwise why not (SUNAT's modulus-11 check digit). */
  public static String rucProblem(String ruc) {
    if (ruc == null || ruc.isBlank()) {
      return "es obligatorio";
    }
    if (ruc.length() != 11 || !DIGITS.matcher(ruc).matches()) {
      return "debe tener 11 dígitos";
    }
    String prefix = ruc.substring(0, 2);
    if (!(prefix.equals("10") || prefix.equals("15") || prefix.equals("16")
        || prefix.equals("17") || prefix.equals("20"))) {
      return "debe empezar con 10, 15, 16, 17 o 20";
    }
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += (ruc.charAt(i) - '0') * RUC_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    if (check == 10) {
      check = 0;
    } else if (check == 11) {
      check = 1;
    }
    return check == ruc.charAt(10) - '0' ? null : "el dígito verificador no es válido";
  }

  public static String dniProblem(String dni) {
    if (dni == null || dni.isBlank()) {
      return "es obligatorio";
    }
    return dni.length() == 8 && DIGITS.matcher(dni).matches() ? null : "debe tener 8 dígitos";
  }

  public static String emailProblem(String email) {
    if (email == null || email.isBlank()) {
      return "es obligatorio";
    }
    if (email.length() > 254) {
      return "no debe superar 254 caracteres";
    }
    return EMAIL.matcher(email).matches() ? null : "no es un correo electrónico válido";
  }

  /** Peruvian mobile numbers have 9 digits and start with 9. */
  public static String mobileProblem(String mobile) {
    if (mobile == null || mobile.isBlank()) {
      return "es obligatorio";
    }
    return mobile.length() == 9 && mobile.charAt(0) == '9' && DIGITS.matcher(mobile).matches()
        ? null
        : "debe tener 9 dígitos y empezar con 9";
  }

  /** Null when present and within the length, otherwise why not. */
  public static String textProblem(String value, int maxLength) {
    if (value == null || value.isBlank()) {
      return "es obligatorio";
    }
    return value.length() <= maxLength ? null : "no debe superar " + maxLength + " caracteres";
  }

  /** An http(s) URL with a host, as a web service address: null when fine, otherwise why not. */
  public static String urlProblem(String url) {
    if (url == null || url.isBlank()) {
      return "es obligatoria";
    }
    if (url.length() > 500) {
      return "no debe superar 500 caracteres";
    }
    try {
      java.net.URI uri = new java.net.URI(url.strip());
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        return "debe empezar con http:// o https://";
      }
      if (uri.getHost() == null || uri.getHost().isBlank()) {
        return "no indica el servidor";
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        return "no debe llevar parámetros (?…) ni fragmento (#…)";
      }
      return null;
    } catch (java.net.URISyntaxException e) {
      return "no es una URL válida";
    }
  }
}

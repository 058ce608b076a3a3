package pe.gob.pcm.platform.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;

/**
 * The messages' texts, in Spanish, as files under {@code src/main/resources/mail/}: for each
 * message {@code <name>.txt} (first line {@code Asunto: …}, then a blank line and the plain-text
 * body) and {@code <name>.html} (the HTML body). Placeholders:
 * <ul>
 *   <li>{@code {{key}}}: the value (HTML-escaped in the .html file);</li>
 *   <li>{@code {{{key}}}}: the value as it is (pieces already rendered, such as a digest's list);</li>
 *   <li>{@code {{#key}}…{{/key}}}: the text in between only when the value is not empty.</li>
 * </ul>
 * A placeholder without a value is an error, so that a mistyped key fails the tests.
 */
final class MailTemplates {

  /** A rendered message. */
  record Message(String subject, String text, String html) {}

  private static final Pattern SECTION = Pattern.compile("\\{\\{#(\\w+)}}(.*?)\\{\\{/\\1}}", Pattern.DOTALL);
  private static final Pattern RAW = Pattern.compile("\\{\\{\\{(\\w+)}}}");
  private static final Pattern VALUE = Pattern.compile("\\{\\{(\\w+)}}");
  private static final String SUBJECT = "Asunto:";

  private final Map<String, String> files = new ConcurrentHashMap<>();

  Message render(String name, Map<String, String> values) {
    String text = fill(file(name + ".txt"), values, UnaryOperator.identity());
    if (!text.startsWith(SUBJECT)) {
      throw new IllegalStateException("mail/" + name + ".txt debe empezar con «" + SUBJECT + "»");
    }
    int endOfSubject = text.indexOf('\n');
    String subject = text.substring(SUBJECT.length(), endOfSubject < 0 ? text.length() : endOfSubject).strip();
    String body = endOfSubject < 0 ? "" : text.substring(endOfSubject + 1).stripLeading();
    String html = fill(file(name + ".html"), values, MailTemplates::escape);
    return new Message(subject, body, html);
  }

  /** One piece (e.g. a line of a list) of a template, plain text or HTML as its file is. */
  String piece(String fileName, Map<String, String> values) {
    return fill(file(fileName), values, fileName.endsWith(".html") ? MailTemplates::escape : UnaryOperator.identity());
  }

  private static String fill(String template, Map<String, String> values, UnaryOperator<String> escape) {
    String withSections = replace(SECTION, template,
        m -> has(values, m.group(1)) ? m.group(2) : "");
    String withRaw = replace(RAW, withSections, m -> value(values, m.group(1)));
    return replace(VALUE, withRaw, m -> escape.apply(value(values, m.group(1))));
  }

  /** Only the characters HTML needs escaped: the message is UTF-8, accents stay as they are. */
  private static String escape(String value) {
    return HtmlUtils.htmlEscape(value, "UTF-8");
  }

  private static boolean has(Map<String, String> values, String key) {
    String value = values.get(key);
    return value != null && !value.isBlank();
  }

  private static String value(Map<String, String> values, String key) {
    if (!values.containsKey(key)) {
      throw new IllegalStateException("Plantilla de correo con un marcador sin valor: " + key);
    }
    String value = values.get(key);
    return value == null ? "" : value;
  }

  private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String file(String fileName) {
    return files.computeIfAbsent(fileName, f -> {
      try (InputStream in = new ClassPathResource("mail/" + f).getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
      } catch (IOException e) {
        throw new UncheckedIOException("Falta la plantilla de correo mail/" + f, e);
      }
    });
  }
}

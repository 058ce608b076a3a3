package pe.gob.pcm.platform.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Spanish translations the platform ships for Camunda's webapps
 * (src/main/resources/META-INF/resources/webjars/camunda/app/APP/locales/es.json) against the
 * English ones of the webapps' own jar, both read from the classpath: every key Camunda has, none
 * it does not, the same {{placeholders}} and HTML tags. A Camunda upgrade that adds or renames
 * labels fails here until es.json follows. Also each app's config.js: the platform's comes first
 * and offers Spanish, falling back to it.
 */
class WebappTranslationsTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  /** HTML tags the labels use; a literal such as "<Operation>" or "<null>" is text, not a tag. */
  private static final Pattern TAG =
      Pattern.compile("</?(a|b|br|code|div|em|h[1-6]|i|li|ol|p|pre|small|span|strong|u|ul)\\b");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyLabelOfCamundaIsTranslated(String app) {
    JsonNode en = locale(app, "en").path("labels");
    JsonNode es = locale(app, "es").path("labels");
    List<String> missing = new ArrayList<>();
    en.fieldNames().forEachRemaining(key -> {
      if (!es.has(key)) {
        missing.add(key);
      }
    });
    List<String> unknown = new ArrayList<>();
    es.fieldNames().forEachRemaining(key -> {
      if (!en.has(key)) {
        unknown.add(key);
      }
    });
    assertThat(missing).as("%s: claves de en.json que faltan en es.json", app).isEmpty();
    assertThat(unknown).as("%s: claves de es.json que Camunda ya no tiene", app).isEmpty();

    List<String> broken = new ArrayList<>();
    en.fieldNames().forEachRemaining(key -> {
      String english = en.path(key).asText();
      String spanish = es.path(key).asText();
      if (!all(PLACEHOLDER, english).equals(all(PLACEHOLDER, spanish))) {
        broken.add(key + ": marcadores " + all(PLACEHOLDER, english) + " ≠ " + all(PLACEHOLDER, spanish));
      }
      if (!all(TAG, english).equals(all(TAG, spanish))) {
        broken.add(key + ": etiquetas HTML " + all(TAG, english) + " ≠ " + all(TAG, spanish));
      }
      if (!english.isBlank() && spanish.isBlank()) {
        broken.add(key + ": vacía");
      }
    });
    assertThat(broken).as("%s: traducciones que no conservan el texto de Camunda", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesAreInSpanishWithTheShapeOfTheEnglishOnes(String app) {
    JsonNode en = locale(app, "en").path("dateLocales");
    JsonNode es = locale(app, "es").path("dateLocales");
    assertThat(shape(es)).isEqualTo(shape(en));
    assertThat(es.path("months").get(0).asText()).isEqualTo("enero");
    assertThat(es.path("weekdays").get(1).asText()).isEqualTo("lunes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theAppsConfigurationOffersSpanishFirst(String app) {
    List<String> configs = all(APP + app + "/scripts/config.js");
    assertThat(configs).as("config.js de %s en el classpath (el de la plataforma y el de Camunda)", app).hasSize(2);
    String platform = configs.get(0);
    assertThat(platform).as("el config.js de la plataforma va primero").contains("configuration of the platform");
    assertThat(platform.replaceAll("\\s+", " "))
        .contains("availableLocales: ['es', 'en']")
        .contains("fallbackLocale: 'es'");
    // what Camunda's own config.js sets (not commented out) is kept
    assertThat(shortcuts(platform)).isEqualTo(shortcuts(configs.get(1)));
  }

  private static Map<String, String> shortcuts(String config) {
    Map<String, String> keys = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^\\s*(\\w+): \\{\\s*key: '([^']+)'").matcher(config);
    while (m.find()) {
      keys.put(m.group(1), m.group(2));
    }
    return keys;
  }

  /** Object keys and array lengths, recursively. */
  private static Object shape(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      new TreeSet<String>(iterable(node)).forEach(name -> fields.put(name, shape(node.get(name))));
      return fields;
    }
    return node.isArray() ? "[" + node.size() + "]" : node.getNodeType().toString();
  }

  private static List<String> iterable(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    Collections.sort(found);
    return found;
  }

  private static JsonNode locale(String app, String language) {
    List<String> files = all(APP + app + "/locales/" + language + ".json");
    assertThat(files).as("%s/locales/%s.json en el classpath", app, language).hasSize(1);
    try {
      return JSON.readTree(files.get(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every resource of that name on the classpath, in class path order, without a byte-order mark. */
  private static List<String> all(String resource) {
    List<String> texts = new ArrayList<>();
    try {
      for (URL url : Collections.list(WebappTranslationsTest.class.getClassLoader().getResources(resource))) {
        try (InputStream in = url.openStream()) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          texts.add(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }
}

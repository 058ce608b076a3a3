package pe.gob.pcm.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The OpenAPI document in the form docs/openapi.json keeps: keys sorted, the root tags by name,
 * without the server address (the test's random port), pretty-printed; and where two such
 * documents differ, as JSON pointers.
 */
final class OpenApiDocument {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private OpenApiDocument() {}

  static String normalized(String served) throws IOException {
    ObjectNode doc = (ObjectNode) JSON.readTree(served);
    doc.remove("servers");
    if (doc.get("tags") instanceof ArrayNode tags) {
      List<JsonNode> sorted = new ArrayList<>();
      tags.forEach(sorted::add);
      sorted.sort(Comparator.comparing(t -> t.path("name").asText()));
      tags.removeAll();
      tags.addAll(sorted);
    }
    Object tree = JSON.treeToValue(doc, Object.class);
    return JSON.writeValueAsString(tree) + "\n";
  }

  /** Up to {@code max} JSON pointers where the two documents differ, with what each holds. */
  static List<String> differences(String expected, String actual, int max) throws IOException {
    List<String> out = new ArrayList<>();
    compare("", JSON.readTree(expected), JSON.readTree(actual), out, max);
    return out;
  }

  private static void compare(String at, JsonNode a, JsonNode b, List<String> out, int max) {
    if (out.size() >= max || a.equals(b)) {
      return;
    }
    if (a.isObject() && b.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        String pointer = at + "/" + key.replace("~", "~0").replace("/", "~1");
        if (!a.has(key)) {
          add(out, max, pointer + ": falta en docs/openapi.json");
        } else if (!b.has(key)) {
          add(out, max, pointer + ": ya no está en la API servida");
        } else {
          compare(pointer, a.get(key), b.get(key), out, max);
        }
      }
      return;
    }
    if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        compare(at + "/" + i, a.get(i), b.get(i), out, max);
      }
      return;
    }
    add(out, max, at + ": docs/openapi.json dice " + abbreviate(a) + ", la API sirve " + abbreviate(b));
  }

  private static void add(List<String> out, int max, String difference) {
    if (out.size() < max) {
      out.add(difference);
    }
  }

  private static String abbreviate(JsonNode node) {
    String text = node.toString();
    return text.length() > 120 ? text.substring(0, 117) + "..." : text;
  }

}

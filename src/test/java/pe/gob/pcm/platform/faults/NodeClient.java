package pe.gob.pcm.platform.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pe.gob.pcm.platform.support.Http;

/**
 * Real HTTP against a child node, with time limits: SOAP as a remote SGD sends it, REST as
 * Tasklist or an operator's script does. A call that gets no answer (connection refused or
 * reset, node killed mid-request) throws {@link NoAnswer}.
 */
final class NodeClient {

  static final String ADMIN = Http.basic("demo", "demo");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  NodeClient(String base) {
    this.base = base;
  }

  static final class NoAnswer extends RuntimeException {
    NoAnswer(String message, Throwable cause) {
      super(message, cause);
    }
  }

  record Response(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("No es JSON: " + body, e);
      }
    }

    /** The text of the first element with this local name in a SOAP answer. */
    String element(String name) {
      Matcher m = Pattern.compile("<(?:\\w+:)?" + name + ">([^<]*)</(?:\\w+:)?" + name + ">").matcher(body);
      return m.find() ? m.group(1) : null;
    }
  }

  Response soap(String path, String envelope) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
        .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build());
  }

  /** A new CUO from the local PIDE's PcmCuo, as a sender's SGD asks for one before sending. */
  String newCuo() {
    Response answer = soap("/pide/PcmCuo", "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns:web=\"http://pcm.pide.gob.pe/webservice\"><soapenv:Body><web:getCUO><ip>127.0.0.1</ip>"
        + "</web:getCUO></soapenv:Body></soapenv:Envelope>");
    String cuo = answer.element("return");
    if (answer.status() != 200 || cuo == null) {
      throw new NoAnswer("getCUO: " + answer.status() + " " + answer.body(), null);
    }
    return cuo;
  }

  Response get(String path, String authorization) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", authorization).header("Accept", "application/json").GET().build());
  }

  Response post(String path, String authorization, Object body) {
    return send(json(path, authorization).POST(HttpRequest.BodyPublishers.ofString(write(body))).build());
  }

  Response put(String path, String authorization, Object body) {
    return send(json(path, authorization).PUT(HttpRequest.BodyPublishers.ofString(write(body))).build());
  }

  /** «Subir documento»: a PDF into the document store, its id back. */
  String upload(String authorization, String fileName, byte[] pdf) {
    String boundary = "----faults" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"archivo\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(pdf);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    Response response = send(HttpRequest.newBuilder(URI.create(base + "/api/documentos"))
        .timeout(Duration.ofSeconds(60)).header("Authorization", authorization)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    if (response.status() / 100 != 2) {
      throw new AssertionError("Subir documento: " + response.status() + " " + response.body());
    }
    return response.json().path("id").asText();
  }

  private HttpRequest.Builder json(String path, String authorization) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", authorization).header("Content-Type", "application/json")
        .header("Accept", "application/json");
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new NoAnswer(request.method() + " " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NoAnswer("interrumpido", e);
    }
  }
}

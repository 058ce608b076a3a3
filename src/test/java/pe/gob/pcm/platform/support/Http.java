package pe.gob.pcm.platform.support;

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
import java.util.Base64;
import java.util.UUID;

/** Real HTTP calls against the platform on its random port, as a remote client makes them. */
public class Http {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  public Http(int port) {
    this.base = "http://localhost:" + port;
  }

  /** An answer: its status, body and Content-Type (null when the test did not keep it). */
  public record Response(int status, String body, String contentType) {
    public Response(int status, String body) {
      this(status, body, null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("No es JSON: " + body, e);
      }
    }
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public Response get(String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  /** A file served (a spreadsheet, a PDF): its status, bytes and headers. */
  public record Download(int status, byte[] body, String contentType, String disposition) {}

  public Download download(String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Download(response.statusCode(), response.body(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.headers().firstValue("Content-Disposition").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response delete(String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  /** A SOAP 1.1 call: text/xml and an empty SOAPAction, as the contract's binding declares. */
  public Response soap(String path, String envelope) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("SOAPAction", "\"\"")
        .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build());
  }

  /** A raw text body (JSON written by hand, or not JSON at all), as a browser page posts it. */
  public Response postText(String path, String authorization, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  public Response postJson(String path, String authorization, Object body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      return send(request.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Response putJson(String path, String authorization, Object body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      return send(request.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Response upload(String path, String authorization, String fileName, String contentType, byte[] content) {
    return multipart(path, authorization, java.util.Map.of(),
        java.util.Map.of("archivo", new Part(fileName, contentType, content)));
  }

  public record Part(String fileName, String contentType, byte[] content) {}

  /** A multipart/form-data POST, as a browser or the Camunda Modeler sends it. */
  public Response multipart(String path, String authorization, java.util.Map<String, String> fields,
      java.util.Map<String, Part> files) {
    String boundary = "----plataforma" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
        .getBytes(StandardCharsets.UTF_8)));
    files.forEach((name, part) -> {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
          + "\"; filename=\"" + part.fileName() + "\"\r\nContent-Type: " + part.contentType()
          + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(part.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  /** A raw text body sent with PUT, as a browser page saves it. */
  public Response putText(String path, String authorization, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json; charset=utf-8")
        .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  /** A binary answer (a PDF): its status, content type and bytes. */
  public record Bytes(int status, String contentType, byte[] body) {}

  public Bytes getBytes(String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Bytes(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(),
          response.headers().firstValue("Content-Type").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

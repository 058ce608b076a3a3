package pe.gob.pcm.platform.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import pe.gob.pcm.platform.signature.CertificateAuthority;
import pe.gob.pcm.platform.signature.TimestampAuthority;

/**
 * The tests' PKI services over real HTTP on 127.0.0.1 (one server per JVM, ephemeral port):
 * each published authority's CRL (GET) and OCSP responder (POST), and RFC 3161 TSAs (POST), so
 * that the platform's DSS sources fetch them as they would fetch an accredited CA's.
 */
public final class LocalPkiServer {

  private static LocalPkiServer instance;

  private final HttpServer server;
  private final Map<String, UnaryOperator<byte[]>> routes = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger crlRequests = new AtomicInteger();
  private final AtomicInteger ocspRequests = new AtomicInteger();
  private final AtomicInteger tsaRequests = new AtomicInteger();

  private LocalPkiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "test-pki-http");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  public static synchronized LocalPkiServer get() {
    if (instance == null) {
      try {
        instance = new LocalPkiServer();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Serves the authority's CRL and OCSP and makes its next certificates point at them. */
  public CertificateAuthority publish(CertificateAuthority authority) {
    int id = ids.incrementAndGet();
    routes.put("/crl/" + id + ".crl", body -> {
      crlRequests.incrementAndGet();
      return authority.crl();
    });
    routes.put("/ocsp/" + id, body -> {
      ocspRequests.incrementAndGet();
      return authority.ocsp(body);
    });
    return authority.publishRevocationAt(base() + "/crl/" + id + ".crl", base() + "/ocsp/" + id);
  }

  /** Serves the TSA over HTTP; returns its URL (what platform.signature.tsa-url takes). */
  public String serve(TimestampAuthority tsa) {
    String path = "/tsa/" + ids.incrementAndGet();
    routes.put(path, body -> {
      tsaRequests.incrementAndGet();
      try {
        return tsa.respond(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return base() + path;
  }

  public int crlRequests() {
    return crlRequests.get();
  }

  public int ocspRequests() {
    return ocspRequests.get();
  }

  public int tsaRequests() {
    return tsaRequests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      UnaryOperator<byte[]> route = routes.get(exchange.getRequestURI().getPath());
      if (route == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] request = exchange.getRequestBody().readAllBytes();
      byte[] answer;
      try {
        answer = route.apply(request);
      } catch (RuntimeException e) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      exchange.getResponseHeaders().set("Content-Type", path.startsWith("/crl/") ? "application/pkix-crl"
          : path.startsWith("/ocsp/") ? "application/ocsp-response" : "application/timestamp-reply");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }
}

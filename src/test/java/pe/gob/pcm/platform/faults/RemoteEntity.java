package pe.gob.pcm.platform.faults;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pe.gob.pcm.platform.tramite.dispatch.CargoReceipt;

/**
 * Another entity's wsiotramite, outside the platform, registered in the PIDE's directory: the
 * receiving side that counts every call the PIDE relays to it, per operation and CUO. It accepts
 * documents and cargos ({@code 0000}; a cargo already received is refused as repeated, as the
 * contract's receivers do) and answers status queries with state P.
 */
final class RemoteEntity implements AutoCloseable {

  /** A valid RUC that no node hosts. */
  static final String RUC = "20131377224";
  static final String PATH = "/wsiotramite/Tramite";

  private static final Pattern CUO = Pattern.compile("<(?:\\w+:)?vcuo>(\\d{10})</");
  private static final Pattern REQUEST = Pattern.compile("<(?:\\w+:)?request>(\\d{10})</");

  private final HttpServer server;
  private final Map<String, Map<String, AtomicInteger>> calls = new ConcurrentHashMap<>();

  RemoteEntity(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(PATH, exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String answer;
      if (body.contains("cargoResponse>") || body.contains("cargoResponse ")) {
        // as the contract's receiver does: a cargo already registered is refused as repeated
        boolean first = count("cargoResponse", find(CUO, body)) == 1;
        answer = wrap("cargoResponseResponse", first ? "<vcodres>0000</vcodres><vdesres>CARGO REGISTRADO</vdesres>"
            : "<vcodres>-1</vcodres><vdesres>" + CargoReceipt.REPEATED + "</vdesres>");
      } else if (body.contains("recepcionarTramiteResponse")) {
        count("recepcionarTramiteResponse", find(CUO, body));
        answer = wrap("recepcionarTramiteResponseResponse", "<vcodres>0000</vcodres><vdesres>Documento recibido</vdesres>");
      } else if (body.contains("consultarTramiteResponse")) {
        String cuo = find(REQUEST, body);
        count("consultarTramiteResponse", cuo);
        answer = wrap("consultarTramiteResponseResponse", "<vcodres>0000</vcodres><vdesres>OK</vdesres><vcuo>"
            + cuo + "</vcuo><cflgest>P</cflgest>");
      } else {
        count("desconocida", "-");
        exchange.sendResponseHeaders(500, -1);
        exchange.close();
        return;
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** Calls received for one operation, per CUO. */
  Map<String, Integer> calls(String operation) {
    Map<String, Integer> copy = new java.util.TreeMap<>();
    calls.getOrDefault(operation, Map.of()).forEach((cuo, n) -> copy.put(cuo, n.get()));
    return copy;
  }

  int total(String operation) {
    return calls(operation).values().stream().mapToInt(Integer::intValue).sum();
  }

  private int count(String operation, String cuo) {
    return calls.computeIfAbsent(operation, o -> new ConcurrentHashMap<>())
        .computeIfAbsent(cuo == null ? "?" : cuo, c -> new AtomicInteger()).incrementAndGet();
  }

  private static String find(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    return m.find() ? m.group(1) : null;
  }

  private static String wrap(String element, String content) {
    return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><ns2:" + element
        + " xmlns:ns2=\"http://ws.wsiotramite.segdi.gob.pe/\"><return>" + content + "</return></ns2:" + element
        + "></soap:Body></soap:Envelope>";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

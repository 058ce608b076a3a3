package pe.gob.pcm.platform.mpv;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A deliberately wrong entity endpoint for the conformance tests: its WSDL misnames
 * {@code vrucentrem} as {@code vrucentremitente}, and it answers "0000" to every request.
 */
final class CarelessWsIoTramite implements AutoCloseable {

  private final HttpServer server;

  CarelessWsIoTramite() {
    try {
      String wsdl = Files.readString(Path.of("src/main/resources/wsdl/wsiotramite.wsdl"))
          .replace("name=\"vrucentrem\"", "name=\"vrucentremitente\"");
      String yes = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
          + "<ns2:anyResponse xmlns:ns2=\"http://ws.wsiotramite.segdi.gob.pe/\"><return><vcodres>0000</vcodres>"
          + "<vdesres>OK</vdesres><cflgest>P</cflgest></return></ns2:anyResponse></S:Body></S:Envelope>";
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/wsiotramite/Tramite", exchange -> {
        byte[] body = ("GET".equals(exchange.getRequestMethod()) ? wsdl : yes).getBytes(StandardCharsets.UTF_8);
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/wsiotramite/Tramite";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package pe.gob.pcm.platform.mpv;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.PlatformTest;

/** The MPV conformance suite against the platform's own wsiotramite, and against a wrong one. */
@PlatformTest
class ConformanceSuiteIT {

  @LocalServerPort int port;
  @Autowired ConformanceSuite suite;

  @Test
  void thePlatformsOwnWsiotramitePassesEveryCheck() {
    List<ConformanceCheck> checks = suite.run("http://127.0.0.1:" + port + "/wsiotramite/Tramite", Actors.MUNI_RUC);

    assertThat(checks).hasSize(9);
    assertThat(checks).allSatisfy(check -> {
      assertThat(check.passed()).as(check.id() + ": " + check.reason()).isTrue();
      assertThat(check.sent()).isNotBlank();
      assertThat(check.received()).isNotBlank();
      assertThat(check.millis()).isNotNegative();
    });
    assertThat(checks.get(1).sent()).contains("<bpdfdoc>").contains("…</bpdfdoc>");
  }

  @Test
  void aWrongEndpointFailsExactlyTheChecksConcernedWithAReasonEach() throws Exception {
    // A careless implementation: a misnamed field in its WSDL, and "0000" to everything.
    String wsdl = Files.readString(Path.of("src/main/resources/wsdl/wsiotramite.wsdl"))
        .replace("name=\"vrucentrem\"", "name=\"vrucentremitente\"");
    String yes = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
        + "<ns2:anyResponse xmlns:ns2=\"http://ws.wsiotramite.segdi.gob.pe/\"><return><vcodres>0000</vcodres>"
        + "<vdesres>OK</vdesres><cflgest>P</cflgest></return></ns2:anyResponse></S:Body></S:Envelope>";
    HttpServer wrong = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    wrong.createContext("/wsiotramite/Tramite", exchange -> {
      byte[] body = ("GET".equals(exchange.getRequestMethod()) ? wsdl : yes).getBytes(StandardCharsets.UTF_8);
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    wrong.start();
    try {
      List<ConformanceCheck> checks = suite.run(
          "http://127.0.0.1:" + wrong.getAddress().getPort() + "/wsiotramite/Tramite", Actors.MUNI_RUC);
      Map<String, ConformanceCheck> byId = checks.stream()
          .collect(Collectors.toMap(ConformanceCheck::id, check -> check));

      assertThat(checks.stream().filter(check -> !check.passed()).map(ConformanceCheck::id))
          .containsExactlyInAnyOrder("WSDL", "CONSULTA_DESCONOCIDO", "RECHAZA_RUC", "RECHAZA_SIN_PDF",
              "RECHAZA_ANEXOS", "RECHAZA_CARGO_AJENO");
      assertThat(byId.get("WSDL").reason()).contains("vrucentremitente");
      assertThat(byId.get("CONSULTA_DESCONOCIDO").reason()).isEqualTo("se esperaba vcodres 0001 y respondió 0000");
      assertThat(byId.get("RECHAZA_RUC").reason()).startsWith("se esperaba vcodres -1 y respondió 0000");
      assertThat(byId.get("RECHAZA_CARGO_AJENO").reason()).startsWith("se esperaba vcodres -1 y respondió 0000");
    } finally {
      wrong.stop(0);
    }
  }
}

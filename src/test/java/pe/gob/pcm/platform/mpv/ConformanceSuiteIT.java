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
  @Autowired pe.gob.pcm.platform.tramite.Dispatches dispatches;

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
  void typesPublishedInAnImportedSchemaAreFollowed() throws Exception {
    // As JAX-WS endpoints publish it: the WSDL imports its schema from ?xsd=1.
    String whole = Files.readString(Path.of("src/main/resources/wsdl/wsiotramite.wsdl"));
    int start = whole.indexOf("<xsd:schema");
    int end = whole.indexOf("</xsd:schema>") + "</xsd:schema>".length();
    String xsd = "<?xml version=\"1.0\"?>" + whole.substring(start, end)
        .replace("<xsd:schema ", "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
            + " xmlns:tns=\"http://ws.wsiotramite.segdi.gob.pe/\" ");
    String wsdl = whole.substring(0, start) + "<xsd:schema><xsd:import namespace=\"http://ws.wsiotramite.segdi.gob.pe/\""
        + " schemaLocation=\"Tramite?xsd=1\"/></xsd:schema>" + whole.substring(end);
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    proxy.createContext("/wsiotramite/Tramite", exchange -> {
      byte[] body;
      String query = exchange.getRequestURI().getQuery();
      if ("GET".equals(exchange.getRequestMethod())) {
        body = ("xsd=1".equals(query) ? xsd : wsdl).getBytes(StandardCharsets.UTF_8);
      } else {
        try {
          body = client.send(java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create("http://127.0.0.1:" + port + "/wsiotramite/Tramite"))
              .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
              .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()))
              .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (InterruptedException e) {
          throw new java.io.IOException(e);
        }
      }
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    proxy.start();
    try {
      List<ConformanceCheck> checks = suite.run(
          "http://127.0.0.1:" + proxy.getAddress().getPort() + "/wsiotramite/Tramite", Actors.MUNI_RUC);
      assertThat(checks).allSatisfy(check -> assertThat(check.passed()).as(check.id() + ": " + check.reason()).isTrue());
    } finally {
      proxy.stop(0);
    }
  }

  @Test
  void aWrongEndpointFailsExactlyTheChecksConcernedWithAReasonEach() throws Exception {
    try (CarelessWsIoTramite wrong = new CarelessWsIoTramite()) {
      List<ConformanceCheck> checks = suite.run(wrong.url(), Actors.MUNI_RUC);
      Map<String, ConformanceCheck> byId = checks.stream()
          .collect(Collectors.toMap(ConformanceCheck::id, check -> check));

      assertThat(checks.stream().filter(check -> !check.passed()).map(ConformanceCheck::id))
          .containsExactlyInAnyOrder("WSDL", "CONSULTA_DESCONOCIDO", "RECHAZA_RUC", "RECHAZA_SIN_PDF",
              "RECHAZA_ANEXOS", "RECHAZA_CARGO_AJENO");
      assertThat(byId.get("WSDL").reason()).contains("vrucentremitente");
      assertThat(byId.get("CONSULTA_DESCONOCIDO").reason()).isEqualTo("se esperaba vcodres 0001 y respondió 0000");
      assertThat(byId.get("RECHAZA_RUC").reason()).startsWith("se esperaba vcodres -1 y respondió 0000");
      assertThat(byId.get("RECHAZA_CARGO_AJENO").reason()).startsWith("se esperaba vcodres -1 y respondió 0000");
    }
  }

  @Test
  void theCargoOfADocumentTheEntitySentIsAcceptedOnceAndRefusedRepeated() {
    String sent = dispatches.deliveredToPcm("OFICIO N° 902-2026-MDE/PRUEBA-MPV");

    List<ConformanceCheck> own = suite.cargoChecks("http://127.0.0.1:" + port + "/wsiotramite/Tramite", sent, "MPV-PRUEBA");
    assertThat(own).extracting(ConformanceCheck::id).containsExactly("ACEPTA_CARGO", "RECHAZA_CARGO_REPETIDO");
    assertThat(own).allSatisfy(check -> assertThat(check.passed()).as(check.id() + ": " + check.reason()).isTrue());
    assertThat(own.get(0).sent()).contains("<vcuo>" + sent + "</vcuo>").contains("<bcarstd>");

    try (CarelessWsIoTramite wrong = new CarelessWsIoTramite()) {
      List<ConformanceCheck> careless = suite.cargoChecks(wrong.url(), sent, "MPV-PRUEBA");
      assertThat(careless.get(0).passed()).isTrue();
      assertThat(careless.get(1).passed()).isFalse();
      assertThat(careless.get(1).reason()).startsWith("se esperaba vcodres -1 y respondió 0000");
    }
  }
}

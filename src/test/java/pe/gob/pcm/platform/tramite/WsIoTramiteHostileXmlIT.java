package pe.gob.pcm.platform.tramite;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TestPki;

/**
 * Hostile XML against wsiotramite over real HTTP: external entities (XXE), entity expansion,
 * DOCTYPE at all, and oversize messages (declared or chunked body, deep nesting, huge attribute,
 * too many elements). Each is refused early with a SOAP fault in Spanish, nothing is stored and
 * the server's heap stays bounded.
 */
@PlatformTest
class WsIoTramiteHostileXmlIT {

  static final int MB = 1024 * 1024;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private HttpServer bait;
  private final AtomicInteger baitHits = new AtomicInteger();
  private Map<String, Long> before;

  @BeforeEach
  void setUp() throws IOException {
    bait = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    bait.createContext("/", exchange -> {
      baitHits.incrementAndGet();
      byte[] body = "<!ENTITY secreto \"FILTRADO\">".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    bait.start();
    before = counts();
  }

  @AfterEach
  void nothingWasStoredAndNothingWasFetched() {
    bait.stop(0);
    assertThat(baitHits.get()).as("el servidor no debe resolver URLs del mensaje").isZero();
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void externalEntitiesToAFileOrAUrlAreNeverResolved() throws Exception {
    String baitUrl = "http://127.0.0.1:" + bait.getAddress().getPort() + "/entidad";
    for (String doctype : List.of(
        "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE r [<!ENTITY x SYSTEM \"" + baitUrl + "\">]>",
        "<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + baitUrl + "\"> %p;]>",
        "<!DOCTYPE r SYSTEM \"" + baitUrl + "\">")) {
      for (String operation : List.of(
          recepcion("&x;"),
          Envelopes.consultar("CUO").replace("CUO", "&x;"),
          Envelopes.cargo("&x;"))) {
        HttpResponse<String> answer = post("<?xml version=\"1.0\"?>" + doctype + operation);

        assertFault(answer, "DOCTYPE");
        assertThat(answer.body()).doesNotContain("root:").doesNotContain("FILTRADO");
      }
    }
  }

  @Test
  void entityExpansionAndAnyDoctypeAreRefusedBeforeParsingTheBody() throws Exception {
    StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY l0 \"jajajajaja\">");
    for (int i = 1; i <= 12; i++) {
      laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    laughs.append("]>").append(recepcion("&l12;"));
    HttpResponse<String> bomb = post(laughs.toString());
    assertFault(bomb, "DOCTYPE");
    assertThat(bomb.body()).doesNotContain("jajajajaja");

    // a DOCTYPE without any entity: SOAP 1.1 forbids it in a message
    HttpResponse<String> plain = post("<?xml version=\"1.0\"?><!DOCTYPE soapenv:Envelope>" + recepcion("Asunto"));
    assertFault(plain, "DOCTYPE");
  }

  @Test
  void oversizeMessagesAreRefusedAndTheHeapStaysBounded() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heapBefore = usedAfterGc(memory);
    AtomicLong peak = new AtomicLong(heapBefore);
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    long sent = 0;
    long began = System.nanoTime();
    int rounds = 3;
    long heapWarm = heapBefore;
    try {
      for (int round = 0; round < rounds; round++) {
        // 50 MB declared in Content-Length: refused by the size gate without reading it
        HttpResponse<String> declared = postDeclared(50 * MB);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertFault(declared, "demasiado grande");
        sent += 50L * MB;

        // 50 MB chunked (no Content-Length): cut off once 30 MB have been read
        HttpResponse<String> chunked = postChunked(50L * MB);
        assertFault(chunked, "límites");
        sent += 50L * MB;

        // 100 000 nested elements in the header (which the schema does not cover)
        HttpResponse<String> deep = post(recepcion("Asunto").replace("<soapenv:Header/>",
            "<soapenv:Header>" + "<a>".repeat(100_000) + "x" + "</a>".repeat(100_000) + "</soapenv:Header>"));
        assertFault(deep, "límites");
        // ...and inside a field, where the schema refuses the first one
        assertFault(post(recepcion("<a>".repeat(100_000) + "x" + "</a>".repeat(100_000))), "esquema");
        sent += 1_400_000;

        // a 1 MB attribute
        HttpResponse<String> attribute = post(Envelopes.envelope("<ws:consultarTramiteResponse><request a=\""
            + "A".repeat(MB) + "\">0000000001</request></ws:consultarTramiteResponse>"));
        assertFault(attribute, "límites");
        sent += MB;

        // 200 000 annexes (child elements)
        HttpResponse<String> wide = post(recepcion("Asunto").replace("<ctipdociderem>",
            "<lstanexos><siddocanx>1</siddocanx><siddocext>1</siddocext></lstanexos>".repeat(200_000) + "<ctipdociderem>"));
        assertFault(wide, "límites");
        sent += 200_000L * 72;
        if (round == 0) {
          // the baseline: after one round, what the first such messages leave for good in this
          // shared JVM (buffer pools grown, parsers and caches made) is not what the next leave
          heapWarm = usedAfterGc(memory);
        }
      }
    } finally {
      sampler.interrupt();
      sampler.join();
    }
    long millis = (System.nanoTime() - began) / 1_000_000;
    long heapAfter = usedAfterGc(memory);
    System.out.printf("[hostil] %d mensajes sobredimensionados (%d MB enviados) en %d ms; heap usado antes %d MB,"
            + " tras la primera ronda %d MB, pico %d MB, después %d MB (máximo de la JVM %d MB)%n", rounds * 5,
        sent / MB, millis, heapBefore / MB, heapWarm / MB, peak.get() / MB, heapAfter / MB,
        memory.getHeapMemoryUsage().getMax() / MB);
    // no retained growth: what the refused messages of the later rounds occupied was released
    assertThat(heapAfter - heapWarm).isLessThan(64L * MB);
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Test
  void theRestApisRefuseOversizeBodiesToo() throws Exception {
    // declared: refused before authentication, without reading the body. Sent on a raw socket with
    // the headers only: the answer must come although not one byte of the 50 MB arrives (a client
    // still writing the body when the server answers and closes may see the connection reset
    // before it reads the answer, which is why a streaming client is not used here)
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(("POST /engine-rest/deployment/create HTTP/1.1\r\nHost: localhost:" + port
          + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (50L * MB)
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String declared = readAnswer(socket.getInputStream());
      assertThat(declared).startsWith("HTTP/1.1 413");
      assertThat(declared).contains("supera el tamaño máximo de 30 MB");
    }

    // chunked, from an authenticated user: cut off while read, never accepted, no trace
    HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/engine-rest/process-definition/key/tramite-recepcion/start")).timeout(Duration.ofSeconds(120))
        .header("Content-Type", "application/json").header("Authorization", pe.gob.pcm.platform.support.Http.basic("demo", "demo"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
            new java.io.ByteArrayInputStream("{\"businessKey\":\"".getBytes(StandardCharsets.UTF_8)),
            new InputStream() {
              long left = 50L * MB;

              @Override
              public int read() {
                return left-- > 0 ? 'A' : -1;
              }
            }))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).as(chunked.body()).isGreaterThanOrEqualTo(400);
    assertThat(chunked.body()).doesNotContain("at org.").doesNotContain("at pe.gob");
  }

  @Test
  void aValidDocumentStillPassesTheGateAndTheSchema() throws Exception {
    String cuo = Envelopes.newCuo();
    HttpResponse<String> answer = post(Envelopes.recepcionar(
        Envelopes.validDocument(cuo, TestPki.unsignedPdf("Oficio " + System.nanoTime())), List.of()));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("<vcodres>0000</vcodres>");
    // the one row this test adds is the accepted document's
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM iotdtc_recepcion WHERE vcuo = ?", Long.class, cuo)).isEqualTo(1);
    before = counts();
  }

  // ---- helpers

  /** The status line, headers and body of one HTTP/1.1 answer with a Content-Length. */
  private static String readAnswer(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
    int headerEnd = -1;
    long bodyLength = -1;
    byte[] buffer = new byte[8192];
    while (true) {
      String sofar = read.toString(StandardCharsets.UTF_8);
      if (headerEnd < 0 && (headerEnd = sofar.indexOf("\r\n\r\n")) >= 0) {
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
            .matcher(sofar.substring(0, headerEnd));
        bodyLength = length.find() ? Long.parseLong(length.group(1)) : -1;
      }
      if (headerEnd >= 0 && bodyLength >= 0 && read.size() >= headerEnd + 4 + bodyLength) {
        return sofar;
      }
      int n = in.read(buffer);
      if (n < 0) {
        return read.toString(StandardCharsets.UTF_8);
      }
      read.write(buffer, 0, n);
    }
  }

  private static String recepcion(String subject) {
    Map<String, String> fields = Envelopes.validDocument(Envelopes.newCuo(), "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
    fields.put("vasu", "ASUNTO");
    return Envelopes.recepcionar(fields, List.of()).replace("<vasu>ASUNTO</vasu>", "<vasu>" + subject + "</vasu>");
  }

  private static void assertFault(HttpResponse<String> answer, String reasonContains) {
    assertThat(answer.statusCode()).as(answer.body()).isIn(500, 413);
    assertThat(answer.body()).contains("Fault").contains("<faultstring>").contains(reasonContains)
        .doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at pe.gob");
  }

  private Map<String, Long> counts() {
    return Map.of(
        "recepcion", jdbc.queryForObject("SELECT COUNT(*) FROM iotdtc_recepcion", Long.class),
        "doc_externo", jdbc.queryForObject("SELECT COUNT(*) FROM iotdtm_doc_externo", Long.class),
        "document", jdbc.queryForObject("SELECT COUNT(*) FROM document", Long.class),
        "instancias", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION", Long.class));
  }

  private HttpRequest.Builder request() {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + WsIoTramiteIT.PATH))
        .timeout(Duration.ofSeconds(120))
        .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"");
  }

  private HttpResponse<String> post(String xml) throws Exception {
    return client.send(request().POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postDeclared(int bytes) throws Exception {
    return client.send(request().POST(HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofInputStream(() -> oversize(bytes)), bytes)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postChunked(long bytes) throws Exception {
    return client.send(request().POST(HttpRequest.BodyPublishers.ofInputStream(() -> oversize(bytes))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A valid envelope start, then a subject that never ends: streamed, never held in the test's memory. */
  private static InputStream oversize(long bytes) {
    byte[] head = recepcion("").split("<vasu>")[0].concat("<vasu>").getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      long position;

      @Override
      public int read() {
        if (position >= bytes) {
          return -1;
        }
        return position < head.length ? head[(int) position++] : (position++ % 80 == 0 ? ' ' : 'A');
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (position >= bytes) {
          return -1;
        }
        int n = (int) Math.min(length, bytes - position);
        for (int i = 0; i < n; i++) {
          buffer[offset + i] = (byte) read();
        }
        return n;
      }
    };
  }
}

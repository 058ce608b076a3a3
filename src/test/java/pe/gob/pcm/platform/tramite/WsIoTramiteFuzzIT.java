package pe.gob.pcm.platform.tramite;

import pe.gob.pcm.platform.tramite.reception.ReceptionProcess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TestPki;
import pe.gob.pcm.platform.validation.Identifiers;

/**
 * A seeded, repeatable fuzzer for wsiotramite over real HTTP. Each case takes a valid envelope of
 * one operation (recepcionarTramiteResponse, consultarTramiteResponse, cargoResponse), applies one
 * mutation and checks the invariants: the answer is a SOAP fault or a coded answer (-1 with a
 * reason, never 0000 for a document known to be invalid), never a stack trace, and the tables
 * change only for an accepted document, which then has its record, its PDF and exactly one
 * process instance. {@code -Dfuzz.seed=N} repeats a run, {@code -Dfuzz.cases=N} sizes it and
 * {@code -Dfuzz.case=i} replays a single case of that seed.
 */
@PlatformTest
class WsIoTramiteFuzzIT {

  static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  static final Pattern LEAF = Pattern.compile("<([A-Za-z]+)>([^<]*)</\\1>");
  static final Pattern ACCEPTED_CUO = Pattern.compile("CUO (\\d{10}) recibido");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  enum Operation { RECEPCION, CONSULTA, CARGO }

  /** What a mutation does to a valid envelope; {@code breaks} = the result is never a valid document. */
  enum Mutation {
    NONE(false), TRUNCATE(true), WRONG_TYPE(true), HUGE_STRING(true), INVALID_BASE64(true),
    NON_PDF(true), SOAP_12(true), MISSING_BODY(true), EMPTY_BODY(true), DUPLICATE_ELEMENT(true),
    WRONG_NAMESPACE(true), QUALIFIED_FIELDS(true), REMOVE_ELEMENT(false), BYTE_FLIP(false);

    final boolean breaks;

    Mutation(boolean breaks) {
      this.breaks = breaks;
    }
  }

  record Case(int index, Operation operation, Mutation mutation, String cuo, String contentType, byte[] body,
      int annexes) {
    String describe() {
      String text = new String(body, StandardCharsets.UTF_8);
      return "caso " + index + " " + operation + "/" + mutation + " CUO " + cuo + " (" + body.length + " bytes): "
          + (text.length() > 600 ? text.substring(0, 300) + " […] " + text.substring(text.length() - 300) : text);
    }
  }

  record Counts(long receptions, long external, long main, long annexes, long documents, long instances,
      long dispatchCargo) {}

  @Test
  void mutatedEnvelopesNeverCrashNeverPassAsValidAndNeverLeaveAPartialRow() throws Exception {
    long seed = Long.getLong("fuzz.seed", System.currentTimeMillis());
    int cases = Integer.getInteger("fuzz.cases", 2000);
    Integer only = Integer.getInteger("fuzz.case");
    System.out.println("[fuzz] wsiotramite: semilla " + seed + ", " + cases + " casos"
        + " (repetir con -Dfuzz.seed=" + seed + " -Dfuzz.cases=" + cases + ")");

    List<byte[]> pdfs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pdfs.add(TestPki.unsignedPdf("Oficio de prueba de entradas hostiles " + i + " " + seed));
    }
    List<String> acceptedCuos = new ArrayList<>();
    Set<String> acceptedSet = new HashSet<>();
    Map<String, Integer> outcomes = new TreeMap<>();
    Map<Mutation, Integer> perMutation = new EnumMap<>(Mutation.class);
    Map<Mutation, Long> millisPerMutation = new EnumMap<>(Mutation.class);
    List<String> failures = new ArrayList<>();
    Counts start = counts();
    long began = System.nanoTime();

    for (int i = 0; i < cases && failures.size() < 10; i++) {
      if (only != null && only != i) {
        continue;
      }
      Case c = generate(seed, i, pdfs, acceptedCuos);
      perMutation.merge(c.mutation(), 1, Integer::sum);
      Counts before = counts();
      HttpResponse<String> response;
      long sentAt = System.nanoTime();
      try {
        response = post(c);
      } catch (java.io.IOException e) {
        failures.add("sin respuesta (" + e + ") en " + c.describe());
        continue;
      }
      millisPerMutation.merge(c.mutation(), (System.nanoTime() - sentAt) / 1_000_000, Long::sum);
      Counts after = counts();
      String problem = check(c, response, before, after, acceptedSet);
      String outcome = outcome(response);
      outcomes.merge(outcome, 1, Integer::sum);
      if (problem != null) {
        failures.add(problem + "\n  respuesta HTTP " + response.statusCode() + ": "
            + abbreviate(response.body()) + "\n  " + c.describe());
      } else if (outcome.equals("0000") && c.operation() == Operation.RECEPCION) {
        String cuo = acceptedCuo(response.body());
        if (acceptedSet.add(cuo)) {
          acceptedCuos.add(cuo);
        }
      }
    }
    long millis = (System.nanoTime() - began) / 1_000_000;
    Counts end = counts();

    System.out.println("[fuzz] " + cases + " casos en " + millis + " ms; respuestas " + outcomes
        + "; mutaciones " + perMutation + "; documentos aceptados " + acceptedSet.size()
        + "; ms por mutación " + millisPerMutation);
    if (!failures.isEmpty()) {
      System.out.println("[fuzz] FALLOS con -Dfuzz.seed=" + seed + ":\n" + String.join("\n", failures));
    }
    assertThat(failures).as("semilla " + seed + " (repetir con -Dfuzz.seed=" + seed + ")").isEmpty();

    // the whole run: every accepted document, once, with its record, PDF and process instance
    assertThat(end.receptions() - start.receptions()).isEqualTo(acceptedSet.size());
    assertThat(end.external() - start.external()).isEqualTo(acceptedSet.size());
    assertThat(end.main() - start.main()).isEqualTo(acceptedSet.size());
    assertThat(end.instances() - start.instances()).isEqualTo(acceptedSet.size());
    assertThat(end.dispatchCargo()).isEqualTo(start.dispatchCargo());
    for (String cuo : acceptedSet) {
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ReceptionProcess.KEY)
          .processInstanceBusinessKey(cuo).count()).as("instancias del CUO " + cuo).isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM iotdtc_recepcion r JOIN iotdtm_doc_externo e"
          + " ON e.recepcion_id = r.id JOIN iotdtd_doc_principal p ON p.doc_externo_id = e.id"
          + " JOIN document d ON d.id = p.document_id WHERE r.vcuo = ? AND r.process_instance_id IS NOT NULL",
          Integer.class, cuo)).as("documento del CUO " + cuo).isEqualTo(1);
    }
    if (only == null && cases >= 500) {
      // the run exercised what it claims to: every mutation, accepted and refused documents
      assertThat(perMutation.keySet()).containsExactlyInAnyOrder(Mutation.values());
      assertThat(acceptedSet).isNotEmpty();
      assertThat(outcomes).containsKeys("-1", "falla SOAP");
    }
  }

  // ---- generation

  private Case generate(long seed, int index, List<byte[]> pdfs, List<String> accepted) {
    Random rnd = new Random(seed * 1_000_003L + index);
    Operation operation = pick(rnd, 10, 2, 2) == 0 ? Operation.RECEPCION
        : rnd.nextBoolean() ? Operation.CONSULTA : Operation.CARGO;
    Mutation mutation = rnd.nextInt(100) < 4 ? Mutation.NONE
        : Mutation.values()[1 + rnd.nextInt(Mutation.values().length - 1)];
    String cuo = Envelopes.newCuo();
    byte[] pdf = pdfs.get(rnd.nextInt(pdfs.size()));
    int annexes = 0;
    String xml;
    switch (operation) {
      case RECEPCION -> {
        Map<String, String> fields = Envelopes.validDocument(cuo, pdf);
        annexes = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(3) : 0;
        if (annexes > 0) {
          fields.put("snumanx", String.valueOf(annexes));
          fields.put("vurldocanx", "http://127.0.0.1:9/anexos");
        }
        xml = Envelopes.recepcionar(fields, Envelopes.annexes(annexes));
      }
      case CONSULTA -> {
        String target = !accepted.isEmpty() && rnd.nextBoolean()
            ? accepted.get(rnd.nextInt(accepted.size())) : cuo;
        cuo = target;
        xml = Envelopes.consultar(target);
      }
      default -> xml = Envelopes.envelope("<ws:cargoResponse><cargoRequest><vcuo>" + cuo + "</vcuo>"
          + "<vnumregstd>000001</vnumregstd><vanioregstd>2026</vanioregstd>"
          + "<dfecregstd>2026-11-21T09:00:00-05:00</dfecregstd><vuniorgstd>MESA DE PARTES</vuniorgstd>"
          + "<vusuregstd>mesapartes</vusuregstd><bcarstd>" + Base64.getEncoder().encodeToString(pdf)
          + "</bcarstd><cflgest>R</cflgest></cargoRequest></ws:cargoResponse>");
    }
    String contentType = "text/xml; charset=utf-8";
    byte[] body;
    switch (mutation) {
      case NONE -> body = utf8(xml);
      case TRUNCATE -> {
        byte[] full = utf8(xml);
        body = java.util.Arrays.copyOf(full, rnd.nextInt(full.length - 1));
      }
      case WRONG_TYPE -> body = utf8(wrongType(xml, operation, rnd));
      case HUGE_STRING -> body = utf8(replaceLeaf(xml, rnd, repeat(rnd, 10_000 + rnd.nextInt(rnd.nextInt(10) == 0 ? 1_000_000 : 100_000))));
      case INVALID_BASE64 -> body = utf8(replaceBinary(xml, operation, rnd, invalidBase64(rnd)));
      case NON_PDF -> body = utf8(replaceBinary(xml, operation, rnd, Base64.getEncoder().encodeToString(nonPdf(rnd, pdf))));
      case SOAP_12 -> {
        contentType = "application/soap+xml; charset=utf-8";
        body = utf8(xml.replace(SOAP11, SOAP12));
      }
      case MISSING_BODY -> body = utf8(xml.replaceAll("<soapenv:Body>.*</soapenv:Body>", ""));
      case EMPTY_BODY -> body = utf8(xml.replaceAll("<soapenv:Body>.*</soapenv:Body>", "<soapenv:Body/>"));
      case DUPLICATE_ELEMENT -> body = utf8(duplicate(xml, rnd));
      case WRONG_NAMESPACE -> body = utf8(xml.replace("http://ws.wsiotramite.segdi.gob.pe/",
          rnd.nextBoolean() ? "http://ws.wsiopidetramite.segdi.gob.pe/" : "urn:otro"));
      case QUALIFIED_FIELDS -> body = utf8(qualify(xml, operation));
      case REMOVE_ELEMENT -> body = utf8(remove(xml, rnd));
      default -> body = flip(utf8(xml), rnd);
    }
    return new Case(index, operation, mutation, cuo, contentType, body, annexes);
  }

  private static int pick(Random rnd, int... weights) {
    int total = java.util.Arrays.stream(weights).sum();
    int r = rnd.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static String wrongType(String xml, Operation operation, Random rnd) {
    String[] notNumbers = {"abc", "1.5", "99999999999999999999", "", " ", "-", "0x10", "uno"};
    String[] notDates = {"ayer", "2026-13-45T99:99:99", "20/11/2026", "", "2026-11-20T10:15:00+25:00"};
    return switch (operation) {
      case RECEPCION -> switch (rnd.nextInt(xml.contains("<siddocanx>") ? 4 : 3)) {
        case 0 -> setLeaf(xml, "snumanx", notNumbers[rnd.nextInt(notNumbers.length)]);
        case 1 -> setLeaf(xml, "snumfol", notNumbers[rnd.nextInt(notNumbers.length)]);
        case 2 -> setLeaf(xml, "dfecdoc", notDates[rnd.nextInt(notDates.length)]);
        default -> setLeaf(xml, "siddocanx", notNumbers[rnd.nextInt(notNumbers.length)]);
      };
      case CARGO -> setLeaf(xml, "dfecregstd", notDates[rnd.nextInt(notDates.length)]);
      // the CUO is a string: an element where text is expected
      case CONSULTA -> xml.replaceFirst("<request>([^<]*)</request>", "<request><vcuo>$1</vcuo></request>");
    };
  }

  private static String replaceBinary(String xml, Operation operation, Random rnd, String value) {
    return switch (operation) {
      case RECEPCION -> setLeaf(xml, "bpdfdoc", value);
      case CARGO -> setLeaf(xml, "bcarstd", value);
      case CONSULTA -> setLeaf(xml, "request", value);
    };
  }

  private static String invalidBase64(Random rnd) {
    String[] samples = {"%%%%esto no es base64%%%%", "JVBERi0xLjQK===", "@@@@", "JVBER i0x LjQ=\u00e9\u00f1",
        "====", "JVBERi0", "\u0000\u0001"};
    return samples[rnd.nextInt(samples.length)].replace("\u0000", "&#0;").replace("\u0001", "&#1;");
  }

  private static byte[] nonPdf(Random rnd, byte[] pdf) {
    return switch (rnd.nextInt(5)) {
      case 0 -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
      case 1 -> "%PDF-1.7\nesto no es un PDF de verdad\n%%EOF".getBytes(StandardCharsets.US_ASCII);
      case 2 -> java.util.Arrays.copyOf(pdf, 5 + rnd.nextInt(Math.max(1, pdf.length / 3)));
      case 3 -> "PK\u0003\u0004 documento.docx".getBytes(StandardCharsets.ISO_8859_1);
      default -> {
        byte[] random = new byte[1 + rnd.nextInt(4096)];
        rnd.nextBytes(random);
        yield random;
      }
    };
  }

  private static String duplicate(String xml, Random rnd) {
    List<MatchResult> leaves = leaves(xml);
    MatchResult leaf = leaves.get(rnd.nextInt(leaves.size()));
    String copy = xml.substring(leaf.start, leaf.end);
    if (rnd.nextBoolean()) {
      copy = "<" + leaf.name + ">" + (leaf.name.startsWith("vcuo") || leaf.name.equals("request")
          ? Envelopes.newCuo() : leaf.value + "X") + "</" + leaf.name + ">";
    }
    return xml.substring(0, leaf.end) + copy + xml.substring(leaf.end);
  }

  private static String qualify(String xml, Operation operation) {
    // the contract's fields are unqualified: in the service's namespace they are unknown elements
    return switch (operation) {
      case RECEPCION -> xml.replace("<recepcionRequest>", "<ws:recepcionRequest>")
          .replace("</recepcionRequest>", "</ws:recepcionRequest>");
      case CARGO -> xml.replace("<cargoRequest>", "<ws:cargoRequest>").replace("</cargoRequest>", "</ws:cargoRequest>");
      case CONSULTA -> xml.replace("<request>", "<ws:request>").replace("</request>", "</ws:request>");
    };
  }

  private static String remove(String xml, Random rnd) {
    List<MatchResult> leaves = leaves(xml);
    MatchResult leaf = leaves.get(rnd.nextInt(leaves.size()));
    return xml.substring(0, leaf.start) + xml.substring(leaf.end);
  }

  private static byte[] flip(byte[] body, Random rnd) {
    byte[] copy = body.clone();
    int flips = 1 + rnd.nextInt(4);
    for (int i = 0; i < flips; i++) {
      int at = rnd.nextInt(copy.length);
      copy[at] = (byte) (copy[at] ^ (1 << rnd.nextInt(8)));
    }
    return copy;
  }

  private static String repeat(Random rnd, int length) {
    String[] units = {"A", "ñ", "9", "<&>", "\u00e1\u00e9", "x "};
    String unit = units[rnd.nextInt(units.length)];
    return unit.repeat(Math.max(1, length / unit.length()));
  }

  record MatchResult(String name, String value, int start, int end) {}

  private static List<MatchResult> leaves(String xml) {
    List<MatchResult> leaves = new ArrayList<>();
    Matcher m = LEAF.matcher(xml);
    while (m.find()) {
      leaves.add(new MatchResult(m.group(1), m.group(2), m.start(), m.end()));
    }
    return leaves;
  }

  private static String replaceLeaf(String xml, Random rnd, String value) {
    List<MatchResult> leaves = leaves(xml);
    MatchResult leaf = leaves.get(rnd.nextInt(leaves.size()));
    return xml.substring(0, leaf.start) + "<" + leaf.name + ">" + escape(value) + "</" + leaf.name + ">"
        + xml.substring(leaf.end);
  }

  private static String setLeaf(String xml, String name, String value) {
    return xml.replaceFirst("<" + name + ">[^<]*</" + name + ">",
        Matcher.quoteReplacement("<" + name + ">" + escape(value) + "</" + name + ">"));
  }

  private static String escape(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("&amp;#0;", "&#0;").replace("&amp;#1;", "&#1;");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  // ---- checking

  private HttpResponse<String> post(Case c) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + WsIoTramiteIT.PATH))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", c.contentType()).header("SOAPAction", "\"\"")
        .POST(HttpRequest.BodyPublishers.ofByteArray(c.body())).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** One query: the tables a reception writes, its process instances, and the dispatches' cargos. */
  private Counts counts() {
    return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM iotdtc_recepcion), (SELECT COUNT(*) FROM iotdtm_doc_externo),"
        + " (SELECT COUNT(*) FROM iotdtd_doc_principal), (SELECT COUNT(*) FROM iotdtd_anexo), (SELECT COUNT(*) FROM document),"
        + " (SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = '" + ReceptionProcess.KEY + "'),"
        + " (SELECT COUNT(*) FROM iotdtc_despacho WHERE cargo_document_id IS NOT NULL)",
        (rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
            rs.getLong(6), rs.getLong(7)));
  }

  /** Null when the invariants hold, else what broke. */
  private String check(Case c, HttpResponse<String> response, Counts before, Counts after, Set<String> accepted) {
    String body = response.body() == null ? "" : response.body();
    if (body.contains("Exception") || body.contains("at pe.gob") || body.contains("at org.")
        || body.contains("\tat ")) {
      return "la respuesta deja ver detalles internos";
    }
    if (after.dispatchCargo() != before.dispatchCargo()) {
      return "un cargo cambió un despacho";
    }
    Document xml = parse(body);
    boolean fault = xml != null && xml.getElementsByTagNameNS("*", "Fault").getLength() > 0;
    String code = xml == null ? null : text(xml, "vcodres");
    if (fault) {
      if (response.statusCode() == 200 || response.statusCode() >= 600) {
        return "una falla SOAP con HTTP " + response.statusCode();
      }
      String reason = text(xml, "faultstring");
      if (reason == null) {
        reason = text(xml, "Text");
      }
      if (reason == null || reason.isBlank()) {
        return "una falla SOAP sin motivo";
      }
      return unchanged(before, after);
    }
    if (response.statusCode() != 200 || code == null) {
      return "ni falla SOAP ni respuesta codificada";
    }
    String reason = text(xml, "vdesres");
    if (reason == null || reason.isBlank()) {
      return "respuesta " + code + " sin motivo";
    }
    switch (c.operation()) {
      case CONSULTA -> {
        if (code.equals("0000")) {
          String cuo = text(xml, "vcuo");
          if (cuo == null || jdbc.queryForObject("SELECT COUNT(*) FROM iotdtc_recepcion WHERE vcuo = ?",
              Integer.class, cuo) == 0) {
            return "0000 para un CUO que no existe";
          }
        } else if (!code.equals("0001") && !code.equals("-1")) {
          return "código desconocido " + code;
        }
        return unchanged(before, after);
      }
      case CARGO -> {
        // no dispatch has these CUOs: no cargo may be registered
        return code.equals("-1") ? unchanged(before, after) : "cargo de un CUO desconocido respondido " + code;
      }
      default -> {
        if (code.equals("-1")) {
          return unchanged(before, after);
        }
        if (!code.equals("0000")) {
          return "código desconocido " + code;
        }
        if (c.mutation().breaks) {
          return "0000 para un documento inválido";
        }
        String cuo = acceptedCuo(body);
        if (cuo == null) {
          return "0000 sin el CUO recibido";
        }
        if (accepted.contains(cuo)) {
          return unchanged(before, after);
        }
        if (after.receptions() - before.receptions() != 1 || after.external() - before.external() != 1
            || after.main() - before.main() != 1 || after.instances() - before.instances() != 1
            || after.documents() - before.documents() > 1) {
          return "documento aceptado sin exactamente un registro, un PDF y una instancia: " + before + " → " + after;
        }
        return revalidate(cuo);
      }
    }
  }

  /** An accepted document, checked again from what was stored, independently of the platform's rules. */
  private String revalidate(String cuo) {
    Map<String, Object> row = jdbc.queryForMap("SELECT r.vrucentrem, r.vrucentrec, r.process_instance_id,"
        + " p.document_id FROM iotdtc_recepcion r JOIN iotdtm_doc_externo e ON e.recepcion_id = r.id"
        + " JOIN iotdtd_doc_principal p ON p.doc_externo_id = e.id WHERE r.vcuo = ?", cuo);
    if (Identifiers.rucProblem((String) row.get("vrucentrem")) != null
        || Identifiers.rucProblem((String) row.get("vrucentrec")) != null) {
      return "aceptado con un RUC inválido: " + row;
    }
    if (row.get("process_instance_id") == null || runtime.createProcessInstanceQuery()
        .processInstanceId((String) row.get("process_instance_id")).count() != 1) {
      return "aceptado sin su instancia de proceso";
    }
    byte[] content = jdbc.queryForObject("SELECT content FROM document WHERE id = ?", byte[].class,
        row.get("document_id"));
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(content)) {
      return pdf.getNumberOfPages() > 0 ? null : "aceptado con un PDF sin páginas";
    } catch (Exception e) {
      return "aceptado con un PDF ilegible";
    }
  }

  private static String unchanged(Counts before, Counts after) {
    return before.equals(after) ? null : "un rechazo dejó filas: " + before + " → " + after;
  }

  private static String outcome(HttpResponse<String> response) {
    Document xml = parse(response.body());
    if (xml == null) {
      return "HTTP " + response.statusCode();
    }
    if (xml.getElementsByTagNameNS("*", "Fault").getLength() > 0) {
      return "falla SOAP";
    }
    String code = text(xml, "vcodres");
    return code == null ? "HTTP " + response.statusCode() : code;
  }

  private static String acceptedCuo(String body) {
    Matcher m = ACCEPTED_CUO.matcher(body);
    return m.find() ? m.group(1) : null;
  }

  private static Document parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      return null;
    }
  }

  private static String text(Document xml, String element) {
    NodeList nodes = xml.getElementsByTagNameNS("*", element);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 800 ? body.substring(0, 800) + "…" : body;
  }
}

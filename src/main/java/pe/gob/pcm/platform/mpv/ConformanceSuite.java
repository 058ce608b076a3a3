package pe.gob.pcm.platform.mpv;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.springframework.util.function.SingletonSupplier;
import pe.gob.pcm.platform.pide.PideClients;

/**
 * The interoperability tests of the MPV procedure, run by the platform against an entity's
 * development {@code wsiotramite}: the WSDL declares the contract, a valid document is accepted
 * and can be queried, invalid ones are refused, a repeated one is not registered twice, a cargo
 * for a document the entity never sent is refused. After the administrative test, in which the
 * entity sends a test document to the PCM, the PCM's cargo for it is accepted once and refused when
 * repeated ({@link #cargoChecks}). Envelopes are raw XML written from the contract, so that a wrong
 * name or order in the entity's service shows.
 */
@Component
public class ConformanceSuite {

  static final String NS = "http://ws.wsiotramite.segdi.gob.pe/";
  static final List<String> RECEPCION_FIELDS = List.of("vrucentrem", "vrucentrec", "vnomentemi",
      "vuniorgrem", "vcuo", "vcuoref", "ccodtipdoc", "vnumdoc", "dfecdoc", "vuniorgdst", "vnomdst",
      "vnomcardst", "vasu", "snumanx", "snumfol", "vurldocanx", "bpdfdoc", "vnomdoc", "lstanexos",
      "ctipdociderem", "vnumdociderem");
  /** The PCM tests on behalf of the SGTD. */
  static final String TESTER_RUC = "20168999926";

  private final PideClients pide;
  private final SingletonSupplier<HttpClient> http = SingletonSupplier.of(
      () -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());

  public ConformanceSuite(PideClients pide) {
    this.pide = pide;
  }

  /** One run: the CUO of the valid test document (for the administrative test) and the checks. */
  public record Run(String testCuo, List<ConformanceCheck> checks) {
    public boolean passed() {
      return checks.stream().allMatch(ConformanceCheck::passed);
    }
  }

  public List<ConformanceCheck> run(String url, String entityRuc) {
    return execute(url, entityRuc).checks();
  }

  public Run execute(String url, String entityRuc) {
    List<ConformanceCheck> checks = new ArrayList<>();
    checks.add(wsdl(url));
    String cuo = testCuo();
    String valid = recepcionar(entityRuc, cuo, pdf(), 0, List.of(), TESTER_RUC);
    checks.add(expectCode("DOCUMENTO_VALIDO", "Acepta un documento válido (0000)", url, valid, "0000"));
    checks.add(query("CONSULTA_DOCUMENTO", "Consulta del documento recibido: 0000 y estado P", url, cuo, "0000", "P"));
    checks.add(query("CONSULTA_DESCONOCIDO", "Consulta de un CUO desconocido: 0001", url, testCuo(), "0001", null));
    checks.add(expectCode("RECHAZA_RUC", "Rechaza un RUC con dígito verificador inválido (-1)", url,
        recepcionar(entityRuc, testCuo(), pdf(), 0, List.of(), "20168999925"), "-1"));
    checks.add(expectCode("RECHAZA_SIN_PDF", "Rechaza un documento sin PDF (-1)", url,
        recepcionar(entityRuc, testCuo(), null, 0, List.of(), TESTER_RUC), "-1"));
    checks.add(expectCode("RECHAZA_ANEXOS", "Rechaza anexos que no coinciden con snumanx (-1)", url,
        recepcionar(entityRuc, testCuo(), pdf(), 2, List.of("anexo-1.pdf"), TESTER_RUC), "-1"));
    checks.add(expectCode("NO_DUPLICA", "El mismo documento enviado dos veces no se registra dos veces (0000 igual)",
        url, valid, "0000"));
    checks.add(expectCode("RECHAZA_CARGO_AJENO", "Rechaza el cargo de un documento que no envió (-1)", url,
        envelope("<ws:cargoResponse><cargoRequest><vcuo>" + testCuo() + "</vcuo><vnumregstd>000001</vnumregstd>"
            + "<vanioregstd>2026</vanioregstd><cflgest>R</cflgest></cargoRequest></ws:cargoResponse>"), "-1"));
    return new Run(cuo, List.copyOf(checks));
  }

  /**
   * The cargo side of the contract, for a document the entity sent to the PCM ({@code cuo}): the
   * PCM's cargo is accepted ({@code 0000}), and the same cargo sent again is refused ({@code -1}).
   */
  public List<ConformanceCheck> cargoChecks(String url, String cuo, String registrationNumber) {
    String cargo = cargo(cuo, registrationNumber);
    return List.of(
        expectCode("ACEPTA_CARGO", "Acepta el cargo del documento de prueba que envió a la PCM (0000)", url, cargo, "0000"),
        expectCode("RECHAZA_CARGO_REPETIDO", "Rechaza el mismo cargo enviado otra vez (-1)", url, cargo, "-1"));
  }

  static String cargo(String cuo, String registrationNumber) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(-5));
    return envelope("<ws:cargoResponse><cargoRequest><vcuo>" + cuo + "</vcuo>"
        + "<vnumregstd>" + registrationNumber + "</vnumregstd><vanioregstd>" + now.getYear() + "</vanioregstd>"
        + "<dfecregstd>" + now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "</dfecregstd>"
        + "<vuniorgstd>SGTD - PRUEBAS DE INTEROPERABILIDAD</vuniorgstd><vusuregstd>plataforma</vusuregstd>"
        + "<bcarstd>" + Base64.getEncoder().encodeToString(pdf()) + "</bcarstd>"
        + "<cflgest>R</cflgest></cargoRequest></ws:cargoResponse>");
  }

  private ConformanceCheck wsdl(String url) {
    long start = System.nanoTime();
    String body = null;
    String reason;
    try {
      HttpResponse<String> response = http.get().send(HttpRequest.newBuilder(URI.create(url + "?wsdl"))
          .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
      body = response.body();
      reason = response.statusCode() != 200 ? "HTTP " + response.statusCode() : wsdlProblem(withSchemas(url, parse(body)));
    } catch (Exception e) {
      reason = "No se pudo obtener el WSDL: " + e.getMessage();
    }
    return new ConformanceCheck("WSDL", "El WSDL está publicado y declara el contrato (espacio de nombres,"
        + " operaciones, elementos y campos en orden)", reason == null, reason, "GET " + url + "?wsdl",
        abbreviate(body), (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * The WSDL and the schemas it imports: JAX-WS endpoints usually publish their types apart
   * ({@code <xsd:import schemaLocation="…?xsd=1"/>}).
   */
  private List<Document> withSchemas(String url, Document wsdl) throws Exception {
    List<Document> docs = new ArrayList<>(List.of(wsdl));
    for (String tag : List.of("import", "include")) {
      NodeList imports = wsdl.getElementsByTagNameNS(XSD, tag);
      for (int i = 0; i < imports.getLength() && docs.size() < 10; i++) {
        String location = ((Element) imports.item(i)).getAttribute("schemaLocation");
        if (!location.isBlank()) {
          URI schema = URI.create(url).resolve(location);
          docs.add(parse(http.get().send(HttpRequest.newBuilder(schema).timeout(Duration.ofSeconds(30)).GET().build(),
              HttpResponse.BodyHandlers.ofString()).body()));
        }
      }
    }
    return docs;
  }

  private static String wsdlProblem(List<Document> docs) {
    Document wsdl = docs.get(0);
    if (!NS.equals(wsdl.getDocumentElement().getAttribute("targetNamespace"))) {
      return "targetNamespace debe ser " + NS;
    }
    List<String> operations = names(wsdl, "http://schemas.xmlsoap.org/wsdl/", "operation");
    for (String op : List.of("recepcionarTramiteResponse", "cargoResponse", "consultarTramiteResponse")) {
      if (!operations.contains(op)) {
        return "falta la operación " + op;
      }
    }
    String[][] wrappers = {{"recepcionarTramiteResponse", "recepcionRequest"},
        {"cargoResponse", "cargoRequest"}, {"consultarTramiteResponse", "request"}};
    for (String[] wrapper : wrappers) {
      List<String> children = sequenceOfElement(docs, wrapper[0]);
      if (!children.equals(List.of(wrapper[1]))) {
        return "el elemento " + wrapper[0] + " debe contener " + wrapper[1] + " y contiene " + children;
      }
    }
    Element recepcion = typeOfChild(docs, "recepcionarTramiteResponse");
    List<String> fields = recepcion == null ? List.of() : sequence(recepcion);
    if (!fields.equals(RECEPCION_FIELDS)) {
      return "los campos de RecepcionTramite deben ser " + RECEPCION_FIELDS + " y son " + fields;
    }
    return null;
  }

  private ConformanceCheck expectCode(String id, String description, String url, String envelope, String code) {
    return call(id, description, url, envelope, body -> {
      String actual = value(body, "vcodres");
      return code.equals(actual) ? null
          : "se esperaba vcodres " + code + " y respondió " + actual + " (" + value(body, "vdesres") + ")";
    });
  }

  private ConformanceCheck query(String id, String description, String url, String cuo, String code, String state) {
    return call(id, description, url, envelope("<ws:consultarTramiteResponse><request>" + cuo
        + "</request></ws:consultarTramiteResponse>"), body -> {
          String actual = value(body, "vcodres");
          if (!code.equals(actual)) {
            return "se esperaba vcodres " + code + " y respondió " + actual;
          }
          return state == null || state.equals(value(body, "cflgest")) ? null
              : "se esperaba cflgest " + state + " y respondió " + value(body, "cflgest");
        });
  }

  private interface Verdict {
    String problem(String body) throws Exception;
  }

  private ConformanceCheck call(String id, String description, String url, String envelope, Verdict verdict) {
    long start = System.nanoTime();
    String body = null;
    String reason;
    try {
      HttpResponse<String> response = http.get().send(HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(60)).header("Content-Type", "text/xml; charset=utf-8")
          .header("SOAPAction", "\"\"").POST(HttpRequest.BodyPublishers.ofString(envelope)).build(),
          HttpResponse.BodyHandlers.ofString());
      body = response.body();
      reason = response.statusCode() != 200 ? "HTTP " + response.statusCode() + ": " + value(body, "faultstring")
          : verdict.problem(body);
    } catch (Exception e) {
      reason = "Sin respuesta válida: " + e.getMessage();
    }
    return new ConformanceCheck(id, description, reason == null, reason, abbreviate(envelope),
        abbreviate(body), (System.nanoTime() - start) / 1_000_000);
  }

  private String testCuo() {
    String cuo = pide.testCuo("127.0.0.1");
    if (cuo == null || !cuo.matches("\\d{10}")) {
      throw new IllegalStateException("La PIDE no devolvió un CUO de prueba: " + cuo);
    }
    return cuo;
  }

  static String recepcionar(String receiverRuc, String cuo, byte[] pdf, int annexCount, List<String> annexes,
      String senderRuc) {
    StringBuilder f = new StringBuilder();
    f.append("<vrucentrem>").append(senderRuc).append("</vrucentrem>")
        .append("<vrucentrec>").append(receiverRuc).append("</vrucentrec>")
        .append("<vnomentemi>PRESIDENCIA DEL CONSEJO DE MINISTROS</vnomentemi>")
        .append("<vuniorgrem>SGTD - PRUEBAS DE INTEROPERABILIDAD</vuniorgrem>")
        .append("<vcuo>").append(cuo).append("</vcuo>")
        .append("<ccodtipdoc>01</ccodtipdoc><vnumdoc>OFICIO DE PRUEBA ").append(cuo).append("</vnumdoc>")
        .append("<dfecdoc>").append(OffsetDateTime.now(ZoneOffset.ofHours(-5)).minusMinutes(1)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("</dfecdoc>")
        .append("<vasu>Prueba de interoperabilidad del Modelo de Gestión Documental</vasu>")
        .append("<snumanx>").append(annexCount).append("</snumanx><snumfol>1</snumfol>");
    if (annexCount > 0) {
      f.append("<vurldocanx>https://pruebas.invalid/anexos</vurldocanx>");
    }
    if (pdf != null) {
      f.append("<bpdfdoc>").append(Base64.getEncoder().encodeToString(pdf)).append("</bpdfdoc>");
    }
    f.append("<vnomdoc>prueba-interoperabilidad.pdf</vnomdoc>");
    for (String annex : annexes) {
      f.append("<lstanexos><siddocanx>1</siddocanx><siddocext>1</siddocext><vnomdoc>").append(annex)
          .append("</vnomdoc></lstanexos>");
    }
    f.append("<ctipdociderem>1</ctipdociderem><vnumdociderem>45678912</vnumdociderem>");
    return envelope("<ws:recepcionarTramiteResponse><recepcionRequest>" + f
        + "</recepcionRequest></ws:recepcionarTramiteResponse>");
  }

  static String envelope(String body) {
    return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:ws=\"" + NS
        + "\"><soapenv:Header/><soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
  }

  private static byte[] pdf() {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 720);
        content.showText("Documento de prueba de interoperabilidad - MPV");
        content.endText();
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- XML reading (secure parser: the endpoint under test is not trusted)

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String value(String xml, String element) {
    try {
      NodeList nodes = parse(xml).getElementsByTagNameNS("*", element);
      return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    } catch (Exception e) {
      return null;
    }
  }

  private static List<String> names(Document doc, String ns, String tag) {
    List<String> names = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagNameNS(ns, tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      names.add(((Element) nodes.item(i)).getAttribute("name"));
    }
    return names;
  }

  private static final String XSD = "http://www.w3.org/2001/XMLSchema";

  private static Element complexType(List<Document> docs, String name) {
    for (Document doc : docs) {
      NodeList types = doc.getElementsByTagNameNS(XSD, "complexType");
      for (int i = 0; i < types.getLength(); i++) {
        Element type = (Element) types.item(i);
        if (name.equals(type.getAttribute("name"))) {
          return type;
        }
      }
    }
    return null;
  }

  /** The type of a top-level element, by its type attribute (a local name). */
  private static Element typeOfElement(List<Document> docs, String elementName) {
    for (Document doc : docs) {
      NodeList elements = doc.getElementsByTagNameNS(XSD, "element");
      for (int i = 0; i < elements.getLength(); i++) {
        Element e = (Element) elements.item(i);
        if (elementName.equals(e.getAttribute("name")) && "schema".equals(e.getParentNode().getLocalName())) {
          String type = e.getAttribute("type");
          return complexType(docs, type.substring(type.indexOf(':') + 1));
        }
      }
    }
    return null;
  }

  private static List<String> sequenceOfElement(List<Document> docs, String elementName) {
    Element type = typeOfElement(docs, elementName);
    return type == null ? List.of() : sequence(type);
  }

  private static Element typeOfChild(List<Document> docs, String wrapper) {
    Element type = typeOfElement(docs, wrapper);
    if (type == null) {
      return null;
    }
    Element child = (Element) type.getElementsByTagNameNS(XSD, "element").item(0);
    if (child == null) {
      return null;
    }
    String childType = child.getAttribute("type");
    return complexType(docs, childType.substring(childType.indexOf(':') + 1));
  }

  private static List<String> sequence(Element type) {
    List<String> names = new ArrayList<>();
    NodeList elements = type.getElementsByTagNameNS(XSD, "element");
    for (int i = 0; i < elements.getLength(); i++) {
      names.add(((Element) elements.item(i)).getAttribute("name"));
    }
    return names;
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return null;
    }
    // long Base64 PDFs say nothing to a reader of the report
    String shown = text.replaceAll("<(bpdfdoc|bcarstd)>([A-Za-z0-9+/=]{40})[A-Za-z0-9+/=]+</(bpdfdoc|bcarstd)>",
        "<$1>$2…</$3>");
    return shown.length() > 4000 ? shown.substring(0, 4000) + "…" : shown;
  }

}

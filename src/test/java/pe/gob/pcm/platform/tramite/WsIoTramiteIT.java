package pe.gob.pcm.platform.tramite;

import pe.gob.pcm.platform.tramite.reception.ReceptionProcess;
import pe.gob.pcm.platform.tramite.soap.StrictBase64;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TestPki;

/** wsiotramite over real HTTP with raw envelopes written from the contract. */
@PlatformTest
class WsIoTramiteIT {

  static final String PATH = "/wsiotramite/Tramite";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Actors actors;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  @Autowired pe.gob.pcm.platform.signature.PdfSignatureVerifier verifier;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void theServedWsdlIsTheContract() throws Exception {
    Http.Response wsdl = http.get(PATH + "?wsdl", null);
    assertThat(wsdl.status()).isEqualTo(200);
    Document doc = parse(wsdl.body());
    Element root = doc.getDocumentElement();

    assertThat(root.getAttribute("targetNamespace")).isEqualTo("http://ws.wsiotramite.segdi.gob.pe/");
    assertThat(attributes(doc, "service", "name")).containsExactly("Tramite");
    assertThat(attributes(doc, "port", "name")).containsExactly("TramitePort");
    assertThat(attributes(doc, "binding", "name")).containsExactly("TramitePortBinding");
    assertThat(attributes(doc, "portType", "name")).containsExactly("Tramite");
    assertThat(attributes(doc, "operation", "soapAction")).containsOnly("");
    assertThat(attributes((Element) doc.getElementsByTagNameNS("*", "portType").item(0), "operation", "name"))
        .containsExactlyInAnyOrder("recepcionarTramiteResponse", "cargoResponse", "consultarTramiteResponse");
    assertThat(sequence(doc, "recepcionarTramiteResponse")).containsExactly("recepcionRequest");
    assertThat(sequence(doc, "cargoResponse")).containsExactly("cargoRequest");
    assertThat(sequence(doc, "consultarTramiteResponse")).containsExactly("request");
    assertThat(sequence(doc, "RecepcionTramite")).containsExactlyElementsOf(Envelopes.RECEPCION_FIELDS);
    assertThat(sequence(doc, "CargoTramite")).containsExactly("vcuo", "vcuoref", "vnumregstd",
        "vanioregstd", "dfecregstd", "vuniorgstd", "vusuregstd", "bcarstd", "vobs", "cflgest", "vdesanxstdrec");
    assertThat(sequence(doc, "RespuestaConsultaTramite")).containsExactly("vcodres", "vdesres", "vcuo",
        "vcuoref", "vnumregstd", "vanioregstd", "vuniorgstd", "dfecregstd", "vusuregstd", "bcarstd",
        "vobs", "cflgest");
    assertThat(sequence(doc, "documentoAnexo")).containsExactly("dfecreg", "siddocanx", "siddocext", "vnomdoc");
    assertThat(types(doc, "RecepcionTramite")).containsEntry("dfecdoc", "xsd:dateTime")
        .containsEntry("snumanx", "xsd:int").containsEntry("snumfol", "xsd:int")
        .containsEntry("bpdfdoc", "xsd:base64Binary").containsEntry("lstanexos", "tns:documentoAnexo");
  }

  @Test
  void acceptsAValidDocumentStoresItAndStartsTheReception() throws Exception {
    String cuo = Envelopes.newCuo();

    Http.Response response = send(Envelopes.validDocument(cuo, pdf()), List.of());

    assertThat(code(response)).isEqualTo("0000");
    assertThat(message(response)).contains(cuo).contains("Municipalidad Distrital de Ejemplo")
        .contains("Mesa de Partes");
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM iotdtc_recepcion WHERE vcuo = ?", cuo);
    assertThat(row.get("cflgest")).isEqualTo("P");
    assertThat(row.get("vrucentrec")).isEqualTo(Actors.MUNI_RUC);
    assertThat(jdbc.queryForObject("SELECT d.vasu FROM iotdtm_doc_externo d JOIN iotdtc_recepcion r"
        + " ON r.id = d.recepcion_id WHERE r.vcuo = ?", String.class, cuo))
        .isEqualTo("Implementación del Modelo de Gestión Documental");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM iotdtd_doc_principal p JOIN iotdtm_doc_externo d"
        + " ON d.id = p.doc_externo_id JOIN iotdtc_recepcion r ON r.id = d.recepcion_id WHERE r.vcuo = ?",
        Integer.class, cuo)).isEqualTo(1);
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(cuo).singleResult();
    // the PDF is stored bound to the process, and the reception names that process
    assertThat(jdbc.queryForMap("SELECT doc.process_instance_id AS document_process, r.process_instance_id"
        + " AS reception_process FROM document doc JOIN iotdtd_doc_principal p ON p.document_id = doc.id"
        + " JOIN iotdtm_doc_externo d ON d.id = p.doc_externo_id JOIN iotdtc_recepcion r ON r.id = d.recepcion_id"
        + " WHERE r.vcuo = ?", cuo)).containsEntry("document_process", task.getProcessInstanceId())
        .containsEntry("reception_process", task.getProcessInstanceId());
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ReceiveDocument");
    assertThat(task.getName()).isEqualTo("Recepcionar documento (CUO " + cuo + ")");
    assertThat(task.getTenantId()).isEqualTo(Actors.MUNI_RUC);
    // the other entity's Mesa de Partes does not see it
    assertThat(actors.as("pcm.mesapartes", () -> tasks.createTaskQuery().processInstanceBusinessKey(cuo).count())).isZero();
    assertThat(actors.as("muni.mesapartes", () -> tasks.createTaskQuery().processInstanceBusinessKey(cuo).count())).isEqualTo(1);
  }

  /**
   * The variables copied from the reception record are not written to history when the process
   * starts (PlatformHistoryLevel): their values are in the reception record. A later change is,
   * as with "full", and so are the other variables; the process still ends cleanly.
   */
  @Test
  void theReceptionRecordsCopiesReachHistoryOnlyWhenChanged() throws Exception {
    String cuo = Envelopes.newCuo();
    assertThat(code(send(Envelopes.validDocument(cuo, pdf()), List.of()))).isEqualTo("0000");
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(cuo).singleResult().getId();
    String names = String.join("','", ReceptionProcess.RECORD_VARIABLES);

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_detail WHERE proc_inst_id_ = ? AND name_ IN ('"
        + names + "')", Integer.class, pi)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_varinst WHERE proc_inst_id_ = ? AND name_ IN ('"
        + names + "')", Integer.class, pi)).isZero();
    assertThat(jdbc.queryForObject("SELECT vasu FROM iotdtm_doc_externo e JOIN iotdtc_recepcion r"
        + " ON e.recepcion_id = r.id WHERE r.vcuo = ?", String.class, cuo))
        .isEqualTo("Implementación del Modelo de Gestión Documental");

    runtime.setVariable(pi, "subject", "Asunto corregido");
    runtime.setVariable(pi, "receptionNote", "nota");
    assertThat(jdbc.queryForList("SELECT text_ FROM act_hi_detail WHERE proc_inst_id_ = ? AND name_ = 'subject'",
        String.class, pi)).containsExactly("Asunto corregido");
    assertThat(jdbc.queryForList("SELECT text_ FROM act_hi_varinst WHERE proc_inst_id_ = ? AND name_ = 'subject'",
        String.class, pi)).containsExactly("Asunto corregido");
    assertThat(jdbc.queryForList("SELECT text_ FROM act_hi_detail WHERE proc_inst_id_ = ? AND name_ = 'receptionNote'",
        String.class, pi)).containsExactly("nota");

    // removing a copy that history never saw, and ending the process, are as with "full"
    runtime.removeVariable(pi, "folios");
    runtime.removeVariable(pi, "subject");
    assertThat(jdbc.queryForList("SELECT state_ FROM act_hi_varinst WHERE proc_inst_id_ = ? AND name_ = 'subject'",
        String.class, pi)).containsExactly("DELETED");
    runtime.deleteProcessInstance(pi, "prueba");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndTime()).isNotNull();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
    "vrucentrem | 20168999925 | vrucentrem (RUC de la entidad remitente): el dígito verificador no es válido",
    "vrucentrem | 2016899992 | vrucentrem (RUC de la entidad remitente): debe tener 11 dígitos",
    "vrucentrec | 20131377224 | vrucentrec (RUC de la entidad receptora): la entidad 20131377224 no recibe documentos en esta plataforma",
    "vcuo | 123456789 | vcuo (CUO): CUO no válido",
    "vcuoref | 12AB | vcuoref (CUO de referencia): CUO no válido",
    "ccodtipdoc | 99 | ccodtipdoc (tipo de documento): no es un tipo conocido",
    "dfecdoc | 2099-01-01T00:00:00-05:00 | dfecdoc (fecha del documento): no puede ser futura",
    "bpdfdoc | bm8gZXMgdW4gUERG | bpdfdoc (PDF del documento): no es un PDF",
    "bpdfdoc | NULL | bpdfdoc (PDF del documento): es obligatorio",
    "ctipdociderem | 3 | ctipdociderem (tipo de documento de identidad): debe ser 1 (DNI) o 2",
    "vnumdociderem | 1234567 | vnumdociderem (DNI del remitente): debe tener 8 dígitos",
    "snumanx | 2 | snumanx (número de anexos): indica 2 anexos pero lstanexos trae 0",
    "vasu | NULL | vasu (asunto): es obligatorio",
  })
  void refusesInvalidMetadataNamingTheFieldAndStoresNothing(String field, String value, String expected) throws Exception {
    String cuo = Envelopes.newCuo();
    Map<String, String> fields = Envelopes.validDocument(cuo, pdf());
    fields.put(field, "NULL".equals(value) ? null : value);
    if (field.equals("vcuo")) {
      cuo = value;
    }

    Http.Response response = send(fields, List.of());

    assertThat(code(response)).isEqualTo("-1");
    assertThat(message(response)).contains(expected);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM iotdtc_recepcion WHERE vcuo = ?", Integer.class, cuo)).isZero();
  }

  @Test
  void annexesNeedTheirUrlAndNames() throws Exception {
    String cuo = Envelopes.newCuo();
    Map<String, String> fields = Envelopes.validDocument(cuo, pdf());
    fields.put("snumanx", "2");

    Http.Response noUrl = send(fields, Envelopes.annexes(2));
    assertThat(code(noUrl)).isEqualTo("-1");
    assertThat(message(noUrl)).contains("vurldocanx (URL de anexos): es obligatoria cuando hay anexos");

    fields.put("vurldocanx", "https://sgd.pcm.gob.pe/wsiotramite/anexos?cuo=" + cuo);
    Http.Response ok = send(fields, Envelopes.annexes(2));
    assertThat(code(ok)).isEqualTo("0000");
    assertThat(jdbc.queryForList("SELECT a.vnomdoc FROM iotdtd_anexo a JOIN iotdtm_doc_externo d ON d.id = a.doc_externo_id"
        + " JOIN iotdtc_recepcion r ON r.id = d.recepcion_id WHERE r.vcuo = ? ORDER BY a.orden", String.class, cuo))
        .containsExactly("anexo-1.pdf", "anexo-2.pdf");
  }

  @Test
  void annexesAreDownloadedFromTheSenderAndAFailureBecomesAnIncident() throws Exception {
    com.sun.net.httpserver.HttpServer sender = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    java.util.List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());
    sender.createContext("/anexos", exchange -> {
      asked.add(exchange.getRequestURI().getQuery());
      boolean broken = exchange.getRequestURI().getQuery().contains("roto");
      byte[] body = broken ? new byte[0] : TestPki.unsignedPdf("Anexo " + exchange.getRequestURI().getQuery());
      exchange.sendResponseHeaders(broken ? 404 : 200, broken ? -1 : body.length);
      if (!broken) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    sender.start();
    try {
      String url = "http://127.0.0.1:" + sender.getAddress().getPort() + "/anexos";
      String cuo = Envelopes.newCuo();
      Map<String, String> fields = Envelopes.validDocument(cuo, pdf());
      fields.put("snumanx", "2");
      fields.put("vurldocanx", url);
      assertThat(code(send(fields, Envelopes.annexes(2)))).isEqualTo("0000");

      runJobs(cuo);

      assertThat(asked).contains("cuo=" + cuo + "&nombre=anexo-1.pdf", "cuo=" + cuo + "&nombre=anexo-2.pdf");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM iotdtd_anexo a JOIN iotdtm_doc_externo d ON d.id = a.doc_externo_id"
          + " JOIN iotdtc_recepcion r ON r.id = d.recepcion_id JOIN document doc ON doc.id = a.document_id"
          + " WHERE r.vcuo = ?", Integer.class, cuo)).isEqualTo(2);
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(cuo).singleResult().getTaskDefinitionKey())
          .isEqualTo("Task_ReceiveDocument");

      String failing = Envelopes.newCuo();
      Map<String, String> broken = Envelopes.validDocument(failing, pdf());
      broken.put("snumanx", "1");
      broken.put("vurldocanx", url);
      assertThat(code(send(broken, List.of("roto.pdf")))).isEqualTo("0000");
      String pid = jdbc.queryForObject("SELECT process_instance_id FROM iotdtc_recepcion WHERE vcuo = ?", String.class, failing);
      for (int attempt = 0; attempt < 5; attempt++) {
        var job = management.createJobQuery().processInstanceId(pid).singleResult();
        org.assertj.core.api.Assertions.catchThrowable(() -> management.executeJob(job.getId()));
      }
      var incident = runtime.createIncidentQuery().processInstanceId(pid).singleResult();
      assertThat(incident).isNotNull();
      assertThat(incident.getActivityId()).isEqualTo("Task_FetchAnnexes");
      assertThat(incident.getIncidentMessage()).contains("roto.pdf").contains("HTTP 404");
      assertThat(value(http.soap(PATH, Envelopes.consultar(failing)), "cflgest")).isEqualTo("P");
    } finally {
      sender.stop(0);
    }
  }

  @Test
  void theSameDocumentSentAgainIsReceivedOnce() throws Exception {
    String cuo = Envelopes.newCuo();
    Map<String, String> fields = Envelopes.validDocument(cuo, pdf());

    Http.Response first = send(fields, List.of());
    Http.Response again = send(fields, List.of());

    assertThat(code(first)).isEqualTo("0000");
    assertThat(code(again)).isEqualTo("0000");
    assertThat(message(again)).isEqualTo(message(first));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM iotdtc_recepcion WHERE vcuo = ?", Integer.class, cuo)).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(cuo).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE process_instance_id = ?", Integer.class,
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(cuo).singleResult().getId())).isEqualTo(1);
  }

  @Test
  void concurrentDeliveriesOfOneDocumentStoreItOnce() throws Exception {
    String cuo = Envelopes.newCuo();
    String envelope = Envelopes.recepcionar(Envelopes.validDocument(cuo, pdf()), List.of());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Http.Response>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> http.soap(PATH, envelope));
      }
      for (Future<Http.Response> result : pool.invokeAll(calls)) {
        assertThat(code(result.get())).isEqualTo("0000");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM iotdtc_recepcion WHERE vcuo = ?", Integer.class, cuo)).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(cuo).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document d JOIN iotdtd_doc_principal p ON p.document_id = d.id"
        + " JOIN iotdtm_doc_externo e ON e.id = p.doc_externo_id JOIN iotdtc_recepcion r ON r.id = e.recepcion_id"
        + " WHERE r.vcuo = ?", Integer.class, cuo)).isEqualTo(1);
  }

  @Test
  void mesaDePartesRegistersWithTheYearsNextNumberAndTheStatusQuerySaysSo() throws Exception {
    String first = Envelopes.newCuo();
    String second = Envelopes.newCuo();
    send(Envelopes.validDocument(first, pdf()), List.of());
    send(Envelopes.validDocument(second, pdf()), List.of());

    Http.Response pending = http.soap(PATH, Envelopes.consultar(first));
    assertThat(code(pending)).isEqualTo("0000");
    assertThat(value(pending, "cflgest")).isEqualTo("P");
    assertThat(value(pending, "vcuo")).isEqualTo(first);

    register(first, "GERENCIA MUNICIPAL");
    register(second, "SECRETARÍA GENERAL");

    Http.Response registered = http.soap(PATH, Envelopes.consultar(first));
    assertThat(value(registered, "cflgest")).isEqualTo("R");
    assertThat(value(registered, "vuniorgstd")).isEqualTo("GERENCIA MUNICIPAL");
    assertThat(value(registered, "vusuregstd")).isEqualTo("muni.mesapartes");
    assertThat(value(registered, "vanioregstd")).hasSize(4);
    int n1 = Integer.parseInt(value(registered, "vnumregstd"));
    int n2 = Integer.parseInt(value(http.soap(PATH, Envelopes.consultar(second)), "vnumregstd"));
    assertThat(n2).isEqualTo(n1 + 1);

    // the signed cargo is issued by its own job
    assertThat(value(registered, "bcarstd")).isNull();
    runJobs(first);
    byte[] cargo = java.util.Base64.getDecoder().decode(value(http.soap(PATH, Envelopes.consultar(first)), "bcarstd"));
    var signature = verifier.verify(cargo);
    assertThat(signature.status()).as(signature.message()).isEqualTo(pe.gob.pcm.platform.signature.SignatureStatus.VALID);
    assertThat(signature.signerName()).isEqualTo("Mesa de Partes Virtual - Municipalidad Distrital de Ejemplo (demostración)");
    // PAdES validated by DSS: timestamped by the configured TSA (platform.signature.tsa-url) and
    // extended to B-LT with the demo CA's and the TSA's revocation data
    assertThat(signature.signatures()).hasSize(1);
    assertThat(signature.signatures().get(0).timestampTime()).isNotNull();
    assertThat(signature.signatures().get(0).level()).isEqualTo("LT");
    assertThat(signature.message()).contains("(PAdES LT, sellada en tiempo el ");
    assertThat(text(cargo)).contains("CARGO DE RECEPCIÓN").contains(first).contains("RECEPCIONADO")
        .contains(value(registered, "vnumregstd") + "-" + value(registered, "vanioregstd"))
        .contains("GERENCIA MUNICIPAL").contains("muni.mesapartes");
    // next: its delivery through the PIDE, as its own job (DocumentExchangeIT follows it through)
    assertThat(management.createJobQuery().processInstanceId(jdbc.queryForObject(
        "SELECT process_instance_id FROM iotdtc_recepcion WHERE vcuo = ?", String.class, first))
        .activityId("Task_SendCargo").count()).isEqualTo(1);
  }

  @Test
  void mesaDePartesObservesWithAReason() throws Exception {
    String cuo = Envelopes.newCuo();
    send(Envelopes.validDocument(cuo, pdf()), List.of());
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(cuo).singleResult();

    actors.as("muni.mesapartes", () -> {
      tasks.claim(task.getId(), "muni.mesapartes");
      tasks.complete(task.getId(), Map.of("receptionDecision", "OBSERVAR",
          "receptionObservation", "El documento no está firmado."));
    });

    Http.Response observed = http.soap(PATH, Envelopes.consultar(cuo));
    assertThat(value(observed, "cflgest")).isEqualTo("O");
    assertThat(value(observed, "vobs")).isEqualTo("El documento no está firmado.");

    runJobs(cuo);
    byte[] cargo = java.util.Base64.getDecoder().decode(value(http.soap(PATH, Envelopes.consultar(cuo)), "bcarstd"));
    assertThat(verifier.verify(cargo).valid()).isTrue();
    assertThat(text(cargo)).contains("OBSERVADO").contains("El documento no está firmado.");
  }

  private void runJobs(String cuo) {
    String pid = jdbc.queryForObject("SELECT process_instance_id FROM iotdtc_recepcion WHERE vcuo = ?", String.class, cuo);
    for (var job : management.createJobQuery().processInstanceId(pid).list()) {
      management.executeJob(job.getId());
    }
  }

  private static String text(byte[] pdf) throws Exception {
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
    }
  }

  @Test
  void anUnknownCuoIsNotFoundAndAnUnknownCargoIsRefused() throws Exception {
    Http.Response query = http.soap(PATH, Envelopes.consultar("9999999999"));
    assertThat(code(query)).isEqualTo("0001");
    assertThat(message(query)).isEqualTo("DATOS NO ENCONTRADOS");

    Http.Response cargo = http.soap(PATH, Envelopes.cargo("9999999999"));
    assertThat(code(cargo)).isEqualTo("-1");
    assertThat(message(cargo)).isEqualTo("NO SE PUDO REGISTRAR EL CARGO");
  }

  /** The PDF's Base64 is checked as strictly as the contract's base64Binary (StrictBase64). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "JVBERi0% | el carácter '%' (posición 8) no pertenece al alfabeto Base64",
    "JVBERi0 | tiene 7 caracteres, no un múltiplo de 4",
    "QR== | el último grupo tiene bits sobrantes",
    "JV=BERi0 | hay caracteres después del relleno",
  })
  void invalidBase64GetsAFaultNamingTheProblemAndStoresNothing(String base64, String expected) throws Exception {
    String cuo = Envelopes.newCuo();
    Map<String, String> fields = new java.util.LinkedHashMap<>(Envelopes.validDocument(cuo, pdf()));
    fields.put("bpdfdoc", base64);

    Http.Response response = http.soap(PATH, Envelopes.recepcionar(fields, List.of()));

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.body()).contains("El mensaje no cumple el esquema del contrato wsiotramite")
        .contains("contenido Base64 no válido").contains(expected).doesNotContain("at org.");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM iotdtc_recepcion WHERE vcuo = ?", Integer.class, cuo)).isZero();
  }

  @Test
  void malformedAndHostileXmlGetsAFaultWithoutInternals() throws Exception {
    Http.Response malformed = http.soap(PATH, "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><ws:recep");
    assertThat(malformed.status()).isEqualTo(500);
    assertThat(malformed.body()).contains("Fault").doesNotContain("at org.").doesNotContain("Exception:");

    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + Envelopes.envelope("<ws:consultarTramiteResponse><request>&x;</request></ws:consultarTramiteResponse>");
    Http.Response attack = http.soap(PATH, xxe);
    assertThat(attack.status()).isEqualTo(500);
    assertThat(attack.body()).contains("Fault").doesNotContain("root:").doesNotContain("at org.");

    StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">");
    for (int i = 1; i < 10; i++) {
      bomb.append("<!ENTITY ").append((char) ('a' + i)).append(" \"");
      for (int j = 0; j < 10; j++) {
        bomb.append('&').append((char) ('a' + i - 1)).append(';');
      }
      bomb.append("\">");
    }
    bomb.append("]>").append(Envelopes.envelope("<ws:consultarTramiteResponse><request>&j;</request></ws:consultarTramiteResponse>"));
    Http.Response expansion = http.soap(PATH, bomb.toString());
    assertThat(expansion.status()).isEqualTo(500);
    assertThat(expansion.body()).contains("Fault").doesNotContain("aaaaaaaaaa");
  }

  // ---- helpers

  private void register(String cuo, String unit) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(cuo).singleResult();
    actors.as("muni.mesapartes", () -> {
      tasks.claim(task.getId(), "muni.mesapartes");
      tasks.complete(task.getId(), Map.of("receptionDecision", "REGISTRAR", "receptionUnit", unit));
    });
  }

  private Http.Response send(Map<String, String> fields, List<String> annexes) {
    Http.Response response = http.soap(PATH, Envelopes.recepcionar(fields, annexes));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response;
  }

  private static byte[] pdf() {
    return TestPki.unsignedPdf("Oficio " + System.nanoTime());
  }

  static String code(Http.Response response) throws Exception {
    return value(response, "vcodres");
  }

  static String message(Http.Response response) throws Exception {
    return value(response, "vdesres");
  }

  static String value(Http.Response response, String element) throws Exception {
    NodeList nodes = parse(response.body()).getElementsByTagNameNS("*", element);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> attributes(Document doc, String tag, String attribute) {
    return attributes(doc.getDocumentElement(), tag, attribute);
  }

  private static List<String> attributes(Element scope, String tag, String attribute) {
    List<String> values = new ArrayList<>();
    NodeList nodes = scope.getElementsByTagNameNS("*", tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element element = (Element) nodes.item(i);
      if (element.hasAttribute(attribute)) {
        values.add(element.getAttribute(attribute));
      }
    }
    return values;
  }

  private static Element complexType(Document doc, String name) {
    NodeList types = doc.getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "complexType");
    for (int i = 0; i < types.getLength(); i++) {
      Element type = (Element) types.item(i);
      if (name.equals(type.getAttribute("name"))) {
        return type;
      }
    }
    throw new AssertionError("El WSDL no declara el tipo " + name);
  }

  private static List<String> sequence(Document doc, String typeName) {
    List<String> names = new ArrayList<>();
    NodeList elements = complexType(doc, typeName).getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "element");
    for (int i = 0; i < elements.getLength(); i++) {
      names.add(((Element) elements.item(i)).getAttribute("name"));
    }
    return names;
  }

  private static Map<String, String> types(Document doc, String typeName) {
    Map<String, String> types = new java.util.LinkedHashMap<>();
    NodeList elements = complexType(doc, typeName).getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "element");
    for (int i = 0; i < elements.getLength(); i++) {
      Element e = (Element) elements.item(i);
      types.put(e.getAttribute("name"), e.getAttribute("type"));
    }
    return types;
  }
}

package pe.gob.pcm.platform.mpv;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static pe.gob.pcm.platform.mpv.MpvProcess.*;
import static pe.gob.pcm.platform.support.Refusals.assertRefused;
import static pe.gob.pcm.platform.support.TaskDriver.vars;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.document.StoredDocument;
import pe.gob.pcm.platform.pide.PideDirectory;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TaskDriver;
import pe.gob.pcm.platform.support.TestPki;

/**
 * One test per path of the MPV model, through the real engine, database and HTTP: the
 * conformance suite really calls the platform's own wsiotramite (or a careless double).
 */
@PlatformTest
class MpvProcessIT {

  static final String ENTITY_TI = "muni.ti";
  static final String ENTITY_TRAMITE = "muni.tramite";
  static final String SGTD = "sgtd.mesaayuda";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TaskDriver driver;
  @Autowired Actors actors;
  @Autowired DocumentStore documents;
  @Autowired pe.gob.pcm.platform.signature.PdfSignatureVerifier verifier;
  @Autowired MpvMapper runs;
  @Autowired PideDirectory directory;
  @Autowired JdbcTemplate jdbc;
  @Autowired pe.gob.pcm.platform.tramite.Dispatches dispatches;

  private final List<String> started = new java.util.ArrayList<>();

  @BeforeEach
  void setUp() {
    init(engine);
  }

  @AfterEach
  void forgetDirectoryEntries() {
    // The directory outlives the test (PostgreSQL): leave it as the other tests expect it.
    for (String id : started) {
      jdbc.update("DELETE FROM pide_directorio WHERE process_instance_id = ?", id);
    }
  }

  String ownUrl() {
    return "http://127.0.0.1:" + port + "/wsiotramite/Tramite";
  }

  Map<String, Object> request(String devUrl) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(ENTITY_RUC, Actors.MUNI_RUC);
    vars.put(ENTITY_NAME, "Municipalidad Distrital de Ejemplo (demostración)");
    vars.put(ENTITY_CATEGORY, "8");
    vars.put(SGD_TYPE, SGD_OWN);
    vars.put(DEV_URL, devUrl);
    vars.put(TECH_NAME, "Carlos Huamán Ríos");
    vars.put(TECH_DNI, "41234567");
    vars.put(TECH_EMAIL, "chuaman@muniejemplo.gob.pe");
    vars.put(TECH_MOBILE, "987111222");
    vars.put(ADMIN_NAME, "Lucía Torres Paredes");
    vars.put(ADMIN_DNI, "42345678");
    vars.put(ADMIN_EMAIL, "ltorres@muniejemplo.gob.pe");
    vars.put(ADMIN_MOBILE, "987333444");
    return vars;
  }

  /** Starts as the entity's IT and lets the platform run the suite (the async job). */
  ProcessInstance start(String devUrl) {
    ProcessInstance pi = actors.as(ENTITY_TI, () -> runtime.startProcessInstanceByKey(KEY, request(devUrl)));
    started.add(pi.getId());
    assertThat(pi).isWaitingAt("Task_RunSuite");
    execute(job());
    return pi;
  }

  Object variable(ProcessInstance pi, String name) {
    return runtime.getVariable(pi.getId(), name);
  }

  /** Conforming review and administrative test: the acta is generated and waits for two signatures. */
  ProcessInstance untilActa() {
    ProcessInstance pi = start(ownUrl());
    driver.complete(SGTD, pi, "Task_ReviewReport", vars(REVIEW_DECISION, CONFORMING));
    adminTest(pi);
    driver.complete(SGTD, pi, "Task_AdminTestSgtd", vars(ADMIN_TEST_DECISION, CONFIRM));
    return pi;
  }

  /**
   * The entity's side of the administrative test: its SGD (the municipality on this platform)
   * sends a test document to the PCM, and the entity reports it; the platform tests the cargo.
   */
  String adminTest(ProcessInstance pi) {
    String sent = dispatches.deliveredToPcm("OFICIO N° 900-2026-MDE/PRUEBA-MPV");
    driver.complete(ENTITY_TRAMITE, pi, "Task_AdminTestEntity", vars(ADMIN_TEST_REGISTRATION, "2026-000123",
        ADMIN_TEST_CARGO_RETURNED, true, ADMIN_TEST_SENT_CUO, sent));
    assertThat(pi).isWaitingAt("Task_VerifyCargo");
    execute(job(pi));
    assertThat(pi).isWaitingAt("Task_AdminTestSgtd");
    return sent;
  }

  /** The head of TI signs the acta as generated. */
  String signedActa(ProcessInstance pi, String user, String signer) {
    byte[] acta = documents.content((String) variable(pi, ACTA_DOCUMENT));
    return upload(user, "acta-firmada-" + signer + ".pdf", TestPki.sign(acta, signer));
  }

  /** The head of Trámite adds a signature to the copy the head of TI signed. */
  String countersignedActa(ProcessInstance pi, String user, String signer) {
    byte[] tiCopy = documents.content((String) variable(pi, ACTA_TI_DOCUMENT));
    return upload(user, "acta-firmada-ti-y-" + signer + ".pdf", TestPki.sign(tiCopy, signer));
  }

  String upload(String user, String name, byte[] pdf) {
    var u = actors.user(user);
    return documents.storePdf(u.id(), u.entityRuc(), name, pdf).id();
  }

  ProcessInstance untilGoLiveRequest() {
    ProcessInstance pi = untilActa();
    driver.complete(ENTITY_TI, pi, "Task_SignActaTi", vars(ACTA_TI_DOCUMENT, signedActa(pi, ENTITY_TI, "Jefe TI Muni")));
    driver.complete(ENTITY_TRAMITE, pi, "Task_SignActaTramite",
        vars(ACTA_TRAMITE_DOCUMENT, countersignedActa(pi, ENTITY_TRAMITE, "Jefa Tramite Muni")));
    assertThat(pi).isWaitingAt("Task_RequestGoLive");
    return pi;
  }

  static String inDays(int days) {
    return LocalDate.now(ZoneId.of("America/Lima")).plusDays(days).toString();
  }

  @Test
  void allConformingEndsInProductionOnThePlannedDate() {
    ProcessInstance pi = start(ownUrl());

    assertThat(pi).isWaitingAt("Task_ReviewReport").hasPassed("Task_RunSuite");
    // the responsibles' DNI, e-mail and mobile: sealed in the running instance, never in the history
    for (String personal : List.of(TECH_DNI, TECH_EMAIL, TECH_MOBILE, ADMIN_DNI, ADMIN_EMAIL, ADMIN_MOBILE)) {
      Assertions.assertThat((String) variable(pi, personal)).as(personal).startsWith("v1:test:");
    }
    Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = ?"
        + " AND (TEXT_ LIKE '%41234567%' OR TEXT_ LIKE '%muniejemplo%' OR TEXT_ LIKE '%987111222%')",
        Integer.class, pi.getId())).isZero();
    Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ?"
        + " AND NAME_ IN ('techDni', 'techEmail', 'techMobile', 'adminDni', 'adminEmail', 'adminMobile')",
        Integer.class, pi.getId())).isZero();
    assertThat(driver.taskAt(pi, "Task_ReviewReport")).hasCandidateGroup("sgtd-mesa-ayuda");
    Assertions.assertThat(pi.getTenantId()).isEqualTo(Actors.MUNI_RUC);
    Assertions.assertThat(pi.getBusinessKey()).startsWith("MPV-" + Actors.MUNI_RUC + "-");
    Assertions.assertThat(variable(pi, PASSED)).isEqualTo(true);
    Assertions.assertThat((String) variable(pi, SUMMARY)).startsWith("9 de 9 verificaciones conformes - ronda 1");
    SpinJsonNode checks = (SpinJsonNode) variable(pi, CHECKS);
    Assertions.assertThat(checks.elements()).hasSize(9)
        .allSatisfy(row -> Assertions.assertThat(row.prop("resultado").stringValue()).isEqualTo("Conforme"));
    StoredDocument report = documents.find((String) variable(pi, REPORT_DOCUMENT)).orElseThrow();
    Assertions.assertThat(report.processInstanceId()).isEqualTo(pi.getId());
    Assertions.assertThat(report.tenantId()).isEqualTo(Actors.MUNI_RUC);
    // sealed by the PCM (PAdES with a timestamp), verified by the platform's own verifier (DSS)
    pe.gob.pcm.platform.signature.SignatureVerification seal = verifier.verify(documents.content(report.id()));
    Assertions.assertThat(seal.valid()).as(seal.message()).isTrue();
    Assertions.assertThat(seal.signatures()).hasSize(1);
    Assertions.assertThat(seal.signatures().get(0).level()).contains("T");
    Assertions.assertThat(seal.signatures().get(0).timestampTime()).isNotNull();
    Assertions.assertThat(MpvChecks.containsText(documents.content(report.id()), "INFORME DE PRUEBAS DE INTEROPERABILIDAD"))
        .isTrue();
    Assertions.assertThat(runs.runsOf(pi.getId())).singleElement()
        .satisfies(run -> Assertions.assertThat(run.passed()).isEqualTo(9));
    // Another entity's users see nothing of it.
    Assertions.assertThat(actors.as("pcm.ti", () -> tasks.createTaskQuery().processInstanceId(pi.getId()).count()))
        .isZero();

    driver.complete(SGTD, pi, "Task_ReviewReport", vars(REVIEW_DECISION, CONFORMING));
    assertThat(driver.taskAt(pi, "Task_AdminTestEntity")).hasCandidateGroup("tramite-documentario");
    Assertions.assertThat(variable(pi, TEST_CUO)).asString().matches("\\d{10}");
    String sent = adminTest(pi);
    Assertions.assertThat(variable(pi, CARGO_PASSED)).isEqualTo(true);
    Assertions.assertThat((String) variable(pi, CARGO_SUMMARY)).startsWith("2 de 2 verificaciones conformes");
    Assertions.assertThat(((SpinJsonNode) variable(pi, CARGO_CHECKS)).elements())
        .extracting(row -> row.prop("verificacion").stringValue())
        .containsExactly("Acepta el cargo del documento de prueba que envió a la PCM (0000)",
            "Rechaza el mismo cargo enviado otra vez (-1)");
    // The entity's dispatch got the PCM's cargo; the PCM's reception of the test document is closed.
    Assertions.assertThat(jdbc.queryForObject("SELECT cflgest FROM iotdtc_despacho WHERE vcuo = ?", String.class, sent))
        .isEqualTo("R");
    Map<String, Object> reception = jdbc.queryForMap("SELECT * FROM iotdtc_recepcion WHERE vcuo = ?", sent);
    Assertions.assertThat(reception.get("cflgest")).isEqualTo("R");
    Assertions.assertThat(reception.get("vnumregstd")).isEqualTo("MPV-PRUEBA");
    Assertions.assertThat(runtime.createProcessInstanceQuery()
        .processInstanceId((String) reception.get("process_instance_id")).count()).isZero();
    Assertions.assertThat(documents.find((String) variable(pi, CARGO_REPORT_DOCUMENT)).orElseThrow().processInstanceId())
        .isEqualTo(pi.getId());
    driver.complete(SGTD, pi, "Task_AdminTestSgtd", vars(ADMIN_TEST_DECISION, CONFIRM));

    // TI signs first, then Trámite adds its signature to the same PDF
    assertThat(pi).hasPassed("Task_GenerateActa").isWaitingAt("Task_SignActaTi").isNotWaitingAt("Task_SignActaTramite");
    assertThat(driver.taskAt(pi, "Task_SignActaTi")).hasCandidateGroup("ti");
    byte[] acta = documents.content((String) variable(pi, ACTA_DOCUMENT));
    Assertions.assertThat(MpvChecks.containsText(acta, pi.getBusinessKey())).isTrue();
    Assertions.assertThat(MpvChecks.containsText(acta, "2026-000123")).isTrue();
    // the acta carries the responsibles' DNI, opened from the sealed variables
    Assertions.assertThat(MpvChecks.containsText(acta, "Carlos Huamán Ríos, DNI 41234567")).isTrue();
    Assertions.assertThat(MpvChecks.containsText(acta, "Lucía Torres Paredes, DNI 42345678")).isTrue();

    driver.complete(ENTITY_TI, pi, "Task_SignActaTi", vars(ACTA_TI_DOCUMENT, signedActa(pi, ENTITY_TI, "Jefe TI Muni")));
    assertThat(pi).isWaitingAt("Task_SignActaTramite").isNotWaitingAt("Task_RequestGoLive");
    assertThat(driver.taskAt(pi, "Task_SignActaTramite")).hasCandidateGroup("tramite-documentario");
    Assertions.assertThat(variable(pi, "actaTiSignatureSummary")).asString()
        .startsWith("Firma válida de Jefe TI Muni (PAdES LT, sellada en tiempo el ");
    driver.complete(ENTITY_TRAMITE, pi, "Task_SignActaTramite",
        vars(ACTA_TRAMITE_DOCUMENT, countersignedActa(pi, ENTITY_TRAMITE, "Jefa Tramite Muni")));

    assertThat(pi).isWaitingAt("Task_RequestGoLive");
    Assertions.assertThat(variable(pi, "actaTiSigner")).asString().contains("Jefe TI Muni");
    Assertions.assertThat(variable(pi, "actaTramiteSigner")).isEqualTo("Jefe TI Muni; Jefa Tramite Muni");
    Assertions.assertThat(variable(pi, "actaTramiteSignatureSummary")).asString()
        .contains("Firma válida de Jefe TI Muni").contains("Firma válida de Jefa Tramite Muni");
    // the result stays with the document: both signatures, in order, with their level
    var stored = documents.signatures((String) variable(pi, ACTA_TRAMITE_DOCUMENT));
    Assertions.assertThat(stored).extracting(pe.gob.pcm.platform.signature.SignatureCheck::signerName)
        .containsExactly("Jefe TI Muni", "Jefa Tramite Muni");
    Assertions.assertThat(stored).extracting(pe.gob.pcm.platform.signature.SignatureCheck::level)
        .containsOnly("LT");
    Assertions.assertThat(stored).allMatch(pe.gob.pcm.platform.signature.SignatureCheck::valid);
    Assertions.assertThat(stored.get(0).timestampTime()).isNotNull();
    Assertions.assertThat(variable(pi, SGTD_SPECIALIST)).isEqualTo("Mesa de Ayuda SGTD PCM");

    String productionUrl = "http://127.0.0.1:" + port + "/wsiotramite/Tramite";
    driver.complete(ENTITY_TI, pi, "Task_RequestGoLive", vars(PRODUCTION_URL, productionUrl, GO_LIVE_DATE, inDays(2)));
    driver.complete(SGTD, pi, "Task_ApproveGoLive", vars(GO_LIVE_DECISION, APPROVE));

    assertThat(pi).isWaitingAt("Event_GoLiveDate");
    Date due = job().getDuedate();
    Assertions.assertThat(due.toInstant().atZone(ZoneId.of("America/Lima")).toLocalDate().toString()).isEqualTo(inDays(2));
    Assertions.assertThat(directory.registered(Actors.MUNI_RUC)).isEmpty();

    execute(job());

    assertThat(pi).isEnded().hasPassed("Task_RegisterProduction", "EndEvent_InProduction");
    Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName(OUTCOME).singleResult().getValue()).isEqualTo("EN_PRODUCCION");
    Assertions.assertThat(directory.registered(Actors.MUNI_RUC)).get()
        .satisfies(entry -> {
          Assertions.assertThat(entry.url()).isEqualTo(productionUrl);
          Assertions.assertThat(entry.category()).isEqualTo(8);
          Assertions.assertThat(entry.processInstanceId()).isEqualTo(pi.getId());
        });
  }

  @Test
  void aNonConformingServiceIsFixedAndTestedAgain() {
    try (CarelessWsIoTramite careless = new CarelessWsIoTramite()) {
      ProcessInstance pi = start(careless.url());

      Assertions.assertThat(variable(pi, PASSED)).isEqualTo(false);
      Assertions.assertThat((String) variable(pi, SUMMARY)).startsWith("3 de 9 verificaciones conformes (6 no conformes)");
      SpinJsonNode checks = (SpinJsonNode) variable(pi, CHECKS);
      Assertions.assertThat(checks.elements().get(0).prop("motivo").stringValue()).contains("vrucentremitente");

      assertRefused(() -> driver.complete(SGTD, pi, "Task_ReviewReport", vars(REVIEW_DECISION, CONFORMING)),
          "Decisión: el informe tiene verificaciones no conformes");
      assertRefused(() -> driver.complete(SGTD, pi, "Task_ReviewReport", vars(REVIEW_DECISION, NOT_CONFORMING)),
          "Observación o motivo: es obligatorio");
      driver.complete(SGTD, pi, "Task_ReviewReport", vars(REVIEW_DECISION, NOT_CONFORMING,
          REVIEW_OBSERVATION, "El WSDL no sigue el contrato y el servicio acepta documentos inválidos."));

      assertThat(driver.taskAt(pi, "Task_FixService")).hasCandidateGroup("ti");
      assertRefused(() -> driver.complete(ENTITY_TI, pi, "Task_FixService", vars(DEV_URL, "sgd.muni/wsiotramite")),
          "URL del servicio de desarrollo: debe empezar con http:// o https://");
      driver.complete(ENTITY_TI, pi, "Task_FixService", vars(DEV_URL, ownUrl(), CORRECTION_NOTE, "Se corrigió el WSDL."));

      assertThat(pi).isWaitingAt("Task_RunSuite");
      execute(job());
      assertThat(pi).isWaitingAt("Task_ReviewReport");
      Assertions.assertThat(variable(pi, ROUND)).isEqualTo(2);
      Assertions.assertThat(variable(pi, PASSED)).isEqualTo(true);
      Assertions.assertThat(runs.runsOf(pi.getId())).extracting(MpvMapper.TestRun::failed).containsExactly(6, 0);
      Assertions.assertThat(runs.runsOf(pi.getId())).extracting(MpvMapper.TestRun::reportDocumentId)
          .doesNotHaveDuplicates();
      driver.complete(SGTD, pi, "Task_ReviewReport", vars(REVIEW_DECISION, CONFORMING));
      assertThat(pi).isWaitingAt("Task_AdminTestEntity");
    }
  }

  @Test
  void theAdministrativeTestNeedsADocumentTheEntitySentAndAServiceThatRefusesARepeatedCargo() {
    ProcessInstance pi = start(ownUrl());
    driver.complete(SGTD, pi, "Task_ReviewReport", vars(REVIEW_DECISION, CONFORMING));
    Map<String, Object> answer = vars(ADMIN_TEST_REGISTRATION, "2026-000124", ADMIN_TEST_CARGO_RETURNED, true);

    answer.put(ADMIN_TEST_SENT_CUO, "12345");
    assertRefused(() -> driver.complete(ENTITY_TRAMITE, pi, "Task_AdminTestEntity", answer),
        "CUO del documento que su SGD envió a la PCM: debe tener 10 dígitos");
    answer.put(ADMIN_TEST_SENT_CUO, "9999999999");
    assertRefused(() -> driver.complete(ENTITY_TRAMITE, pi, "Task_AdminTestEntity", answer),
        "la PCM no ha recibido de su entidad un documento con ese CUO");
    assertThat(pi).isWaitingAt("Task_AdminTestEntity");

    // The entity's service now accepts any cargo, even a repeated one: the SGTD cannot confirm.
    try (CarelessWsIoTramite careless = new CarelessWsIoTramite()) {
      runtime.setVariable(pi.getId(), DEV_URL, careless.url());
      adminTest(pi);
      Assertions.assertThat(variable(pi, CARGO_PASSED)).isEqualTo(false);
      Assertions.assertThat(((SpinJsonNode) variable(pi, CARGO_CHECKS)).elements().get(1).prop("motivo").stringValue())
          .startsWith("se esperaba vcodres -1 y respondió 0000");
      assertRefused(() -> driver.complete(SGTD, pi, "Task_AdminTestSgtd", vars(ADMIN_TEST_DECISION, CONFIRM)),
          "Decisión: las pruebas de cargo no son conformes");
      driver.complete(SGTD, pi, "Task_AdminTestSgtd", vars(ADMIN_TEST_DECISION, OBSERVE,
          ADMIN_TEST_OBSERVATION, "Su servicio aceptó el cargo repetido."));
    }
    // Fixed: the entity sends another test document; a document already worked by the PCM is refused.
    runtime.setVariable(pi.getId(), DEV_URL, ownUrl());
    String worked = (String) variable(pi, ADMIN_TEST_SENT_CUO);
    answer.put(ADMIN_TEST_SENT_CUO, worked);
    assertRefused(() -> driver.complete(ENTITY_TRAMITE, pi, "Task_AdminTestEntity", answer),
        "ese documento ya fue atendido por la Mesa de Partes de la PCM");
    adminTest(pi);
    Assertions.assertThat(variable(pi, CARGO_PASSED)).isEqualTo(true);
    driver.complete(SGTD, pi, "Task_AdminTestSgtd", vars(ADMIN_TEST_DECISION, CONFIRM));
    assertThat(pi).isWaitingAt("Task_SignActaTi").isNotWaitingAt("Task_SignActaTramite");
  }

  @Test
  void theActaNeedsBothValidSignaturesOnTheSameCopy() {
    ProcessInstance pi = untilActa();

    // TI: a copy of the acta without a signature is verified, found unsigned, back to the signer
    String unsignedCopy = upload(ENTITY_TI, "acta-sin-firma.pdf", documents.content((String) variable(pi, ACTA_DOCUMENT)));
    driver.complete(ENTITY_TI, pi, "Task_SignActaTi", vars(ACTA_TI_DOCUMENT, unsignedCopy));
    assertThat(pi).hasPassed("Task_VerifyActaTi").isWaitingAt("Task_SignActaTi");
    Assertions.assertThat(variable(pi, "actaTiSignatureValid")).isEqualTo(false);
    Assertions.assertThat(variable(pi, "actaTiSignatureProblem")).asString().contains("no tiene firma");
    driver.complete(ENTITY_TI, pi, "Task_SignActaTi", vars(ACTA_TI_DOCUMENT, signedActa(pi, ENTITY_TI, "Jefe TI Muni")));
    assertThat(pi).isWaitingAt("Task_SignActaTramite");

    // The acta as generated, unsigned, is refused outright; so is any other PDF, the TI copy as
    // it is, and an acta signed by Trámite alone (not on the TI copy).
    assertRefused(() -> driver.complete(ENTITY_TRAMITE, pi, "Task_SignActaTramite",
        vars(ACTA_TRAMITE_DOCUMENT, variable(pi, ACTA_DOCUMENT))), "es el acta sin firmar");
    String other = upload(ENTITY_TRAMITE, "otro.pdf", TestPki.signedPdf("Otro documento", "Jefa Tramite Muni"));
    assertRefused(() -> driver.complete(ENTITY_TRAMITE, pi, "Task_SignActaTramite", vars(ACTA_TRAMITE_DOCUMENT, other)),
        "no es el acta de conformidad " + pi.getBusinessKey());
    String tiCopyAgain = upload(ENTITY_TRAMITE, "acta-ti.pdf", documents.content((String) variable(pi, ACTA_TI_DOCUMENT)));
    assertRefused(() -> driver.complete(ENTITY_TRAMITE, pi, "Task_SignActaTramite",
        vars(ACTA_TRAMITE_DOCUMENT, tiCopyAgain)), "no es la copia firmada por el jefe de TI con una firma más");
    String alone = signedActa(pi, ENTITY_TRAMITE, "Jefa Tramite Muni");
    assertRefused(() -> driver.complete(ENTITY_TRAMITE, pi, "Task_SignActaTramite", vars(ACTA_TRAMITE_DOCUMENT, alone)),
        "no es la copia firmada por el jefe de TI con una firma más");

    // The same person signing twice: verified, refused, back to Trámite.
    driver.complete(ENTITY_TRAMITE, pi, "Task_SignActaTramite",
        vars(ACTA_TRAMITE_DOCUMENT, countersignedActa(pi, ENTITY_TRAMITE, "Jefe TI Muni")));
    assertThat(pi).hasPassed("Task_VerifyActaTramite").isWaitingAt("Task_SignActaTramite")
        .isNotWaitingAt("Task_RequestGoLive");
    Assertions.assertThat(variable(pi, "actaTramiteSignatureValid")).isEqualTo(false);
    Assertions.assertThat(variable(pi, "actaTramiteSignatureProblem")).asString().contains("una misma persona");

    // The TI copy changed (a page) before Trámite signs: the first signature no longer holds.
    byte[] changed = TestPki.sign(TestPki.changePage(documents.content((String) variable(pi, ACTA_TI_DOCUMENT)),
        "Conformidad retirada"), "Jefa Tramite Muni");
    driver.complete(ENTITY_TRAMITE, pi, "Task_SignActaTramite",
        vars(ACTA_TRAMITE_DOCUMENT, upload(ENTITY_TRAMITE, "acta-cambiada.pdf", changed)));
    assertThat(pi).isWaitingAt("Task_SignActaTramite");
    Assertions.assertThat(variable(pi, "actaTramiteSignatureProblem")).asString()
        .contains("Firma 1 de 2").contains("modificado después de la firma de Jefe TI Muni");

    driver.complete(ENTITY_TRAMITE, pi, "Task_SignActaTramite",
        vars(ACTA_TRAMITE_DOCUMENT, countersignedActa(pi, ENTITY_TRAMITE, "Jefa Tramite Muni")));
    assertThat(pi).isWaitingAt("Task_RequestGoLive");
    Assertions.assertThat(variable(pi, "actaTiSignatureValid")).isEqualTo(true);
    Assertions.assertThat(variable(pi, "actaTramiteSignatureValid")).isEqualTo(true);
  }

  @Test
  void aGoLiveDateLessThanTwoDaysAwayIsRefusedWithTheReason() {
    ProcessInstance pi = untilGoLiveRequest();

    for (String early : List.of(inDays(1), inDays(0), inDays(-3))) {
      assertRefused(() -> driver.complete(ENTITY_TI, pi, "Task_RequestGoLive",
          vars(PRODUCTION_URL, ownUrl(), GO_LIVE_DATE, early)),
          "Fecha prevista de pase a producción: debe ser al menos 2 días posterior a la solicitud");
    }
    assertRefused(() -> driver.complete(ENTITY_TI, pi, "Task_RequestGoLive",
        vars(PRODUCTION_URL, ownUrl(), GO_LIVE_DATE, "30/12/2026")), "no es una fecha");
    assertThat(pi).isWaitingAt("Task_RequestGoLive");

    driver.complete(ENTITY_TI, pi, "Task_RequestGoLive", vars(PRODUCTION_URL, ownUrl(), GO_LIVE_DATE, inDays(3)));
    assertThat(pi).isWaitingAt("Task_ApproveGoLive");
  }

  @Test
  void theSgtdRejectsTheGoLiveWithAReason() {
    ProcessInstance pi = untilGoLiveRequest();
    driver.complete(ENTITY_TI, pi, "Task_RequestGoLive", vars(PRODUCTION_URL, ownUrl(), GO_LIVE_DATE, inDays(5)));

    assertRefused(() -> driver.complete(SGTD, pi, "Task_ApproveGoLive", vars(GO_LIVE_DECISION, REJECT)),
        "Observación o motivo: es obligatorio");
    driver.complete(SGTD, pi, "Task_ApproveGoLive",
        vars(GO_LIVE_DECISION, REJECT, GO_LIVE_OBSERVATION, "La URL de producción no es de la entidad."));

    assertThat(driver.taskAt(pi, "Task_NotifyRejection")).isAssignedTo(ENTITY_TI);
    Assertions.assertThat(variable(pi, REJECTION_REASON)).asString().contains("La URL de producción no es de la entidad.");
    driver.complete(ENTITY_TI, pi, "Task_NotifyRejection", Map.of());
    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("Task_RegisterProduction");
    Assertions.assertThat(directory.registered(Actors.MUNI_RUC)).isEmpty();
  }

  @Test
  void theSgtdCanRejectAtTheReportReview() {
    ProcessInstance pi = start(ownUrl());
    driver.complete(SGTD, pi, "Task_ReviewReport",
        vars(REVIEW_DECISION, REJECT, REVIEW_OBSERVATION, "La entidad no tiene SGD interoperable."));
    driver.complete(ENTITY_TI, pi, "Task_NotifyRejection", Map.of());
    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("Task_AdminTestEntity");
  }

  @Test
  void aBadRequestIsRefusedFieldByFieldAndStartsNothing() {
    Map<String, Object> bad = request("ftp://sgd.muni.gob.pe/Tramite");
    bad.put(ENTITY_RUC, "20601234566");
    bad.put(TECH_DNI, "1234");
    bad.put(ADMIN_MOBILE, "887333444");
    bad.put(TECH_EMAIL, "chuaman@");
    bad.put(ENTITY_CATEGORY, "9");
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();

    assertRefused(() -> actors.as(ENTITY_TI, () -> runtime.startProcessInstanceByKey(KEY, bad)),
        "RUC de la entidad: el dígito verificador no es válido",
        "DNI del responsable de la prueba técnica: debe tener 8 dígitos",
        "Celular del responsable de la prueba administrativa: debe tener 9 dígitos y empezar con 9",
        "Correo del responsable de la prueba técnica: no es un correo electrónico válido",
        "Tipo de entidad: elija el tipo de entidad de la lista",
        "URL del servicio de desarrollo: debe empezar con http:// o https://");
    Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
  }
}

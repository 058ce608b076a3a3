package pe.gob.pcm.platform.pgo;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static pe.gob.pcm.platform.pgo.PgoProcess.*;
import static pe.gob.pcm.platform.support.Refusals.assertRefused;
import static pe.gob.pcm.platform.support.TaskDriver.vars;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.calendar.BusinessCalendar;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TaskDriver;
import pe.gob.pcm.platform.support.TestPki;

/** One test per path of the ROF/MOP cycle, through the real engine and database. */
@PlatformTest
class PgoProcessIT {

  static final String MUNI_OGPP = "muni.ogpp";
  static final String MUNI_LEGAL = "muni.legal";
  static final String PCM_OGPP = "pcm.ogpp";
  static final String PCM_LEGAL = "pcm.legal";
  static final String EVALUATOR = "sgp.evaluador";
  static final String SUPERVISOR = "sgp.supervisor";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired TaskDriver driver;
  @Autowired Actors actors;
  @Autowired DocumentStore documents;
  @Autowired PgoMapper mapper;
  @Autowired BusinessCalendar calendar;
  @Autowired PgoStructures structures;

  @BeforeEach
  void setUp() {
    init(engine);
  }

  Object variable(ProcessInstance pi, String name) {
    return runtime.getVariable(pi.getId(), name);
  }

  /** The expediente's id, also once the process has ended (from history). */
  long expediente(ProcessInstance pi) {
    return ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(EXPEDIENTE_ID).singleResult().getValue()).longValue();
  }

  ProcessInstance startMunicipality() {
    return actors.as(MUNI_OGPP, () -> runtime.startProcessInstanceByKey(KEY, vars(
        ENTITY_RUC, Actors.MUNI_RUC, ENTITY_NAME, "Municipalidad Distrital de Ejemplo (demostración)",
        ENTITY_CATEGORY, "8", DOCUMENT_TYPE, "ROF", TRIGGER, "MAS_UNIDADES", POPULATION, 45000L,
        TYPOLOGY, "CONCENTRACION_MEDIA")));
  }

  ProcessInstance startExecutive() {
    return actors.as(PCM_OGPP, () -> runtime.startProcessInstanceByKey(KEY, vars(
        ENTITY_RUC, Actors.PCM_RUC, ENTITY_NAME, "Presidencia del Consejo de Ministros",
        ENTITY_CATEGORY, "1", DOCUMENT_TYPE, "ROF", TRIGGER, "REASIGNACION")));
  }

  Map<String, Object> documentsOf(String user) {
    return vars("proyectoDocumentId", upload(user, "proyecto-rof.pdf"),
        "normaProyectoDocumentId", upload(user, "proyecto-norma.pdf"),
        "informeTecnicoDocumentId", upload(user, "informe-tecnico.pdf"));
  }

  String upload(String user, String name) {
    var u = actors.user(user);
    return documents.storePdf(u.id(), u.entityRuc(), name, TestPki.unsignedPdf(name + " " + System.nanoTime())).id();
  }

  String latestStructure(ProcessInstance pi) {
    return mapper.latestStructure(expediente(pi)).content();
  }

  /** Saves the structure (null: keep the seeded one), sends it with the three documents, then the legal report. */
  void formulateAndLegal(ProcessInstance pi, String ogpp, String legal, String structureJson) {
    if (structureJson != null) {
      structures.save(expediente(pi), structureJson, ogpp);
    }
    Map<String, Object> submit = documentsOf(ogpp);
    submit.put(ACTION, SEND);
    driver.complete(ogpp, pi, "Task_Formulate", submit);
    assertThat(pi).isWaitingAt("Task_LegalReport");
    driver.complete(legal, pi, "Task_LegalReport",
        vars(LEGAL_DECISION, "CONFORME", "informeLegalDocumentId", upload(legal, "informe-legal.pdf")));
  }

  String executiveStructure() {
    return """
        {"unidades": [
          {"codigo": "01", "nombre": "Despacho Ministerial", "clase": "ORGANO", "tipo": "ALTA_DIRECCION", "nivel": 1, "funciones": ["Dirigir el sector"]},
          {"codigo": "02", "nombre": "Secretaría General", "clase": "ORGANO", "tipo": "ALTA_DIRECCION", "nivel": 2, "padre": "01", "funciones": ["Conducir la gestión"]},
          {"codigo": "03", "nombre": "Oficina General de Administración", "clase": "ORGANO", "tipo": "APOYO", "nivel": 3, "padre": "02", "funciones": ["Administrar"]},
          {"codigo": "04", "nombre": "Dirección General de Gestión Pública", "clase": "ORGANO", "tipo": "LINEA", "nivel": 3, "padre": "02", "funciones": ["Rectorar la gestión pública"]}
        ]}""";
  }

  void assignComplexity(ProcessInstance pi, String complexity) {
    driver.complete(EVALUATOR, pi, "Task_AssignComplexity", vars(COMPLEXITY, complexity));
  }

  void approve(ProcessInstance pi, String ogpp, String norm) {
    String today = LocalDate.now(ZoneId.of("America/Lima")).toString();
    driver.complete(ogpp, pi, "Task_RecordNorm", vars(NORM_NUMBER, norm, NORM_DATE, today));
    driver.complete(ogpp, pi, "Task_RecordPublication", vars(PUBLICATION_DATE, today));
  }

  Job timer(ProcessInstance pi, String activityId) {
    return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  @Test
  void mandatoryOpinionFavourableWithTheSlaAlertedAndBreached() {
    ProcessInstance pi = startExecutive();
    assertThat(pi).isWaitingAt("Task_Formulate").hasNotPassed("Task_SelectModel");
    Assertions.assertThat(pi.getBusinessKey()).startsWith("PGO-ROF-" + Actors.PCM_RUC + "-");
    formulateAndLegal(pi, PCM_OGPP, PCM_LEGAL, executiveStructure());

    assertThat(pi).hasPassed("Task_DecideOpinion").hasNotPassed("Task_ChooseOpinion").isWaitingAt("Task_AssignComplexity");
    assertThat(driver.taskAt(pi, "Task_AssignComplexity")).hasCandidateGroup("sgp-evaluador");
    assignComplexity(pi, "MEDIA");

    assertThat(pi).isWaitingAt("Task_Evaluate");
    Assertions.assertThat(variable(pi, EVALUATION_DAYS)).isEqualTo(15);
    Date deadline = (Date) variable(pi, DEADLINE);
    LocalDate last = deadline.toInstant().atZone(calendar.zone()).toLocalDate();
    Assertions.assertThat(last).isEqualTo(calendar.addWorkingDays(LocalDate.now(calendar.zone()), 15));
    Assertions.assertThat(timer(pi, "Event_EvaluationDeadline").getDuedate()).isEqualTo(deadline);
    Assertions.assertThat(timer(pi, "Event_EvaluationAlert").getDuedate())
        .isEqualTo(calendar.deadlineAfterWorkingDays(13));

    // The alert date comes: the supervisor is told; then the deadline passes: a breach is recorded.
    execute(timer(pi, "Event_EvaluationAlert"));
    assertThat(driver.taskAt(pi, "Task_SupervisorAlert")).hasCandidateGroup("sgp-supervisor");
    execute(timer(pi, "Event_EvaluationDeadline"));
    Assertions.assertThat(variable(pi, SLA_BREACHED)).isEqualTo(true);
    assertThat(pi).isWaitingAt("Task_Evaluate");
    driver.complete(SUPERVISOR, pi, "Task_SupervisorAlert", Map.of());
    PgoMapper.Evaluation round = mapper.evaluations(expediente(pi)).get(0);
    Assertions.assertThat(round.alerted()).isEqualTo(1);
    Assertions.assertThat(round.breached()).isEqualTo(1);

    driver.complete(EVALUATOR, pi, "Task_Evaluate", vars(RESULT, "FAVORABLE"));
    Assertions.assertThat(variable(pi, INSTRUMENT)).isEqualTo("Decreto Supremo");
    approve(pi, PCM_OGPP, "Decreto Supremo N.° 001-2026-PCM");

    assertThat(pi).isEnded().hasPassed("EndEvent_Approved");
    Assertions.assertThat(mapper.expediente(expediente(pi)).state).isEqualTo("APROBADO");
    Assertions.assertThat(mapper.versions(Actors.PCM_RUC, "ROF")).last()
        .satisfies(v -> Assertions.assertThat(v.state()).isEqualTo("VIGENTE"));
  }

  @Test
  void optionalOpinionSkippedAndTheNewVersionSupersedesThePrevious() {
    int before = mapper.versions(Actors.MUNI_RUC, "ROF").size();
    ProcessInstance first = startMunicipality();

    // A district of 45 000 inhabitants: model MD-C, whose standard structure seeds the proposal.
    assertThat(first).hasPassed("Task_SelectModel", "Task_SeedStructure").isWaitingAt("Task_Formulate");
    Assertions.assertThat(variable(first, MODEL_CODE)).isEqualTo("MD-C");
    String seeded = latestStructure(first);
    Assertions.assertThat(seeded).contains("Gerencia Municipal");
    Assertions.assertThat(variable(first, STRUCTURE_VERSION)).isEqualTo(1);
    formulateAndLegal(first, MUNI_OGPP, MUNI_LEGAL, null);
    assertThat(first).isWaitingAt("Task_ChooseOpinion");
    driver.complete(MUNI_OGPP, first, "Task_ChooseOpinion", vars(REQUEST_OPINION, "NO"));
    Assertions.assertThat(variable(first, INSTRUMENT)).isEqualTo("Ordenanza Municipal");
    approve(first, MUNI_OGPP, "Ordenanza Municipal N.° 010-2026-MDE");
    assertThat(first).isEnded().hasPassed("EndEvent_Approved").hasNotPassed("Task_AssignComplexity");

    ProcessInstance second = startMunicipality();
    OrgStructure changed = OrgStructure.parse(seeded, "s", "s");
    List<OrgUnit> units = new java.util.ArrayList<>(changed.units());
    units.removeIf(u -> u.code().equals("09"));
    units.add(new OrgUnit("18", "Gerencia de Turismo", "ORGANO", "LINEA", 3, "03", List.of("Promover el turismo")));
    formulateAndLegal(second, MUNI_OGPP, MUNI_LEGAL, new OrgStructure(units).toJson());
    driver.complete(MUNI_OGPP, second, "Task_ChooseOpinion", vars(REQUEST_OPINION, "NO"));
    approve(second, MUNI_OGPP, "Ordenanza Municipal N.° 011-2026-MDE");

    List<PgoMapper.RofVersion> versions = mapper.versions(Actors.MUNI_RUC, "ROF");
    Assertions.assertThat(versions).hasSize(before + 2);
    Assertions.assertThat(versions).extracting(PgoMapper.RofVersion::state).last().isEqualTo("VIGENTE");
    Assertions.assertThat(versions).extracting(PgoMapper.RofVersion::state).filteredOn("VIGENTE"::equals).hasSize(1);

    int a = versions.get(versions.size() - 2).version();
    int b = versions.get(versions.size() - 1).version();
    Http http = new Http(port);
    Http.Response diff = http.get("/api/pgo/entidades/" + Actors.MUNI_RUC + "/ROF/comparar?de=" + a + "&a=" + b,
        Http.basic(MUNI_OGPP, "demo"));
    Assertions.assertThat(diff.status()).isEqualTo(200);
    Assertions.assertThat(diff.json().get("agregadas").toString()).contains("18 Gerencia de Turismo");
    Assertions.assertThat(diff.json().get("eliminadas").toString()).contains("09 Oficina de Atención al Ciudadano");
    Assertions.assertThat(http.get("/api/pgo/entidades/" + Actors.MUNI_RUC + "/ROF/versiones", Http.basic(PCM_OGPP, "demo"))
        .status()).isEqualTo(404);
  }

  @Test
  void theStructureIsEditedOverHttpAndValidatedRoundByRound() {
    ProcessInstance pi = startMunicipality();
    long id = expediente(pi);
    String seeded = latestStructure(pi);
    String broken = seeded.replace("\"padre\" : \"08\"", "\"padre\" : \"99\"");
    Assertions.assertThat(broken).isNotEqualTo(seeded);
    Http http = new Http(port);
    String path = "/api/pgo/expedientes/" + id + "/estructura";

    // Over HTTP, as the editor page does: bad text refused saying where; only the entity's planning office.
    Http.Response bad = http.postText(path, Http.basic(MUNI_OGPP, "demo"), "{ no es json");
    Assertions.assertThat(bad.status()).isEqualTo(400);
    Assertions.assertThat(bad.body()).contains("Estructura (JSON): no sigue el formato JSON de estructura (línea 1");
    Http.Response notThePlanner = http.postText(path, Http.basic(MUNI_LEGAL, "demo"), seeded);
    Assertions.assertThat(notThePlanner.status()).isEqualTo(409);
    // a Problem Details refusal (RFC 9457) with the reason in Spanish
    Assertions.assertThat(notThePlanner.contentType()).startsWith("application/problem+json");
    Assertions.assertThat(notThePlanner.json().path("type").asText()).endsWith("/problema/conflicto");
    Assertions.assertThat(notThePlanner.json().path("detail").asText())
        .isEqualTo("Solo la oficina de planeamiento de la entidad puede editar la estructura.");
    Assertions.assertThat(http.postText(path, Http.basic(PCM_OGPP, "demo"), seeded).status()).isEqualTo(404);
    Http.Response saved = http.postText(path, Http.basic(MUNI_OGPP, "demo"), broken);
    Assertions.assertThat(saved.status()).isEqualTo(200);
    Assertions.assertThat(saved.json().get("version").asInt()).isEqualTo(2);
    Assertions.assertThat(saved.json().get("errores").asInt()).isEqualTo(3);
    Assertions.assertThat(saved.json().get("hallazgos").toString()).contains("depende de 99, que no existe");

    Http.Response svg = http.get("/api/pgo/expedientes/" + id + "/organigrama.svg", Http.basic(MUNI_OGPP, "demo"));
    Assertions.assertThat(svg.status()).isEqualTo(200);
    Assertions.assertThat(svg.body()).startsWith("<svg").contains("Gerencia Municipal").contains("versión 2");
    Assertions.assertThat(http.get("/api/pgo/expedientes/" + id + "/organigrama.svg", Http.basic(PCM_OGPP, "demo"))
        .status()).isEqualTo(404);

    assertRefused(() -> driver.complete(MUNI_OGPP, pi, "Task_Formulate", vars(ACTION, SEND)),
        "Código del proyecto de ROF/MOP: es obligatorio", "Código del informe técnico sustentatorio: es obligatorio");
    Map<String, Object> send = documentsOf(MUNI_OGPP);
    send.put(ACTION, SEND);
    driver.complete(MUNI_OGPP, pi, "Task_Formulate", send);

    // Errors: back to formulation, with the findings unit by unit.
    assertThat(pi).isWaitingAt("Task_Formulate").hasPassed("Task_SaveProposal");
    Assertions.assertThat((Integer) variable(pi, STRUCTURE_ERRORS)).isEqualTo(3);
    Assertions.assertThat(((SpinJsonNode) variable(pi, STRUCTURE_FINDINGS)).toString()).contains("depende de 99, que no existe");

    Assertions.assertThat(http.postText(path, Http.basic(MUNI_OGPP, "demo"), seeded).json().get("errores").asInt()).isZero();
    driver.complete(MUNI_OGPP, pi, "Task_Formulate", vars(ACTION, SEND));
    assertThat(pi).isWaitingAt("Task_LegalReport");
    Assertions.assertThat(mapper.structures(id)).extracting(PgoMapper.Structure::errors).containsExactly(0, 3, 0);
    Assertions.assertThat(mapper.documents(id)).hasSize(3).allSatisfy(d -> Assertions.assertThat(d.version()).isEqualTo(1));
    // Not editable once sent.
    Assertions.assertThat(http.postText(path, Http.basic(MUNI_OGPP, "demo"), seeded).status()).isEqualTo(409);

    // The legal office observes: back to formulation; a new informe técnico becomes version 2.
    assertRefused(() -> driver.complete(MUNI_LEGAL, pi, "Task_LegalReport", vars(LEGAL_DECISION, "OBSERVAR")),
        "Observaciones: es obligatorio");
    driver.complete(MUNI_LEGAL, pi, "Task_LegalReport", vars(LEGAL_DECISION, "OBSERVAR",
        LEGAL_OBSERVATION, "Falta sustentar la Gerencia de Servicios Públicos."));
    assertThat(pi).isWaitingAt("Task_Formulate");
    driver.complete(MUNI_OGPP, pi, "Task_Formulate", vars(ACTION, SEND,
        "informeTecnicoDocumentId", upload(MUNI_OGPP, "informe-tecnico-v2.pdf")));
    Assertions.assertThat(mapper.documents(id)).filteredOn(d -> d.kind().equals("INFORME_TECNICO"))
        .extracting(PgoMapper.Document::version).containsExactly(1, 2);
  }

  @Test
  void observedThenCorrectedStartsASecondRound() {
    ProcessInstance pi = startExecutive();
    formulateAndLegal(pi, PCM_OGPP, PCM_LEGAL, executiveStructure());
    assignComplexity(pi, "BAJA");
    assertRefused(() -> driver.complete(EVALUATOR, pi, "Task_Evaluate", vars(RESULT, "OBSERVADO")),
        "Fundamentos u observaciones: es obligatorio");
    driver.complete(EVALUATOR, pi, "Task_Evaluate", vars(RESULT, "OBSERVADO",
        OBSERVATION, "La Oficina General de Administración no tiene unidades orgánicas sustentadas."));

    assertThat(pi).isWaitingAt("Task_Correct");
    Date correctionDue = timer(pi, "Event_CorrectionDeadline").getDuedate();
    Assertions.assertThat(correctionDue).isEqualTo(calendar.deadlineAfterWorkingDays(10));
    structures.save(expediente(pi), executiveStructure().replace("Administrar", "Administrar los recursos"), PCM_OGPP);
    driver.complete(PCM_OGPP, pi, "Task_Correct", vars(ACTION, SEND));

    assertThat(pi).isWaitingAt("Task_AssignComplexity");
    assignComplexity(pi, "ALTA");
    Assertions.assertThat(variable(pi, ROUND)).isEqualTo(2);
    driver.complete(EVALUATOR, pi, "Task_Evaluate", vars(RESULT, "FAVORABLE"));
    Assertions.assertThat(mapper.evaluations(expediente(pi))).extracting(PgoMapper.Evaluation::result)
        .containsExactly("OBSERVADO", "FAVORABLE");
    Assertions.assertThat(mapper.evaluations(expediente(pi))).extracting(PgoMapper.Evaluation::termDays)
        .containsExactly(10, 25);
    Assertions.assertThat(mapper.structures(expediente(pi))).hasSize(2);
    assertThat(pi).isWaitingAt("Task_RecordNorm");
  }

  @Test
  void notCorrectedInTimeIsArchived() {
    ProcessInstance pi = startExecutive();
    formulateAndLegal(pi, PCM_OGPP, PCM_LEGAL, executiveStructure());
    assignComplexity(pi, "BAJA");
    driver.complete(EVALUATOR, pi, "Task_Evaluate", vars(RESULT, "OBSERVADO", OBSERVATION, "Observaciones."));
    assertThat(pi).isWaitingAt("Task_Correct");

    execute(timer(pi, "Event_CorrectionDeadline"));

    assertThat(pi).isEnded().hasPassed("Task_Archive", "EndEvent_Archived").hasNotPassed("Task_RecordNorm");
    Assertions.assertThat(mapper.expediente(expediente(pi)).state).isEqualTo("ARCHIVADO");
  }

  @Test
  void anUnfavourableOpinionEndsTheExpediente() {
    ProcessInstance pi = startMunicipality();
    formulateAndLegal(pi, MUNI_OGPP, MUNI_LEGAL, null);
    driver.complete(MUNI_OGPP, pi, "Task_ChooseOpinion", vars(REQUEST_OPINION, "SI"));
    assignComplexity(pi, "MEDIA");
    driver.complete(EVALUATOR, pi, "Task_Evaluate", vars(RESULT, "DESFAVORABLE",
        OBSERVATION, "La estructura no guarda relación con las competencias municipales."));
    driver.complete(MUNI_OGPP, pi, "Task_NotifyUnfavourable", Map.of());

    assertThat(pi).isEnded().hasPassed("EndEvent_Unfavourable").hasNotPassed("Task_Approve");
    Assertions.assertThat(mapper.expediente(expediente(pi)).state).isEqualTo("DESFAVORABLE");
  }

  @Test
  void aBadExpedienteIsRefusedAndOpensNothing() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
    assertRefused(() -> actors.as(MUNI_OGPP, () -> runtime.startProcessInstanceByKey(KEY, vars(
        ENTITY_RUC, Actors.PCM_RUC, ENTITY_NAME, "Otra", ENTITY_CATEGORY, "8", DOCUMENT_TYPE, "ROF",
        TRIGGER, "CAPRICHO", POPULATION, -5L, TYPOLOGY, "URBANO"))),
        "RUC de la entidad: no corresponde a la entidad de su usuario", "Motivo: elija el motivo de la lista",
        "Población (habitantes): debe ser un número entre 1 y", "Tipología del distrito: elija la tipología de la lista");
    Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
  }
}

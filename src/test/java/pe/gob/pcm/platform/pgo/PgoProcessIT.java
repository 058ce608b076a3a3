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
  static final String EVALUATOR_2 = "sgp.evaluador2";
  static final String MUNI_MANAGER = "muni.gm";
  static final String MUNI_COMMISSION = "muni.regidores";
  static final String MUNI_COUNCIL = "muni.concejo";

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
  @Autowired PgoRounds rounds;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired pe.gob.pcm.platform.signature.PdfSignatureVerifier verifier;

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

  /** The SGP supervisor assigns the case to the evaluator with the complexity. */
  void assignComplexity(ProcessInstance pi, String complexity) {
    assign(pi, EVALUATOR, complexity);
  }

  void assign(ProcessInstance pi, String evaluator, String complexity) {
    driver.complete(SUPERVISOR, pi, "Task_AssignCase", vars(PgoProcess.EVALUATOR, evaluator, COMPLEXITY, complexity));
  }

  /** Completes the evaluation as the evaluator; a concluding opinion then issues the SGP's signed documents (a job). */
  void evaluate(ProcessInstance pi, String evaluator, Map<String, Object> values) {
    driver.complete(evaluator, pi, "Task_Evaluate", values);
    if (!"OBSERVADO".equals(values.get(RESULT))) {
      assertThat(pi).isWaitingAt("Task_IssueReport");
      execute(management.createJobQuery().processInstanceId(pi.getId()).activityId("Task_IssueReport").singleResult());
    }
  }

  void approve(ProcessInstance pi, String ogpp, String norm) {
    String today = LocalDate.now(ZoneId.of("America/Lima")).toString();
    driver.complete(ogpp, pi, "Task_RecordNorm", vars(NORM_NUMBER, norm, NORM_DATE, today));
    driver.complete(ogpp, pi, "Task_RecordPublication", vars(PUBLICATION_DATE, today));
  }

  /** The municipal chain without observations: gerencia proposes, comisión favourable, concejo approves, publication. */
  void approveByOrdinance(ProcessInstance pi, String ordinance) {
    String today = LocalDate.now(ZoneId.of("America/Lima")).toString();
    driver.complete(MUNI_MANAGER, pi, "Task_ManagerProposal", vars());
    driver.complete(MUNI_COMMISSION, pi, "Task_CommissionReview", vars("commissionDecision", "FAVORABLE"));
    driver.complete(MUNI_COUNCIL, pi, "Task_CouncilVote", vars("councilDecision", "APROBADO", NORM_NUMBER, ordinance,
        NORM_DATE, today));
    driver.complete(MUNI_OGPP, pi, "Task_RecordPublication", vars(PUBLICATION_DATE, today));
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

    assertThat(pi).hasPassed("Task_DecideOpinion").hasNotPassed("Task_ChooseOpinion").isWaitingAt("Task_AssignCase");
    assertThat(driver.taskAt(pi, "Task_AssignCase")).hasCandidateGroup("sgp-supervisor");
    assertRefused(() -> driver.complete(SUPERVISOR, pi, "Task_AssignCase", vars(PgoProcess.EVALUATOR, PCM_OGPP, COMPLEXITY, "MEDIA")),
        "Evaluador: el usuario pcm.ogpp no es evaluador de la SGP");
    Assertions.assertThat(((SpinJsonNode) variable(pi, EVALUATOR_OPTIONS)).toString()).contains(EVALUATOR, EVALUATOR_2);
    assignComplexity(pi, "MEDIA");

    assertThat(pi).isWaitingAt("Task_Evaluate");
    Assertions.assertThat(variable(pi, EVALUATION_DAYS)).isEqualTo(15);
    Date deadline = (Date) variable(pi, DEADLINE);
    // The evaluation task is the assigned evaluator's, and its name and due date state the deadline.
    var evaluation = driver.taskAt(pi, "Task_Evaluate");
    Assertions.assertThat(evaluation.getAssignee()).isEqualTo(EVALUATOR);
    Assertions.assertThat(evaluation.getDueDate()).isEqualTo(deadline);
    Assertions.assertThat(evaluation.getName()).startsWith("Evaluar el ROF (ronda 1): vence el ")
        .contains(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(deadline.toInstant().atZone(calendar.zone())))
        .contains("15 días hábiles");
    Assertions.assertThat(evaluation.getDescription()).contains("15 días hábiles peruanos");
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

    evaluate(pi, EVALUATOR, vars(RESULT, "FAVORABLE"));
    Assertions.assertThat(variable(pi, INSTRUMENT)).isEqualTo("Decreto Supremo");
    assertThat(pi).isWaitingAt("Task_RecordNorm").hasNotPassed("Task_ManagerProposal");
    Assertions.assertThat(variable(pi, SGP_REPORT_DOCUMENT)).isNotNull();
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
    approveByOrdinance(first, "Ordenanza Municipal N.° 010-2026-MDE");
    assertThat(first).isEnded().hasPassed("EndEvent_Approved").hasNotPassed("Task_AssignCase", "Task_IssueReport");

    ProcessInstance second = startMunicipality();
    OrgStructure changed = OrgStructure.parse(seeded, "s", "s");
    List<OrgUnit> units = new java.util.ArrayList<>(changed.units());
    units.removeIf(u -> u.code().equals("09"));
    units.add(new OrgUnit("18", "Gerencia de Turismo", "ORGANO", "LINEA", 3, "03", List.of("Promover el turismo")));
    formulateAndLegal(second, MUNI_OGPP, MUNI_LEGAL, new OrgStructure(units).toJson());
    driver.complete(MUNI_OGPP, second, "Task_ChooseOpinion", vars(REQUEST_OPINION, "NO"));
    approveByOrdinance(second, "Ordenanza Municipal N.° 011-2026-MDE");

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
        "Observaciones: registre al menos una observación");
    assertRefused(() -> driver.complete(EVALUATOR, pi, "Task_Evaluate", vars(RESULT, "DESFAVORABLE")),
        "Fundamentos: es obligatorio");
    rounds.recordObservations(expediente(pi), 1, """
        {"observaciones": [{"unidad": "03", "categoria": "ESTRUCTURA",
          "texto": "La Oficina General de Administración no tiene unidades orgánicas sustentadas."}]}""", EVALUATOR);
    driver.complete(EVALUATOR, pi, "Task_Evaluate", vars(RESULT, "OBSERVADO"));

    assertThat(pi).isWaitingAt("Task_Correct").hasNotPassed("Task_IssueReport");
    Date correctionDue = timer(pi, "Event_CorrectionDeadline").getDuedate();
    Assertions.assertThat(correctionDue).isEqualTo(calendar.deadlineAfterWorkingDays(10));
    structures.save(expediente(pi), executiveStructure().replace("Administrar", "Administrar los recursos"), PCM_OGPP);
    assertRefused(() -> driver.complete(PCM_OGPP, pi, "Task_Correct", vars(ACTION, SEND)),
        "Respuestas a las observaciones: responda cada observación antes de enviar (faltan: 1)");
    rounds.answer(expediente(pi), 1, "{\"respuestas\": [{\"numero\": 1, \"respuesta\": \"MODIFICADA\"}]}", PCM_OGPP);
    driver.complete(PCM_OGPP, pi, "Task_Correct", vars(ACTION, SEND));

    // Each resubmission comes back to the supervisor, with the previous evaluator proposed.
    assertThat(pi).isWaitingAt("Task_AssignCase");
    Assertions.assertThat(variable(pi, PgoProcess.EVALUATOR)).isEqualTo(EVALUATOR);
    assignComplexity(pi, "ALTA");
    Assertions.assertThat(variable(pi, ROUND)).isEqualTo(2);
    evaluate(pi, EVALUATOR, vars(RESULT, "FAVORABLE"));
    Assertions.assertThat(mapper.evaluations(expediente(pi))).extracting(PgoMapper.Evaluation::result)
        .containsExactly("OBSERVADO", "FAVORABLE");
    Assertions.assertThat(mapper.evaluations(expediente(pi))).extracting(PgoMapper.Evaluation::termDays)
        .containsExactly(10, 25);
    Assertions.assertThat(mapper.evaluations(expediente(pi))).extracting(PgoMapper.Evaluation::workingDays)
        .containsExactly(0, 0);
    Assertions.assertThat(mapper.structures(expediente(pi))).hasSize(2);
    assertThat(pi).isWaitingAt("Task_RecordNorm");
  }

  @Test
  void notCorrectedInTimeIsArchived() {
    ProcessInstance pi = startExecutive();
    formulateAndLegal(pi, PCM_OGPP, PCM_LEGAL, executiveStructure());
    assignComplexity(pi, "BAJA");
    rounds.recordObservations(expediente(pi), 1,
        "{\"observaciones\": [{\"categoria\": \"SUSTENTO\", \"texto\": \"Falta el análisis de racionalidad.\"}]}", EVALUATOR);
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
    evaluate(pi, EVALUATOR, vars(RESULT, "DESFAVORABLE",
        OBSERVATION, "La estructura no guarda relación con las competencias municipales."));
    // The entity's task shows the SGP's signed informe técnico and oficio.
    assertThat(pi).isWaitingAt("Task_NotifyUnfavourable");
    String informe = (String) variable(pi, SGP_REPORT_DOCUMENT);
    Assertions.assertThat(verifier.verify(documents.content(informe)).status())
        .isEqualTo(pe.gob.pcm.platform.signature.SignatureStatus.VALID);
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

  /** The executive structure with the changes the entity makes while correcting the first round. */
  String correctedExecutiveStructure() {
    return """
        {"unidades": [
          {"codigo": "01", "nombre": "Despacho Ministerial", "clase": "ORGANO", "tipo": "ALTA_DIRECCION", "nivel": 1, "funciones": ["Dirigir el sector"]},
          {"codigo": "02", "nombre": "Secretaría General", "clase": "ORGANO", "tipo": "ALTA_DIRECCION", "nivel": 2, "padre": "01", "funciones": ["Conducir la gestión", "Supervisar los sistemas administrativos"]},
          {"codigo": "03", "nombre": "Oficina General de Administración y Finanzas", "clase": "ORGANO", "tipo": "APOYO", "nivel": 3, "padre": "02", "funciones": ["Administrar"]},
          {"codigo": "04", "nombre": "Dirección General de Gestión Pública", "clase": "ORGANO", "tipo": "LINEA", "nivel": 2, "padre": "01", "funciones": ["Rectorar la gestión pública"]},
          {"codigo": "05", "nombre": "Oficina General de Planeamiento", "clase": "ORGANO", "tipo": "ASESORAMIENTO", "nivel": 3, "padre": "02", "funciones": ["Planificar"]}
        ]}""";
  }

  @Test
  void observedTwiceWithPerUnitAnswersThenFavourable() {
    ProcessInstance pi = startExecutive();
    long id = expediente(pi);
    formulateAndLegal(pi, PCM_OGPP, PCM_LEGAL, executiveStructure());
    assignComplexity(pi, "MEDIA");
    Http http = new Http(port);
    String rondas = "/api/pgo/expedientes/" + id + "/rondas";

    // Round 1, over HTTP as the page does: refusals name the observation and the field.
    Http.Response bad = http.putJson(rondas + "/1/observaciones", Http.basic(EVALUATOR, "demo"), Map.of("observaciones",
        List.of(Map.of("unidad", "99", "categoria", "FUNCIONES", "texto", "x"), Map.of("categoria", "CAPRICHO", "texto", ""))));
    Assertions.assertThat(bad.status()).isEqualTo(400);
    Assertions.assertThat(bad.body()).contains("Observación 1 - unidad: la unidad 99 no está en la estructura evaluada")
        .contains("Observación 2 - categoría: elija una categoría de la lista").contains("Observación 2 - texto");
    Assertions.assertThat(http.putJson(rondas + "/1/observaciones", Http.basic(EVALUATOR_2, "demo"),
        Map.of("observaciones", List.of())).status()).isEqualTo(409);
    Assertions.assertThat(http.putJson(rondas + "/1/observaciones", Http.basic(PCM_OGPP, "demo"),
        Map.of("observaciones", List.of())).status()).isEqualTo(409);
    Http.Response saved = http.putJson(rondas + "/1/observaciones", Http.basic(EVALUATOR, "demo"), Map.of("observaciones", List.of(
        Map.of("unidad", "03", "categoria", "DENOMINACION", "texto", "La denominación debe reflejar la función de finanzas."),
        Map.of("unidad", "04", "categoria", "NIVELES", "texto", "Un órgano de línea depende de la alta dirección, no de la Secretaría General."),
        Map.of("categoria", "SUSTENTO", "texto", "Falta el análisis de racionalidad del informe técnico."))));
    Assertions.assertThat(saved.status()).isEqualTo(200);
    Assertions.assertThat(saved.json().get("observaciones")).hasSize(3);
    Assertions.assertThat(((SpinJsonNode) variable(pi, OBSERVATIONS)).toString()).contains("(todo el documento)");
    evaluate(pi, EVALUATOR, vars(RESULT, "OBSERVADO", OBSERVATION, "Tres observaciones."));

    // The entity corrects two units and argues the third observation; every answer is required to send.
    assertThat(pi).isWaitingAt("Task_Correct");
    Assertions.assertThat(http.postText("/api/pgo/expedientes/" + id + "/estructura", Http.basic(PCM_OGPP, "demo"),
        correctedExecutiveStructure()).status()).isEqualTo(200);
    Http.Response argued = http.putJson(rondas + "/1/respuestas", Http.basic(PCM_OGPP, "demo"), Map.of("respuestas", List.of(
        Map.of("numero", 1, "respuesta", "ACEPTADA"), Map.of("numero", 3, "respuesta", "ARGUMENTADA"))));
    Assertions.assertThat(argued.status()).isEqualTo(400);
    Assertions.assertThat(argued.body()).contains("Respuesta a la observación 3 - argumento: es obligatorio");
    Assertions.assertThat(http.putJson(rondas + "/1/respuestas", Http.basic(EVALUATOR, "demo"),
        Map.of("respuestas", List.of())).status()).isEqualTo(409);
    Assertions.assertThat(http.putJson(rondas + "/1/respuestas", Http.basic(PCM_OGPP, "demo"), Map.of("respuestas", List.of(
        Map.of("numero", 1, "respuesta", "ACEPTADA"), Map.of("numero", 2, "respuesta", "MODIFICADA", "texto",
            "Se pasó al segundo nivel, bajo el Despacho Ministerial.")))).status()).isEqualTo(200);
    assertRefused(() -> driver.complete(PCM_OGPP, pi, "Task_Correct", vars(ACTION, SEND)), "(faltan: 3)");
    Assertions.assertThat(http.putJson(rondas + "/1/respuestas", Http.basic(PCM_OGPP, "demo"), Map.of("respuestas", List.of(
        Map.of("numero", 3, "respuesta", "ARGUMENTADA", "texto", "El análisis está en el anexo 2 del informe técnico.")))).status())
        .isEqualTo(200);
    driver.complete(PCM_OGPP, pi, "Task_Correct", vars(ACTION, SEND));
    assign(pi, EVALUATOR, "BAJA");

    // Round 2: the evaluator sees the changes since round 1 beside the answers.
    Assertions.assertThat((String) variable(pi, ROUND_CHANGES_SUMMARY)).startsWith("Ronda 2. Estructura: versión 1 (evaluada en"
        + " la ronda 1) → versión 2").contains("3 de 3 observaciones (1 aceptadas, 1 modificadas, 1 argumentadas)");
    String changes = ((SpinJsonNode) variable(pi, ROUND_CHANGES)).toString();
    Assertions.assertThat(changes).contains("Agregada", "05 Oficina General de Planeamiento", "Renombrada",
        "Oficina General de Administración y Finanzas", "Movida", "ahora de 01 Despacho Ministerial", "Funciones",
        "agregadas: Supervisar los sistemas administrativos");
    Assertions.assertThat(((SpinJsonNode) variable(pi, PREVIOUS_ANSWERS)).toString())
        .contains("El análisis está en el anexo 2 del informe técnico.");
    Http.Response view = http.get(rondas, Http.basic(EVALUATOR, "demo"));
    Assertions.assertThat(view.status()).isEqualTo(200);
    Assertions.assertThat(view.json().get("puedeObservar").asBoolean()).isTrue();
    Assertions.assertThat(view.json().get("rondaActual").asInt()).isEqualTo(2);
    var round1 = view.json().get("rondas").get(0);
    Assertions.assertThat(round1.get("observaciones").get(2).get("respuesta").asText()).isEqualTo("ARGUMENTADA");
    Assertions.assertThat(round1.get("cambios").get("deVersion").asInt()).isEqualTo(1);
    Assertions.assertThat(round1.get("cambios").get("aVersion").asInt()).isEqualTo(2);
    Assertions.assertThat(round1.get("cambios").get("diferencias").get("movidas").get(0).get("padreAntes").asText())
        .isEqualTo("02 Secretaría General");
    Assertions.assertThat(http.get(rondas, Http.basic(MUNI_OGPP, "demo")).status()).isEqualTo(404);

    // Round 2 observes the argument again (whole document); the entity argues it once more; round 3 is favourable.
    Assertions.assertThat(http.putJson(rondas + "/2/observaciones", Http.basic(EVALUATOR, "demo"), Map.of("observaciones", List.of(
        Map.of("categoria", "SUSTENTO", "texto", "El anexo 2 no cuantifica el presupuesto.")))).status()).isEqualTo(200);
    evaluate(pi, EVALUATOR, vars(RESULT, "OBSERVADO"));
    Assertions.assertThat(http.putJson(rondas + "/2/respuestas", Http.basic(PCM_OGPP, "demo"), Map.of("respuestas", List.of(
        Map.of("numero", 1, "respuesta", "ARGUMENTADA", "texto", "Se cuantifica en la nueva versión del informe técnico."))))
        .status()).isEqualTo(200);
    driver.complete(PCM_OGPP, pi, "Task_Correct", vars(ACTION, SEND,
        "informeTecnicoDocumentId", upload(PCM_OGPP, "informe-tecnico-v2.pdf")));
    assign(pi, EVALUATOR, "BAJA");
    Assertions.assertThat((String) variable(pi, ROUND_CHANGES_SUMMARY)).contains("La estructura no cambió desde la ronda 2");
    evaluate(pi, EVALUATOR, vars(RESULT, "FAVORABLE", OBSERVATION, "La propuesta cumple los lineamientos."));

    Assertions.assertThat(mapper.evaluations(id)).extracting(PgoMapper.Evaluation::result)
        .containsExactly("OBSERVADO", "OBSERVADO", "FAVORABLE");
    Assertions.assertThat(mapper.evaluations(id)).extracting(PgoMapper.Evaluation::structureVersion).containsExactly(1, 2, 2);
    Assertions.assertThat(mapper.observations(id)).extracting(PgoMapper.Observation::round).containsExactly(1, 1, 1, 2);

    // The informe técnico and its oficio: signed by the SGP, verified by the platform's verifier, given to the entity.
    assertThat(pi).isWaitingAt("Task_RecordNorm");
    for (String variable : List.of(SGP_REPORT_DOCUMENT, SGP_OFICIO_DOCUMENT)) {
      String documentId = (String) variable(pi, variable);
      var verification = verifier.verify(documents.content(documentId));
      Assertions.assertThat(verification.status()).isEqualTo(pe.gob.pcm.platform.signature.SignatureStatus.VALID);
      // Signed with the SGP's own key (demo: its demo certificate), not the PCM's cargo key.
      Assertions.assertThat(verification.signerName()).contains("Secretaría de Gestión Pública");
      Assertions.assertThat(documents.find(documentId).orElseThrow().tenantId()).isEqualTo(Actors.PCM_RUC);
      Assertions.assertThat(http.get("/api/documentos/" + documentId + "/contenido", Http.basic(PCM_OGPP, "demo")).status())
          .isEqualTo(200);
    }
    Assertions.assertThat(mapper.documents(id)).extracting(PgoMapper.Document::kind).contains("INFORME_SGP", "OFICIO_SGP");
    String text = pdfText(documents.content((String) variable(pi, SGP_REPORT_DOCUMENT)));
    Assertions.assertThat(text).contains("Ronda 1", "Ronda 3", "La denominación debe reflejar la función de finanzas",
        "El análisis está en el anexo 2", "OPINIÓN TÉCNICA FAVORABLE", "subsanada en la ronda 2");
  }

  static String pdfText(byte[] pdf) {
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aFavourableMunicipalRofGoesThroughTheCouncilToAnOrdinance() {
    int before = mapper.versions(Actors.MUNI_RUC, "ROF").size();
    ProcessInstance pi = startMunicipality();
    long id = expediente(pi);
    formulateAndLegal(pi, MUNI_OGPP, MUNI_LEGAL, null);
    driver.complete(MUNI_OGPP, pi, "Task_ChooseOpinion", vars(REQUEST_OPINION, "SI"));
    assignComplexity(pi, "MEDIA");
    evaluate(pi, EVALUATOR, vars(RESULT, "FAVORABLE"));

    // The gerencia municipal proposes; the comisión de regidores observes once; then dictamen favourable.
    assertThat(pi).isWaitingAt("Task_ManagerProposal").hasNotPassed("Task_RecordNorm");
    assertThat(driver.taskAt(pi, "Task_ManagerProposal")).hasCandidateGroup("gerencia-municipal");
    driver.complete(MUNI_MANAGER, pi, "Task_ManagerProposal", vars("managerNote", "Se eleva con la opinión favorable de la SGP."));
    assertThat(driver.taskAt(pi, "Task_CommissionReview")).hasCandidateGroup("comision-regidores");
    assertRefused(() -> driver.complete(MUNI_COMMISSION, pi, "Task_CommissionReview", vars("commissionDecision", "OBSERVADO")),
        "Observaciones de la comisión: es obligatorio");
    driver.complete(MUNI_COMMISSION, pi, "Task_CommissionReview", vars("commissionDecision", "OBSERVADO",
        "commissionNote", "Precisar el costo de la Gerencia de Turismo."));
    assertThat(pi).isWaitingAt("Task_ManagerProposal");
    driver.complete(MUNI_MANAGER, pi, "Task_ManagerProposal", vars("gerenciaDocumentId", upload(MUNI_MANAGER, "memorando-gm.pdf")));
    driver.complete(MUNI_COMMISSION, pi, "Task_CommissionReview", vars("commissionDecision", "FAVORABLE"));

    // The concejo approves by ordenanza: number and date required, no future date.
    assertThat(driver.taskAt(pi, "Task_CouncilVote")).hasCandidateGroup("concejo-municipal");
    String tomorrow = LocalDate.now(ZoneId.of("America/Lima")).plusDays(1).toString();
    assertRefused(() -> driver.complete(MUNI_COUNCIL, pi, "Task_CouncilVote", vars("councilDecision", "APROBADO",
        NORM_DATE, tomorrow)), "Número de la ordenanza: es obligatorio", "Fecha de la ordenanza: no puede ser posterior a hoy");
    String today = LocalDate.now(ZoneId.of("America/Lima")).toString();
    driver.complete(MUNI_COUNCIL, pi, "Task_CouncilVote", vars("councilDecision", "APROBADO",
        NORM_NUMBER, "Ordenanza Municipal N.° 020-2026-MDE", NORM_DATE, today));
    // Not current yet: only once the ordenanza is published.
    assertThat(pi).isWaitingAt("Task_RecordPublication");
    Assertions.assertThat(mapper.versions(Actors.MUNI_RUC, "ROF")).hasSize(before);
    Assertions.assertThat(mapper.expediente(id).state).isEqualTo("ORDENANZA_APROBADA");
    driver.complete(MUNI_OGPP, pi, "Task_RecordPublication", vars(PUBLICATION_DATE, today));

    assertThat(pi).isEnded().hasPassed("Task_CouncilVote", "EndEvent_Approved").hasNotPassed("Task_RecordNorm");
    Assertions.assertThat(mapper.versions(Actors.MUNI_RUC, "ROF")).hasSize(before + 1).last().satisfies(v -> {
      Assertions.assertThat(v.state()).isEqualTo("VIGENTE");
      Assertions.assertThat(v.normNumber()).isEqualTo("Ordenanza Municipal N.° 020-2026-MDE");
      Assertions.assertThat(v.instrument()).isEqualTo("Ordenanza Municipal");
    });
    Assertions.assertThat(mapper.municipalSteps(id)).extracting(PgoMapper.MunicipalStep::step)
        .containsExactly("PROPUESTA", "DICTAMEN", "PROPUESTA", "DICTAMEN", "ACUERDO");
    Assertions.assertThat(mapper.municipalSteps(id)).extracting(PgoMapper.MunicipalStep::decision)
        .containsExactly("PROPUESTO", "OBSERVADO", "PROPUESTO", "FAVORABLE", "APROBADO");
    Assertions.assertThat(mapper.documents(id)).extracting(PgoMapper.Document::kind).contains("PROPUESTA_GERENCIA");
  }

  @Test
  void theCouncilMayRejectTheRof() {
    int before = mapper.versions(Actors.MUNI_RUC, "ROF").size();
    ProcessInstance pi = startMunicipality();
    formulateAndLegal(pi, MUNI_OGPP, MUNI_LEGAL, null);
    driver.complete(MUNI_OGPP, pi, "Task_ChooseOpinion", vars(REQUEST_OPINION, "NO"));
    driver.complete(MUNI_MANAGER, pi, "Task_ManagerProposal", vars());
    driver.complete(MUNI_COMMISSION, pi, "Task_CommissionReview", vars("commissionDecision", "FAVORABLE"));
    assertRefused(() -> driver.complete(MUNI_COUNCIL, pi, "Task_CouncilVote", vars("councilDecision", "RECHAZADO")),
        "Motivo: es obligatorio");
    driver.complete(MUNI_COUNCIL, pi, "Task_CouncilVote", vars("councilDecision", "RECHAZADO",
        "councilNote", "El concejo no aprobó la propuesta en la sesión ordinaria."));
    assertThat(pi).isEnded().hasPassed("EndEvent_CouncilRejected").hasNotPassed("Task_Approve");
    Assertions.assertThat(mapper.expediente(expediente(pi)).state).isEqualTo("NO_APROBADO");
    Assertions.assertThat(mapper.versions(Actors.MUNI_RUC, "ROF")).hasSize(before);
  }

  @Test
  void theSupervisorReassignsACaseToAnotherEvaluator() {
    ProcessInstance pi = startExecutive();
    long id = expediente(pi);
    formulateAndLegal(pi, PCM_OGPP, PCM_LEGAL, executiveStructure());
    assign(pi, EVALUATOR, "MEDIA");
    Assertions.assertThat(mapper.expediente(id).evaluator).isEqualTo(EVALUATOR);
    Http http = new Http(port);
    String path = "/api/pgo/expedientes/" + id + "/asignacion";

    Assertions.assertThat(http.postJson(path, Http.basic(EVALUATOR, "demo"),
        Map.of("evaluador", EVALUATOR_2, "motivo", "x")).status()).isEqualTo(403);
    Http.Response refused = http.postJson(path, Http.basic(SUPERVISOR, "demo"), Map.of("evaluador", PCM_OGPP));
    Assertions.assertThat(refused.status()).isEqualTo(400);
    Assertions.assertThat(refused.body()).contains("no es evaluador de la SGP").contains("Motivo de la reasignación: es obligatorio");
    Http.Response moved = http.postJson(path, Http.basic(SUPERVISOR, "demo"),
        Map.of("evaluador", EVALUATOR_2, "motivo", "Carga de trabajo del evaluador."));
    Assertions.assertThat(moved.status()).isEqualTo(200);
    Assertions.assertThat(driver.taskAt(pi, "Task_Evaluate").getAssignee()).isEqualTo(EVALUATOR_2);
    Assertions.assertThat(mapper.expediente(id).evaluator).isEqualTo(EVALUATOR_2);
    Assertions.assertThat(mapper.evaluations(id).get(0).evaluator()).isEqualTo(EVALUATOR_2);

    // The first evaluator no longer records observations; the new one does.
    Map<String, Object> one = Map.of("observaciones", List.of(Map.of("unidad", "02", "categoria", "FUNCIONES",
        "texto", "Detallar las funciones de la Secretaría General.")));
    Assertions.assertThat(http.putJson("/api/pgo/expedientes/" + id + "/rondas/1/observaciones", Http.basic(EVALUATOR, "demo"),
        one).status()).isEqualTo(409);
    Assertions.assertThat(http.putJson("/api/pgo/expedientes/" + id + "/rondas/1/observaciones", Http.basic(EVALUATOR_2, "demo"),
        one).status()).isEqualTo(200);

    // Changing the assignee in Tasklist to someone who is not an evaluator is refused; back to the first one is kept.
    String taskId = driver.taskAt(pi, "Task_Evaluate").getId();
    assertRefused(() -> actors.as(SUPERVISOR, () -> tasks.setAssignee(taskId, PCM_OGPP)), "no es evaluador de la SGP");
    actors.as(SUPERVISOR, () -> tasks.setAssignee(taskId, EVALUATOR));
    Assertions.assertThat(mapper.expediente(id).evaluator).isEqualTo(EVALUATOR);
    Assertions.assertThat(mapper.assignments(id)).extracting(PgoMapper.Assignment::evaluator)
        .containsExactly(EVALUATOR, EVALUATOR_2, EVALUATOR);
    Assertions.assertThat(mapper.assignments(id)).extracting(PgoMapper.Assignment::assignedBy)
        .containsExactly(SUPERVISOR, SUPERVISOR, SUPERVISOR);

    evaluate(pi, EVALUATOR, vars(RESULT, "OBSERVADO"));
    rounds.answer(id, 1, "{\"respuestas\": [{\"numero\": 1, \"respuesta\": \"ACEPTADA\"}]}", PCM_OGPP);
    driver.complete(PCM_OGPP, pi, "Task_Correct", vars(ACTION, SEND));
    // The next round comes back to the supervisor with the last evaluator proposed.
    assertThat(pi).isWaitingAt("Task_AssignCase");
    Assertions.assertThat(variable(pi, PgoProcess.EVALUATOR)).isEqualTo(EVALUATOR);
  }

  @Test
  void theSgpListsEveryCaseWithItsNumbers() {
    ProcessInstance pi = startExecutive();
    long id = expediente(pi);
    formulateAndLegal(pi, PCM_OGPP, PCM_LEGAL, executiveStructure());
    assign(pi, EVALUATOR_2, "MEDIA");
    Http http = new Http(port);
    String auth = Http.basic(SUPERVISOR, "demo");

    Http.Response mine = http.get("/api/pgo/expedientes?estado=EN_EVALUACION&nivel=1&evaluador=" + EVALUATOR_2, auth);
    Assertions.assertThat(mine.status()).isEqualTo(200);
    Assertions.assertThat(mine.json().get("expedientes").findValuesAsText("id")).contains(String.valueOf(id));
    Assertions.assertThat(mine.json().get("expedientes").findValuesAsText("evaluador")).containsOnly(EVALUATOR_2);
    Assertions.assertThat(mine.json().get("expedientes").findValuesAsText("categoria")).containsOnly("1");
    Assertions.assertThat(http.get("/api/pgo/expedientes?nivel=8&evaluador=" + EVALUATOR_2, auth).json()
        .get("expedientes").findValuesAsText("id")).doesNotContain(String.valueOf(id));
    Assertions.assertThat(http.get("/api/pgo/expedientes?nivel=LOCAL&tamano=100&evaluador=" + EVALUATOR_2, auth).json()
        .get("expedientes").findValuesAsText("id")).doesNotContain(String.valueOf(id));
    Assertions.assertThat(http.get("/api/pgo/expedientes?nivel=nacional&tamano=100&evaluador=" + EVALUATOR_2, auth).json()
        .get("expedientes").findValuesAsText("id")).contains(String.valueOf(id));
    Assertions.assertThat(http.get("/api/pgo/expedientes?tamano=1", auth).json().get("expedientes")).hasSize(1);
    Assertions.assertThat(http.get("/api/pgo/expedientes", Http.basic(PCM_OGPP, "demo")).status()).isEqualTo(403);
    Http.Response bad = http.get("/api/pgo/expedientes?nivel=9&tamano=1000&estado=X&pagina=-1", auth);
    Assertions.assertThat(bad.status()).isEqualTo(400);
    Assertions.assertThat(bad.body()).contains("Nivel de gobierno: elija NACIONAL, REGIONAL, LOCAL o una categoría entre 1 y 8",
        "Tamaño de página: debe ser un número entre 1 y 100", "Estado: elija un estado de la lista", "Página: debe ser");

    // Not overdue yet; once its deadline has passed (set back here, as the passing of time), it is.
    Assertions.assertThat(http.get("/api/pgo/expedientes?vencidos=true&tamano=100", auth).json().get("expedientes")
        .findValuesAsText("id")).doesNotContain(String.valueOf(id));
    long overdueBefore = http.get("/api/pgo/expedientes", auth).json().get("indicadores").get("rondasVencidas").asLong();
    jdbc.update("UPDATE pgo_evaluacion SET vence = ? WHERE expediente_id = ?",
        java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(calendar.zone()).minusDays(1)), id);
    Http.Response overdue = http.get("/api/pgo/expedientes?vencidos=true&tamano=100", auth);
    Assertions.assertThat(overdue.json().get("expedientes").findValuesAsText("id")).contains(String.valueOf(id));
    Assertions.assertThat(overdue.json().get("expedientes").findValuesAsText("vencido")).containsOnly("true");
    var numbers = overdue.json().get("indicadores");
    Assertions.assertThat(numbers.get("rondasVencidas").asLong()).isEqualTo(overdueBefore + 1);
    Assertions.assertThat(numbers.get("porEstado").toString()).contains("EN_EVALUACION");
    Assertions.assertThat(numbers.get("abiertosPorEvaluador").toString()).contains(EVALUATOR_2);

    // A closed round counts in the average of working days per round.
    rounds.recordObservations(id, 1, "{\"observaciones\": [{\"categoria\": \"OTRA\", \"texto\": \"Revisar.\"}]}", EVALUATOR_2);
    evaluate(pi, EVALUATOR_2, vars(RESULT, "OBSERVADO"));
    Assertions.assertThat(http.get("/api/pgo/expedientes", auth).json().get("indicadores").get("promedioDiasHabilesPorRonda")
        .isNumber()).isTrue();
  }

  @Test
  void aMopIsSeededFromTheModelCompletedAndApprovedByMinisterialResolution() {
    int before = mapper.versions(Actors.PCM_RUC, "MOP").size();
    ProcessInstance pi = actors.as(PCM_OGPP, () -> runtime.startProcessInstanceByKey(KEY, vars(
        ENTITY_RUC, Actors.PCM_RUC, ENTITY_NAME, "Presidencia del Consejo de Ministros",
        ENTITY_CATEGORY, "1", DOCUMENT_TYPE, "MOP", TRIGGER, "ENTIDAD_NUEVA")));
    long id = expediente(pi);

    // The model MOP seeds version 1: a programa with its functional units; its articles are to be written.
    assertThat(pi).hasPassed("Task_SeedStructure").hasNotPassed("Task_SelectModel").isWaitingAt("Task_Formulate");
    Assertions.assertThat(variable(pi, MODEL_CODE)).isEqualTo(MunicipalModels.MOP_MODEL);
    OrgStructure seeded = OrgStructure.parse(latestStructure(pi), "s", "s");
    Assertions.assertThat(seeded.mop().adscription().kind()).isEqualTo("MINISTERIO");
    Assertions.assertThat(seeded.units()).allSatisfy(u -> Assertions.assertThat(u.kind()).isEqualTo("UNIDAD_FUNCIONAL"));
    Map<String, Object> send = documentsOf(PCM_OGPP);
    send.put(ACTION, SEND);
    driver.complete(PCM_OGPP, pi, "Task_Formulate", send);
    assertThat(pi).isWaitingAt("Task_Formulate");
    Assertions.assertThat(((SpinJsonNode) variable(pi, STRUCTURE_FINDINGS)).toString())
        .contains("falta el artículo «Naturaleza y adscripción» (código NATURALEZA) con su texto");

    // The entity writes the programa's data and articles in the editor (over HTTP) and sends.
    MopContent c = seeded.mop();
    List<MopContent.Article> articles = c.articles().stream().map(a -> new MopContent.Article(a.code(), a.title(),
        a.text().isBlank() ? "Texto del artículo " + a.title() + " del Programa Nacional de Integridad Pública." : a.text()))
        .toList();
    OrgStructure complete = new OrgStructure(seeded.units(), new MopContent("PROGRAMA", "Programa Nacional de Integridad"
        + " Pública", "PNIP", new MopContent.Adscription("MINISTERIO", "Presidencia del Consejo de Ministros"),
        "Promover la integridad en la gestión pública.", "Decreto Supremo N.° 010-2026-PCM", articles));
    Http http = new Http(port);
    Http.Response saved = http.postText("/api/pgo/expedientes/" + id + "/estructura", Http.basic(PCM_OGPP, "demo"),
        complete.toJson());
    Assertions.assertThat(saved.status()).isEqualTo(200);
    Assertions.assertThat(saved.json().get("errores").asInt()).isZero();
    driver.complete(PCM_OGPP, pi, "Task_Formulate", vars(ACTION, SEND));
    driver.complete(PCM_LEGAL, pi, "Task_LegalReport",
        vars(LEGAL_DECISION, "CONFORME", "informeLegalDocumentId", upload(PCM_LEGAL, "informe-legal.pdf")));

    // Poder Ejecutivo: opinion required; favourable; a MOP adscribed to a ministry: Resolución Ministerial.
    assignComplexity(pi, "BAJA");
    evaluate(pi, EVALUATOR, vars(RESULT, "FAVORABLE"));
    Assertions.assertThat(variable(pi, INSTRUMENT)).isEqualTo("Resolución Ministerial");
    assertThat(pi).isWaitingAt("Task_RecordNorm");
    approve(pi, PCM_OGPP, "Resolución Ministerial N.° 120-2026-PCM");

    assertThat(pi).isEnded().hasPassed("EndEvent_Approved");
    List<PgoMapper.RofVersion> versions = mapper.versions(Actors.PCM_RUC, "MOP");
    Assertions.assertThat(versions).hasSize(before + 1).last().satisfies(v -> {
      Assertions.assertThat(v.state()).isEqualTo("VIGENTE");
      Assertions.assertThat(v.instrument()).isEqualTo("Resolución Ministerial");
    });
    Assertions.assertThat(http.get("/api/pgo/entidades/" + Actors.PCM_RUC + "/MOP/versiones", Http.basic(PCM_OGPP, "demo"))
        .body()).contains("Resolución Ministerial N.° 120-2026-PCM");
    Http.Response svg = http.get("/api/pgo/expedientes/" + id + "/organigrama.svg", Http.basic(PCM_OGPP, "demo"));
    Assertions.assertThat(svg.body()).startsWith("<svg").contains("Dirección Ejecutiva", "MOP");
  }
}

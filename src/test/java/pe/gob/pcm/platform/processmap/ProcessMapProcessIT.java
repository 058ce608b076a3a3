package pe.gob.pcm.platform.processmap;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static pe.gob.pcm.platform.processmap.ProcessMapFixture.*;
import static pe.gob.pcm.platform.processmap.ProcessMapProcess.*;
import static pe.gob.pcm.platform.support.Refusals.assertRefused;
import static pe.gob.pcm.platform.support.TaskDriver.vars;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TaskDriver;

/** One test per path of the process-map cycle, through the real engine and database. */
@PlatformTest
class ProcessMapProcessIT {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskDriver driver;
  @Autowired ProcessMapFixture fixture;
  @Autowired ProcessMapMapper mapper;
  @Autowired ProcessMaps maps;
  @Autowired ProcessMapRounds rounds;
  @Autowired DocumentStore documents;
  @Autowired pe.gob.pcm.platform.signature.PdfSignatureVerifier verifier;

  @BeforeEach
  void setUp() {
    init(engine);
    fixture.cancelRunningCases();
    fixture.rofInForce(Actors.MUNI_RUC, MUNICIPAL_UNITS);
  }

  @Test
  void seededFromTheTemplateFavourableApprovedAndFlaggedWhenTheRofChanges() {
    ProcessInstance pi = fixture.start("MUNICIPAL");
    assertThat(pi).isWaitingAt("Task_Formulate");
    assertThat(driver.taskAt(pi, "Task_Formulate")).hasCandidateGroup("ogpp");
    long id = fixture.caseId(pi);
    Assertions.assertThat(fixture.variables(pi)).containsEntry(MAP_VERSION, 1).containsEntry(MAP_ERRORS, 0);
    Assertions.assertThat((String) fixture.variables(pi).get(MAP_SUMMARY)).startsWith("Versión 1: 19 procesos, 0 errores");
    Assertions.assertThat(mapper.findCase(id).template).isEqualTo("MUNICIPAL");

    driver.complete(MUNI_OGPP, pi, "Task_Formulate", vars(ACTION, VALIDATE));
    assertThat(pi).isWaitingAt("Task_Formulate");
    fixture.send(pi, "Task_Formulate");
    assertThat(pi).isWaitingAt("Task_Assign");
    assertThat(driver.taskAt(pi, "Task_Assign")).hasCandidateGroup("sgp-supervisor");
    assertRefused(() -> driver.complete(SUPERVISOR, pi, "Task_Assign", vars(EVALUATOR, "muni.ogpp", COMPLEXITY, "ENORME")),
        "Evaluador: el usuario muni.ogpp no es evaluador de la SGP", "Complejidad: elija baja, media o alta");
    fixture.assign(pi, "MEDIA");

    assertThat(pi).isWaitingAt("Task_Evaluate");
    var task = driver.taskAt(pi, "Task_Evaluate");
    assertThat(task).isAssignedTo(SGP_EVALUATOR);
    Assertions.assertThat(task.getName()).startsWith("Evaluar el mapa de procesos (ronda 1): vence el ");
    Assertions.assertThat(task.getDueDate()).isNotNull();
    Assertions.assertThat(mapper.rounds(id)).singleElement().satisfies(r -> {
      Assertions.assertThat(r.termDays()).isEqualTo(15);
      Assertions.assertThat(r.mapVersion()).isEqualTo(1);
    });
    assertRefused(() -> fixture.evaluate(pi, OBSERVED, null),
        "Opinión: para observar el mapa registre al menos una observación");
    fixture.evaluate(pi, FAVOURABLE, null);
    fixture.issueReport(pi);

    assertThat(pi).isWaitingAt("Task_Approve");
    String report = (String) fixture.variables(pi).get(REPORT_DOCUMENT);
    var verification = verifier.verify(documents.content(report));
    Assertions.assertThat(verification.status()).isEqualTo(pe.gob.pcm.platform.signature.SignatureStatus.VALID);
    Assertions.assertThat(ProcessMapApiIT.pdfText(documents.content(report))).contains("Informe técnico de la SGP",
        "Opinión favorable", "PM02.01.01");
    assertRefused(() -> driver.complete(MUNI_OGPP, pi, "Task_Approve", vars(NORM_NUMBER, " ", NORM_DATE, "2999-01-01")),
        "Número de la norma: es obligatorio", "Fecha de la norma: no puede ser posterior a hoy");
    fixture.approve(pi, "Resolución de Alcaldía N.° 045-2026-MDE");
    assertThat(pi).isEnded().hasPassed("Task_MakeCurrent");
    Assertions.assertThat(mapper.findCase(id).state).isEqualTo("APROBADO");
    ProcessMapMapper.Current current = mapper.current(Actors.MUNI_RUC);
    Assertions.assertThat(current.expedienteId()).isEqualTo(id);
    Assertions.assertThat(current.norm()).isEqualTo("Resolución de Alcaldía N.° 045-2026-MDE");
    Assertions.assertThat(maps.read(id, current.version()).findings()).noneMatch(MapFinding::isError);

    // The ROF changes: Servicios Públicos (12) disappears; the map in force now flags its processes.
    List<String> without = new ArrayList<>(MUNICIPAL_UNITS);
    without.remove("12");
    fixture.rofInForce(Actors.MUNI_RUC, without);
    Assertions.assertThat(maps.read(id, current.version()).findings()).filteredOn(MapFinding::isError)
        .extracting(MapFinding::process).containsExactly("PM03", "PM03.01");
  }

  @Test
  void observedTwiceAnsweredProcessByProcessThenFavourable() {
    ProcessInstance pi = fixture.start("MUNICIPAL");
    long id = fixture.caseId(pi);
    fixture.send(pi, "Task_Formulate");
    fixture.assign(pi, "BAJA");
    var evaluator = new Object() {
      void observe(int round, String process, String text) {
        rounds.record(id, round, new ProcessMapRounds.ObservationsInput(List.of(
            new ProcessMapRounds.ObservationInput(process, "RESPONSABLE", text))), SGP_EVALUATOR);
      }
    };
    assertRefused(() -> rounds.record(id, 1, new ProcessMapRounds.ObservationsInput(List.of(
            new ProcessMapRounds.ObservationInput("NOEXISTE", "OTRA", "x"),
            new ProcessMapRounds.ObservationInput(null, "COLOR", " "))), SGP_EVALUATOR),
        "Observación 1 - proceso: el proceso NOEXISTE no está en la versión evaluada del mapa",
        "Observación 2 - categoría: elija una categoría de la lista", "Observación 2 - texto: es obligatorio");
    evaluator.observe(1, "PM02.01", "La licencia de funcionamiento corresponde a la subgerencia de licencias.");
    fixture.evaluate(pi, OBSERVED, null);

    assertThat(pi).isWaitingAt("Task_Correct");
    Assertions.assertThat(mapper.findCase(id).state).isEqualTo("OBSERVADO");
    Assertions.assertThat(fixture.variables(pi).get(OBSERVATIONS).toString()).contains("PM02.01", "Unidad responsable");
    assertRefused(() -> fixture.send(pi, "Task_Correct"), "Acción: responda antes las observaciones [1]");
    assertRefused(() -> rounds.answer(id, 1, new pe.gob.pcm.platform.pgo.PgoRounds.AnswersInput(List.of(
        new pe.gob.pcm.platform.pgo.PgoRounds.AnswerInput(1, "ARGUMENTADA", ""), new pe.gob.pcm.platform.pgo.PgoRounds.AnswerInput(9, "ACEPTADA", null))),
        MUNI_OGPP), "Respuesta a la observación 1 - argumento: es obligatorio",
        "Respuesta 2: no corresponde a una observación de la ronda 1");
    // The entity moves the process to another unit and answers.
    ProcessMap map = maps.read(id, null).map();
    List<MapProcess> changed = new ArrayList<>(map.processes());
    for (int i = 0; i < changed.size(); i++) {
      MapProcess p = changed.get(i);
      if (p.code().equals("PM02.01")) {
        changed.set(i, new MapProcess(p.code(), p.name(), p.level(), p.type(), p.parent(), "12", p.inputs(), p.outputs(), null));
      }
    }
    Assertions.assertThat(maps.save(id, new ProcessMap(changed), MUNI_OGPP).version()).isEqualTo(2);
    rounds.answer(id, 1, new pe.gob.pcm.platform.pgo.PgoRounds.AnswersInput(List.of(new pe.gob.pcm.platform.pgo.PgoRounds.AnswerInput(1, "MODIFICADA",
        "Se asignó a la Gerencia de Servicios Públicos."))), MUNI_OGPP);
    fixture.send(pi, "Task_Correct");

    assertThat(pi).isWaitingAt("Task_Evaluate");
    Assertions.assertThat(mapper.rounds(id)).extracting(ProcessMapMapper.Round::mapVersion).containsExactly(1, 2);
    Assertions.assertThat(fixture.variables(pi).get(OBSERVATIONS).toString()).contains("Modificada");
    evaluator.observe(2, null, "Falta el diagrama del proceso de limpieza pública.");
    fixture.evaluate(pi, OBSERVED, null);
    rounds.answer(id, 2, new pe.gob.pcm.platform.pgo.PgoRounds.AnswersInput(List.of(new pe.gob.pcm.platform.pgo.PgoRounds.AnswerInput(2 - 1, "ARGUMENTADA",
        "El proceso es de nivel 1; el diagrama corresponde al nivel 2."))), MUNI_OGPP);
    fixture.send(pi, "Task_Correct");
    fixture.evaluate(pi, FAVOURABLE, "Se absolvieron las observaciones.");
    fixture.issueReport(pi);
    assertThat(pi).isWaitingAt("Task_Approve");
    Assertions.assertThat(mapper.rounds(id)).extracting(ProcessMapMapper.Round::result)
        .containsExactly(OBSERVED, OBSERVED, FAVOURABLE);
    Assertions.assertThat(mapper.documents(id)).singleElement().satisfies(d -> Assertions.assertThat(d.round()).isEqualTo(3));
  }

  @Test
  void anUnfavourableOpinionNeedsGroundsAndEndsTheCase() {
    ProcessInstance pi = fixture.start("GENERAL");
    long id = fixture.caseId(pi);
    // the GENERAL template points at unit 01 for everything: valid against this ROF
    fixture.send(pi, "Task_Formulate");
    fixture.assign(pi, "ALTA");
    Assertions.assertThat(mapper.rounds(id).get(0).termDays()).isEqualTo(25);
    assertRefused(() -> fixture.evaluate(pi, UNFAVOURABLE, ""), "Fundamentos: es obligatorio");
    fixture.evaluate(pi, UNFAVOURABLE, "El mapa no refleja los procesos misionales de la municipalidad.");
    fixture.issueReport(pi);
    assertThat(pi).isWaitingAt("Task_Unfavourable");
    driver.complete(MUNI_OGPP, pi, "Task_Unfavourable", vars());
    assertThat(pi).isEnded().hasPassed("EndEvent_Unfavourable");
    Assertions.assertThat(mapper.findCase(id).state).isEqualTo(UNFAVOURABLE);
  }

  @Test
  void notAnsweredInTimeIsArchivedAndALateEvaluationIsRecorded() {
    ProcessInstance pi = fixture.start("MUNICIPAL");
    long id = fixture.caseId(pi);
    fixture.send(pi, "Task_Formulate");
    fixture.assign(pi, "BAJA");
    fixture.timer(pi, "Event_EvaluationDeadline");
    assertThat(pi).isWaitingAt("Task_Evaluate");
    Assertions.assertThat(mapper.rounds(id).get(0).breached()).isEqualTo(1);
    rounds.record(id, 1, new ProcessMapRounds.ObservationsInput(List.of(
        new ProcessMapRounds.ObservationInput(null, "OTRA", "Revise el mapa."))), SGP_EVALUATOR);
    fixture.evaluate(pi, OBSERVED, null);
    fixture.timer(pi, "Event_CorrectionDeadline");
    assertThat(pi).isEnded().hasPassed("EndEvent_Archived");
    Assertions.assertThat(mapper.findCase(id).state).isEqualTo("ARCHIVADO");
  }

  @Test
  void aBadStartOrAMapWithErrorsIsRefusedAndLosesNothing() {
    assertRefused(() -> fixture.start("INVENTADA"), "Plantilla de la SGP: elija una plantilla de la lista");
    ProcessInstance pi = fixture.start("NINGUNA");
    long id = fixture.caseId(pi);
    assertRefused(() -> fixture.start("MUNICIPAL"),
        "Entidad: la entidad ya tiene un expediente de mapa de procesos en curso");
    assertRefused(() -> fixture.send(pi, "Task_Formulate"), "Acción: guarde el mapa en el editor antes de enviarlo");
    ProcessMap broken = new ProcessMap(List.of(new MapProcess("PM01", "Prestación", 0, "MISIONAL", null, "99",
        List.of(), List.of(), null)));
    Assertions.assertThat(maps.save(id, broken, MUNI_OGPP).errors()).isEqualTo(3);
    assertRefused(() -> fixture.send(pi, "Task_Formulate"), "Acción: no se puede enviar: el mapa tiene 3 errores");
    assertThat(pi).isWaitingAt("Task_Formulate");
    // cancelled in Cockpit: the entity may open a new case
    runtime.deleteProcessInstance(pi.getId(), "cancelado por el administrador");
    ProcessInstance again = fixture.start("MUNICIPAL");
    assertThat(again).isWaitingAt("Task_Formulate");
    Assertions.assertThat(mapper.findCase(id).state).isEqualTo("CANCELADO");
  }
}

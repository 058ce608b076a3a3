package pe.gob.pcm.platform.procedure;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static pe.gob.pcm.platform.procedure.ProcedureFixture.*;
import static pe.gob.pcm.platform.procedure.ProcedureProcess.*;
import static pe.gob.pcm.platform.support.Refusals.assertRefused;
import static pe.gob.pcm.platform.support.TaskDriver.vars;

import java.time.LocalDate;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TaskDriver;

/** One test per path of the SGP's cycle and of an entity's adoption, through the real engine and database. */
@PlatformTest
class ProcedureProcessIT {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskDriver driver;
  @Autowired ProcedureFixture fixture;
  @Autowired ProcedureMapper mapper;
  @Autowired JdbcTemplate jdbc;
  @Autowired Actors actors;
  @Autowired ProcedureProperties properties;

  @BeforeEach
  void setUp() {
    init(engine);
  }

  LocalDate today() {
    return LocalDate.now(java.time.ZoneId.of("America/Lima"));
  }

  @Test
  void theSgpStartsTheCycleFromTasklistInItsOwnTenant() throws Exception {
    // Tasklist's start form sends the SGP's entity (a read-only field) and the optional code
    var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
        .latestVersion().list().get(0);
    Assertions.assertThat(definition.isStartableInTasklist()).isTrue();
    String form = new String(engine.getFormService().getDeployedStartForm(definition.getId()).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    var field = new com.fasterxml.jackson.databind.ObjectMapper().readTree(form).path("components").findParents("key")
        .stream().filter(c -> ENTITY_RUC.equals(c.path("key").asText())).findFirst().orElseThrow();
    Assertions.assertThat(field.path("defaultValue").asText()).isEqualTo(properties.sgpEntityRuc());
    Assertions.assertThat(field.path("readonly").asBoolean()).isTrue();
    ProcessInstance pi = actors.as(EVALUATOR, () -> runtime.startProcessInstanceByKey(KEY,
        vars(ENTITY_RUC, field.path("defaultValue").asText(), CODE, "")));
    assertThat(pi).isWaitingAt("Task_Formulate");
    Assertions.assertThat(pi.getTenantId()).isEqualTo(Actors.PCM_RUC);
    runtime.deleteProcessInstance(pi.getId(), "prueba");
  }

  @Test
  void approvedFirstTimeIsPublishedAndEachLocalEntityStartsItsAdoption() {
    ProcessInstance pi = fixture.start(null);
    assertThat(pi).isWaitingAt("Task_Formulate");
    Assertions.assertThat(pi.getTenantId()).isEqualTo(Actors.PCM_RUC);
    assertThat(driver.taskAt(pi, "Task_Formulate")).hasCandidateGroup("sgp-evaluador");
    Map<String, Object> incomplete = licence("");
    incomplete.put(LEVEL_LOCAL, false);
    incomplete.put(TERM_DAYS, 0L);
    assertRefused(() -> fixture.formulate(pi, incomplete), "Nombre del procedimiento: es obligatorio",
        "Plazo máximo (días hábiles): debe ser un número entero", "Niveles de gobierno: marque al menos un nivel");

    fixture.formulate(pi, licence("Licencia de funcionamiento (primera)"));
    String code = (String) runtime.getVariable(pi.getId(), CODE);
    Assertions.assertThat(code).matches("PE-\\d{4,}");
    assertThat(pi).isWaitingAt("Task_LegalReview");
    assertThat(driver.taskAt(pi, "Task_LegalReview")).hasCandidateGroup("asesoria-legal");
    fixture.legal(pi, CONFORME, null);

    assertThat(pi).isWaitingAt("Task_Approve");
    assertThat(driver.taskAt(pi, "Task_Approve")).hasCandidateGroup("sgp-supervisor");
    assertRefused(() -> driver.complete(SUPERVISOR, pi, "Task_Approve", vars(NORM_TYPE, "LEY", NORM_NUMBER, "",
        NORM_DATE, today().plusDays(3).toString())), "Tipo de norma: elija una opción de la lista",
        "Número de la norma: es obligatoria", "Fecha de la norma: no puede ser posterior a hoy");
    fixture.approveAndPublish(pi, today());
    assertThat(pi).hasPassed("Task_Publish").isWaitingAt("Task_StartAdoptions");

    ProcedureMapper.ProcedureRow procedure = mapper.procedureByCode(code);
    Assertions.assertThat(procedure.currentVersion()).isEqualTo(1);
    Assertions.assertThat(procedure.publishedDate()).isEqualTo(today());
    ProcedureMapper.VersionRow version = mapper.versionOf(procedure.id(), 1);
    Assertions.assertThat(version.state).isEqualTo("PUBLICADA");
    Assertions.assertThat(version.normNumber).isEqualTo("Decreto Supremo N.° 045-2026-PCM");
    Assertions.assertThat(version.fee).isEqualByComparingTo("120.00");

    fixture.startAdoptions(pi);
    assertThat(pi).isEnded().hasPassed("EndEvent_Published");
    // The municipality (LOCAL) adopts it; the PCM (NACIONAL) does not.
    ProcessInstance adoption = fixture.adoption(code);
    Assertions.assertThat(adoption).isNotNull();
    Assertions.assertThat(adoption.getTenantId()).isEqualTo(Actors.MUNI_RUC);
    assertThat(adoption).isWaitingAt("Task_Adopt");
    assertThat(driver.taskAt(adoption, "Task_Adopt")).hasCandidateGroup("ogpp");
    Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ADOPTION_KEY)
        .processInstanceBusinessKeyLike("ADECUACION-" + code + "-%-" + Actors.PCM_RUC).count()).isZero();
  }

  @Test
  void returnedByLegalReviewIsCorrectedThenApproved() {
    ProcessInstance pi = fixture.start(null);
    fixture.formulate(pi, licence("Licencia de funcionamiento (observada)"));
    assertRefused(() -> fixture.legal(pi, OBSERVE, " "), "Observaciones: es obligatoria");
    fixture.legal(pi, OBSERVE, "Cite el artículo de la Ley 28976 que fija el plazo.");
    assertThat(pi).isWaitingAt("Task_Formulate");
    long versionId = ((Number) runtime.getVariable(pi.getId(), VERSION_ID)).longValue();
    Assertions.assertThat(mapper.version(versionId).state).isEqualTo("OBSERVADA");
    Assertions.assertThat(runtime.getVariable(pi.getId(), LEGAL_OBSERVATION)).isEqualTo("Cite el artículo de la Ley 28976 que fija el plazo.");

    Map<String, Object> corrected = licence("Licencia de funcionamiento (observada)");
    corrected.put(LEGAL_BASIS, "Ley 28976, artículo 8 (plazo)");
    fixture.formulate(pi, corrected);
    Assertions.assertThat(mapper.version(versionId).legalBasis).isEqualTo("Ley 28976, artículo 8 (plazo)");
    assertThat(pi).isWaitingAt("Task_LegalReview");
    fixture.legal(pi, CONFORME, null);
    fixture.approveAndPublish(pi, today());
    fixture.startAdoptions(pi);
    assertThat(pi).isEnded().hasPassed("Task_Publish");
    Assertions.assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("Task_LegalReview").count()).isEqualTo(2);
    Assertions.assertThat(mapper.version(versionId).state).isEqualTo("PUBLICADA");
  }

  @Test
  void anUpdateIsANewVersionThatSupersedesThePublishedOne() {
    String code = fixture.publish("Certificado de defensa civil (actualizado)", today());
    assertRefused(() -> fixture.start("PE-99999999"), "Código del procedimiento: no hay un procedimiento estandarizado");
    ProcessInstance update = fixture.start(code);
    Assertions.assertThat(runtime.getVariable(update.getId(), VERSION)).isEqualTo(2);
    // The form starts from the version in force.
    Assertions.assertThat(runtime.getVariable(update.getId(), NAME)).isEqualTo("Certificado de defensa civil (actualizado)");
    assertRefused(() -> fixture.start(code), "ya tiene una versión en formulación");
    Map<String, Object> v2 = licence("Certificado de defensa civil (actualizado)");
    v2.put(TERM_DAYS, 8L);
    fixture.formulate(update, v2);
    fixture.legal(update, CONFORME, null);
    fixture.approveAndPublish(update, today());
    ProcedureMapper.ProcedureRow procedure = mapper.procedureByCode(code);
    Assertions.assertThat(procedure.currentVersion()).isEqualTo(2);
    Assertions.assertThat(mapper.versionOf(procedure.id(), 1).state).isEqualTo("SUPERADA");
    Assertions.assertThat(mapper.versionOf(procedure.id(), 2).termDays).isEqualTo(8);
    // The municipality is still adopting version 1: no second adoption is started for it.
    fixture.startAdoptions(update);
    Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ADOPTION_KEY)
        .processInstanceBusinessKeyLike("ADECUACION-" + code + "-%-" + Actors.MUNI_RUC).count()).isEqualTo(1);

    // Once it adopts version 1, its adoption of version 2 starts by itself.
    ProcessInstance v1 = fixture.adoption(code);
    Assertions.assertThat(v1.getBusinessKey()).isEqualTo("ADECUACION-" + code + "-V1-" + Actors.MUNI_RUC);
    fixture.adopt(v1, 120.0, 10L, "Solicitud con carácter de declaración jurada\nCopia de la vigencia de poder");
    fixture.review(v1, APPROVE, null);
    assertThat(v1).isEnded();
    ProcessInstance v2Adoption = fixture.adoption(code);
    Assertions.assertThat(v2Adoption).as("la adecuación de la versión 2").isNotNull();
    Assertions.assertThat(v2Adoption.getBusinessKey()).isEqualTo("ADECUACION-" + code + "-V2-" + Actors.MUNI_RUC);
    Assertions.assertThat(v2Adoption.getTenantId()).isEqualTo(Actors.MUNI_RUC);
    assertThat(v2Adoption).isWaitingAt("Task_Adopt");
  }

  @Test
  void adoptionObservedForItsDeviationsThenApprovedBecomesTheEntitysCurrentVersion() {
    String code = fixture.publish("Licencia de funcionamiento (adecuación)", today());
    ProcessInstance pi = fixture.adoption(code);
    long procedureId = mapper.procedureByCode(code).id();
    Assertions.assertThat(runtime.getVariable(pi.getId(), STANDARD_SUMMARY).toString())
        .contains("Derecho de tramitación máximo: S/ 120.00", "Plazo máximo: 10 días hábiles");

    assertRefused(() -> fixture.adopt(pi, "mucho", 400, ""), "Derecho de tramitación de la entidad (S/): debe ser un monto",
        "Plazo de la entidad (días hábiles): debe ser un número entero");
    fixture.adopt(pi, 150.0, 15, "Solicitud con carácter de declaración jurada\nCopia del DNI");
    assertThat(pi).hasPassed("Task_CheckAdoption").isWaitingAt("Task_ReviewAdoption");
    Assertions.assertThat(runtime.getVariable(pi.getId(), DEVIATION_COUNT)).isEqualTo(3);
    Assertions.assertThat(runtime.getVariable(pi.getId(), DEVIATION_SUMMARY).toString()).contains(
        "Derecho de tramitación: supera el derecho de tramitación del estándar (estándar: S/ 120.00; adoptado: S/ 150.00)",
        "Plazo máximo (días hábiles): excede el plazo máximo del estándar (estándar: 10; adoptado: 15)",
        "Requisitos: requisito nuevo: el estándar no lo exige (estándar: (no figura en el estándar); adoptado: Copia del DNI)");
    long adoptionId = ((Number) runtime.getVariable(pi.getId(), ADOPTION_ID)).longValue();
    Assertions.assertThat(jdbc.queryForList("SELECT campo FROM proc_adopcion_desviacion WHERE adopcion_id = ? ORDER BY orden",
        String.class, adoptionId)).containsExactly("Derecho de tramitación", "Plazo máximo (días hábiles)", "Requisitos");

    assertRefused(() -> fixture.review(pi, APPROVE, null), "no se puede aprobar una adecuación con 3 desviaciones");
    fixture.review(pi, OBSERVE, "Ajuste el derecho, el plazo y los requisitos al estándar.");
    assertThat(pi).isWaitingAt("Task_Adopt");
    Assertions.assertThat(mapper.adoption(adoptionId).state).isEqualTo("OBSERVADA");

    fixture.adopt(pi, 100.0, 10, "Solicitud con carácter de declaración jurada");
    Assertions.assertThat(runtime.getVariable(pi.getId(), DEVIATION_COUNT)).isEqualTo(0);
    Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM proc_adopcion_desviacion WHERE adopcion_id = ?",
        Integer.class, adoptionId)).isZero();
    fixture.review(pi, APPROVE, null);
    assertThat(pi).isEnded().hasPassed("Task_RecordAdoption", "EndEvent_Adopted");
    Assertions.assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("Task_Adopt").count()).isEqualTo(2);

    Map<String, Object> current = jdbc.queryForMap("SELECT adopcion_id, version FROM proc_entidad_vigente"
        + " WHERE entity_ruc = ? AND procedimiento_id = ?", Actors.MUNI_RUC, procedureId);
    Assertions.assertThat(((Number) current.get("adopcion_id")).longValue()).isEqualTo(adoptionId);
    Assertions.assertThat(((Number) current.get("version")).intValue()).isEqualTo(1);
    ProcedureMapper.AdoptionRow adopted = mapper.adoption(adoptionId);
    Assertions.assertThat(adopted.state).isEqualTo("APROBADA");
    Assertions.assertThat(adopted.fee).isEqualByComparingTo("100.00");
    Assertions.assertThat(adopted.unit).isEqualTo("Subgerencia de Licencias y Comercialización");
  }

  @Test
  void anEntityStartsAnAdoptionOnDemandOnlyOfAProcedureOfItsLevel() {
    String code = fixture.publish("Constancia de posesión (a pedido)", today());
    // Already adopting it since the publication.
    assertRefused(() -> actors.as(MUNI_OGPP, () -> runtime.startProcessInstanceByKey(ADOPTION_KEY, vars(CODE, code))),
        "Código del procedimiento: la entidad ya tiene una adecuación en curso");
    // The PCM (national level) may not adopt a local procedure.
    assertRefused(() -> actors.as("pcm.ogpp", () -> runtime.startProcessInstanceByKey(ADOPTION_KEY, vars(CODE, code))),
        "Código del procedimiento: no se aplica a las entidades de nivel NACIONAL");
  }
}

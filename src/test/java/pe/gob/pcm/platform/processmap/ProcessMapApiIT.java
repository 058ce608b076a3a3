package pe.gob.pcm.platform.processmap;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static pe.gob.pcm.platform.processmap.ProcessMapFixture.*;
import static pe.gob.pcm.platform.processmap.ProcessMapProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;

/** The process-map API over real HTTP, as the editor page and other systems use it. */
@PlatformTest
class ProcessMapApiIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ProcessMapFixture fixture;
  @Autowired ProcessMapMapper mapper;

  static final String OGPP = Http.basic(MUNI_OGPP, "demo");
  static final String SGP = Http.basic(SGP_EVALUATOR, "demo");

  @BeforeEach
  void setUp() {
    init(engine);
    fixture.cancelRunningCases();
    fixture.rofInForce(Actors.MUNI_RUC, MUNICIPAL_UNITS);
  }

  static String pdfText(byte[] pdf) {
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theTemplatesAreListedAndServedInTheMapFormat() {
    Http http = new Http(port);
    Http.Response list = http.get("/api/mapas/plantillas", OGPP);
    Assertions.assertThat(list.status()).isEqualTo(200);
    Assertions.assertThat(list.json().findValuesAsText("codigo")).contains("MUNICIPAL", "GENERAL");
    Http.Response one = http.get("/api/mapas/plantillas/MUNICIPAL", OGPP);
    Assertions.assertThat(one.json().path("procesos")).hasSize(19);
    Assertions.assertThat(http.get("/api/mapas/plantillas/NO", OGPP).status()).isEqualTo(404);
    Assertions.assertThat(http.get("/api/mapas/plantillas", null).status()).isEqualTo(401);
  }

  @Test
  void theCasesAreListedAPageAtATimeThePcmSeesAllAnEntityItsOwn() {
    Http http = new Http(port);
    ProcessInstance pi = fixture.start("GENERAL");
    long id = fixture.caseId(pi);
    JsonNode all = http.get("/api/mapas/expedientes?tamano=1", SGP).json();
    Assertions.assertThat(all.path("total").asLong()).isGreaterThanOrEqualTo(1);
    Assertions.assertThat(all.path("expedientes")).hasSize(1);
    Assertions.assertThat(all.path("expedientes").get(0).path("id").asLong()).isEqualTo(id);
    JsonNode forming = http.get("/api/mapas/expedientes?estado=en_formulacion&entidad=" + Actors.MUNI_RUC, SGP).json();
    Assertions.assertThat(forming.path("expedientes").findValuesAsText("estado")).containsOnly("EN_FORMULACION");
    Assertions.assertThat(forming.path("expedientes").findValuesAsText("entidad")).containsOnly(Actors.MUNI_RUC);
    // an entity's user sees only its own, whatever it asks
    JsonNode own = http.get("/api/mapas/expedientes", OGPP).json();
    Assertions.assertThat(own.path("expedientes").findValuesAsText("entidad")).containsOnly(Actors.MUNI_RUC);
    Assertions.assertThat(http.get("/api/mapas/expedientes?entidad=" + Actors.PCM_RUC, OGPP).status()).isEqualTo(404);
    Http.Response bad = http.get("/api/mapas/expedientes?estado=X&pagina=-1&tamano=500&entidad=1", SGP);
    Assertions.assertThat(bad.status()).isEqualTo(400);
    Assertions.assertThat(bad.body()).contains("Estado: elija un estado de la lista", "Página: debe ser un número entre 0",
        "Tamaño de página: debe ser un número entre 1 y 100", "Entidad:");
  }

  @Test
  void theEntityEditsItsMapOverHttpAndTheSgpObservesProcessByProcess() {
    Http http = new Http(port);
    ProcessInstance pi = fixture.start("MUNICIPAL");
    long id = fixture.caseId(pi);
    String base = "/api/mapas/expedientes/" + id;

    Http.Response read = http.get(base, OGPP);
    Assertions.assertThat(read.status()).isEqualTo(200);
    JsonNode c = read.json();
    Assertions.assertThat(c.path("version").asInt()).isEqualTo(1);
    Assertions.assertThat(c.path("puedeEditar").asBoolean()).isTrue();
    Assertions.assertThat(c.path("puedeObservar").asBoolean()).isFalse();
    Assertions.assertThat(c.path("unidades").findValuesAsText("codigo")).contains("07", "12");
    String seeded = c.path("mapa").toString();

    // bad text refused saying where; a unit that is not in the ROF flagged on its process; only the planner
    Http.Response bad = http.putText(base + "/mapa", OGPP, "{ no es json");
    Assertions.assertThat(bad.status()).isEqualTo(400);
    Assertions.assertThat(bad.body()).contains("Mapa de procesos (JSON): no sigue el formato JSON del mapa de procesos (línea 1");
    String broken = seeded.replace("\"unidad\":\"11\"", "\"unidad\":\"99\"");
    Assertions.assertThat(broken).isNotEqualTo(seeded);
    Http.Response checked = http.postText(base + "/mapa/verificacion", OGPP, broken);
    Assertions.assertThat(checked.status()).isEqualTo(200);
    Assertions.assertThat(checked.json().path("version").asInt()).isEqualTo(1);
    Assertions.assertThat(checked.json().path("cambio").asBoolean()).isTrue();
    Assertions.assertThat(checked.json().path("hallazgos").toString())
        .contains("la unidad responsable 99 no existe en la estructura vigente");
    Assertions.assertThat(mapper.latestVersion(id).version()).isEqualTo(1);
    Http.Response notThePlanner = http.putText(base + "/mapa", SGP, seeded);
    Assertions.assertThat(notThePlanner.status()).isEqualTo(409);
    Assertions.assertThat(notThePlanner.json().path("detail").asText())
        .isEqualTo("Solo la oficina de planeamiento de la entidad puede editar el mapa.");
    Assertions.assertThat(http.get(base, Http.basic("pcm.ogpp", "demo")).status()).isEqualTo(404);
    Http.Response saved = http.putText(base + "/mapa", OGPP, broken);
    Assertions.assertThat(saved.status()).isEqualTo(200);
    Assertions.assertThat(saved.json().path("version").asInt()).isEqualTo(2);
    Assertions.assertThat(saved.json().path("errores").asInt()).isGreaterThan(0);
    Assertions.assertThat(http.putText(base + "/mapa", OGPP, broken).json().path("cambio").asBoolean()).isFalse();
    Assertions.assertThat(fixture.variables(pi)).containsEntry(MAP_VERSION, 2);

    Http.Response svg = http.get(base + "/mapa.svg", OGPP);
    Assertions.assertThat(svg.status()).isEqualTo(200);
    Assertions.assertThat(svg.contentType()).startsWith("image/svg+xml");
    Assertions.assertThat(svg.body()).startsWith("<svg").contains("Procesos misionales", "stroke='#d93025'");
    Http.Bytes pdf = http.getBytes(base + "/mapa.pdf?version=1", OGPP);
    Assertions.assertThat(pdf.status()).isEqualTo(200);
    Assertions.assertThat(pdf.contentType()).isEqualTo("application/pdf");
    Assertions.assertThat(pdfText(pdf.body())).contains("Mapa de procesos de", "Procesos estratégicos",
        "PM02.01.01 Evaluar y otorgar la licencia de funcionamiento", "con diagrama BPMN");
    Assertions.assertThat(http.get(base + "/mapa.svg?version=9", OGPP).status()).isEqualTo(404);

    Http.Response fixed = http.putText(base + "/mapa", OGPP, seeded);
    Assertions.assertThat(fixed.json().path("errores").asInt()).isZero();
    fixture.send(pi, "Task_Formulate");
    fixture.assign(pi, "MEDIA");

    // the SGP observes the round in course; a bad observation names its number and field
    Assertions.assertThat(http.get(base, SGP).json().path("puedeObservar").asBoolean()).isTrue();
    Http.Response refused = http.putJson(base + "/rondas/1/observaciones", SGP, Map.of("observaciones",
        List.of(Map.of("proceso", "ZZ", "categoria", "OTRA", "texto", "x"))));
    Assertions.assertThat(refused.status()).isEqualTo(400);
    Assertions.assertThat(refused.body()).contains("Observación 1 - proceso: el proceso ZZ no está en la versión evaluada");
    Assertions.assertThat(http.putJson(base + "/rondas/2/observaciones", SGP, Map.of("observaciones", List.of()))
        .status()).isEqualTo(409);
    Assertions.assertThat(http.putJson(base + "/rondas/1/observaciones", OGPP, Map.of("observaciones", List.of()))
        .status()).isEqualTo(409);
    Http.Response observed = http.putJson(base + "/rondas/1/observaciones", SGP, Map.of("observaciones", List.of(
        Map.of("proceso", "PM01.01.01", "categoria", "DIAGRAMA", "texto", "Falta la tarea de inspección técnica."))));
    Assertions.assertThat(observed.status()).isEqualTo(200);
    Assertions.assertThat(observed.json().get(0).path("procesoNombre").asText())
        .isEqualTo("Evaluar y otorgar la licencia de edificación");
    fixture.evaluate(pi, OBSERVED, null);

    Assertions.assertThat(http.get(base, OGPP).json().path("puedeResponder").asBoolean()).isTrue();
    Http.Response answered = http.putJson(base + "/rondas/1/respuestas", OGPP, Map.of("respuestas", List.of(
        Map.of("numero", 1, "respuesta", "ACEPTADA", "texto", "Se agregó la tarea."))));
    Assertions.assertThat(answered.status()).isEqualTo(200);
    Assertions.assertThat(answered.json().get(0).path("respuesta").asText()).isEqualTo("ACEPTADA");
    Assertions.assertThat(http.get(base, OGPP).json().path("observaciones").toString()).contains("Se agregó la tarea.");
  }

  @Test
  void theCurrentMapOfAnEntityIsServedWithItsUnitsCheckedAgainstTheRofInForce() {
    Http http = new Http(port);
    ProcessInstance pi = fixture.start("MUNICIPAL");
    fixture.send(pi, "Task_Formulate");
    fixture.assign(pi, "BAJA");
    fixture.evaluate(pi, FAVOURABLE, null);
    fixture.issueReport(pi);
    fixture.approve(pi, "Resolución de Alcaldía N.° 7-2026");
    String base = "/api/entidades/" + Actors.MUNI_RUC + "/mapa-procesos";
    Http.Response current = http.get(base, OGPP);
    Assertions.assertThat(current.status()).isEqualTo(200);
    Assertions.assertThat(current.json().path("vigente").path("norma").asText()).isEqualTo("Resolución de Alcaldía N.° 7-2026");
    Assertions.assertThat(current.json().path("unidadesInexistentes")).isEmpty();
    Assertions.assertThat(http.get(base, Http.basic("pcm.ogpp", "demo")).status()).isEqualTo(404);
    Assertions.assertThat(http.get(base, SGP).status()).isEqualTo(200);
    Assertions.assertThat(http.get("/api/entidades/123/mapa-procesos", SGP).status()).isEqualTo(400);

    List<String> without = new ArrayList<>(MUNICIPAL_UNITS);
    without.remove("08.3");
    fixture.rofInForce(Actors.MUNI_RUC, without);
    JsonNode flagged = http.get(base, OGPP).json();
    Assertions.assertThat(flagged.path("unidadesInexistentes").toString()).isEqualTo("[\"PA01.03\"]");
    Assertions.assertThat(http.get(base + ".svg", OGPP).body()).contains("fill='#d93025'>• PA01.03");
    Http.Bytes pdf = http.getBytes(base + ".pdf", OGPP);
    Assertions.assertThat(pdfText(pdf.body())).contains("Vigente, aprobado por Resolución de Alcaldía N.° 7-2026",
        "la unidad responsable 08.3 no existe en la estructura vigente");
  }
}

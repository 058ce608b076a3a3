package pe.gob.pcm.platform.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.calendar.BusinessCalendar;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;

/** The catalogue and an entity's procedures over real HTTP: adopted, pending and overdue in working days. */
@PlatformTest
class ProcedureApiIT {

  static final String MUNI = Http.basic("muni.ogpp", "demo");
  static final String SGP = Http.basic("sgp.evaluador", "demo");
  static final String PCM = Http.basic("pcm.ogpp", "demo");

  @LocalServerPort int port;
  @Autowired ProcedureFixture fixture;
  @Autowired BusinessCalendar calendar;
  @Autowired ProcedureProperties properties;
  @Autowired RuntimeService runtime;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  static JsonNode row(JsonNode page, String code) {
    return StreamSupport.stream(page.get("procedimientos").spliterator(), false)
        .filter(p -> code.equals(p.get("codigo").asText())).findFirst().orElse(null);
  }

  @Test
  void anEntitySeesWhatAppliesToItWhatItAdoptedAndWhatIsOverdue() {
    LocalDate today = LocalDate.now(calendar.zone());
    LocalDate longAgo = today.minusDays(90);
    String overdue = fixture.publish("Autorización de anuncio publicitario (API vencido)", longAgo);
    String pending = fixture.publish("Autorización de anuncio publicitario (API pendiente)", today);
    String adopted = fixture.publish("Autorización de anuncio publicitario (API adoptado)", longAgo);
    ProcessInstance adoption = fixture.adoption(adopted);
    fixture.adopt(adoption, 100.0, 10, "Solicitud con carácter de declaración jurada");
    fixture.review(adoption, ProcedureProcess.APPROVE, null);

    Http.Response all = http.get("/api/entidad/procedimientos?tamano=100", MUNI);
    assertThat(all.status()).isEqualTo(200);
    JsonNode body = all.json();
    assertThat(body.get("ruc").asText()).isEqualTo(Actors.MUNI_RUC);
    assertThat(body.get("nivelGobierno").asText()).isEqualTo("LOCAL");
    assertThat(body.get("plazoAdecuacionDiasHabiles").asInt()).isEqualTo(properties.adoptionWorkingDays());
    JsonNode late = row(body, overdue);
    assertThat(late.get("situacion").asText()).isEqualTo("VENCIDO");
    assertThat(late.hasNonNull("versionAdoptada")).isFalse();
    assertThat(late.get("publicado").asText()).isEqualTo(longAgo.toString());
    assertThat(late.get("plazoAdecuacion").asText())
        .isEqualTo(calendar.addWorkingDays(longAgo, properties.adoptionWorkingDays()).toString());
    assertThat(row(body, pending).get("situacion").asText()).isEqualTo("PENDIENTE");
    JsonNode done = row(body, adopted);
    assertThat(done.get("situacion").asText()).isEqualTo("ADOPTADO");
    assertThat(done.get("versionAdoptada").asInt()).isEqualTo(1);

    JsonNode overdueOnly = http.get("/api/entidades/" + Actors.MUNI_RUC + "/procedimientos?situacion=vencidos&tamano=100", MUNI).json();
    assertThat(row(overdueOnly, overdue)).isNotNull();
    assertThat(row(overdueOnly, pending)).isNull();
    assertThat(row(overdueOnly, adopted)).isNull();
    assertThat(StreamSupport.stream(overdueOnly.get("procedimientos").spliterator(), false)
        .allMatch(p -> "VENCIDO".equals(p.get("situacion").asText()))).isTrue();
    assertThat(overdueOnly.get("total").asLong()).isEqualTo(overdueOnly.get("procedimientos").size());

    JsonNode pendingOnly = http.get("/api/entidad/procedimientos?situacion=PENDIENTES&tamano=100", MUNI).json();
    assertThat(row(pendingOnly, overdue)).isNotNull();
    assertThat(row(pendingOnly, pending)).isNotNull();
    assertThat(row(pendingOnly, adopted)).isNull();
    JsonNode adoptedOnly = http.get("/api/entidad/procedimientos?situacion=ADOPTADOS&tamano=100", MUNI).json();
    assertThat(row(adoptedOnly, adopted)).isNotNull();
    assertThat(row(adoptedOnly, pending)).isNull();

    // A national entity: none of these local procedures applies to it.
    assertThat(row(http.get("/api/entidad/procedimientos?tamano=100", PCM).json(), pending)).isNull();
    // PCM staff see any entity; an entity user only its own.
    assertThat(row(http.get("/api/entidades/" + Actors.MUNI_RUC + "/procedimientos?tamano=100", SGP).json(), adopted)).isNotNull();
    Http.Response other = http.get("/api/entidades/" + Actors.PCM_RUC + "/procedimientos", MUNI);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.contentType()).startsWith("application/problem+json");
  }

  @Test
  void theCatalogueIsPagedAndEachProcedureShowsItsVersionsWithTheirNorm() {
    String first = fixture.publish("Permiso de ocupación de vía pública (catálogo A)", LocalDate.now(calendar.zone()));
    String second = fixture.publish("Permiso de ocupación de vía pública (catálogo B)", LocalDate.now(calendar.zone()));

    JsonNode page = http.get("/api/procedimientos?texto=via%20publica%20(catalogo&nivel=LOCAL&tamano=1", MUNI).json();
    // texto is compared as written: accents matter, so nothing matches the unaccented text
    assertThat(page.get("total").asLong()).isZero();
    page = http.get("/api/procedimientos?texto=" + java.net.URLEncoder.encode("vía pública (catálogo", java.nio.charset.StandardCharsets.UTF_8)
        + "&nivel=LOCAL&tamano=1", MUNI).json();
    assertThat(page.get("total").asLong()).isEqualTo(2);
    assertThat(page.get("procedimientos").size()).isEqualTo(1);
    JsonNode item = page.get("procedimientos").get(0);
    assertThat(item.get("codigo").asText()).isEqualTo(first);
    assertThat(item.get("niveles").toString()).isEqualTo("[\"LOCAL\"]");
    assertThat(item.get("tasa").decimalValue()).isEqualByComparingTo("120.00");
    assertThat(item.get("requisitos").size()).isEqualTo(2);
    assertThat(item.get("norma").get("numero").asText()).isEqualTo("Decreto Supremo N.° 045-2026-PCM");
    JsonNode next = http.get("/api/procedimientos?texto=" + java.net.URLEncoder.encode("vía pública (catálogo", java.nio.charset.StandardCharsets.UTF_8)
        + "&tamano=1&pagina=1", MUNI).json();
    assertThat(next.get("procedimientos").get(0).get("codigo").asText()).isEqualTo(second);
    assertThat(http.get("/api/procedimientos?texto=" + java.net.URLEncoder.encode("vía pública (catálogo", java.nio.charset.StandardCharsets.UTF_8)
        + "&nivel=NACIONAL", MUNI).json().get("total").asLong()).isZero();

    JsonNode detail = http.get("/api/procedimientos/" + first.toLowerCase(), MUNI).json();
    assertThat(detail.get("codigo").asText()).isEqualTo(first);
    assertThat(detail.get("versionVigente").asInt()).isEqualTo(1);
    assertThat(detail.get("versiones").get(0).get("estado").asText()).isEqualTo("PUBLICADA");
    assertThat(detail.get("versiones").get(0).get("norma").get("nombreTipo").asText()).isEqualTo("Decreto Supremo");
    assertThat(http.get("/api/procedimientos/PE-99999999", MUNI).status()).isEqualTo(404);
  }

  @Test
  void invalidParametersAreRefusedByFieldInSpanish() {
    Http.Response refused = http.get("/api/entidad/procedimientos?situacion=OTRA&tamano=0", MUNI);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    JsonNode fields = refused.json().get("errores");
    assertThat(fields.get(0).get("campo").asText()).isEqualTo("situacion");
    assertThat(fields.get(0).get("mensaje").asText()).isEqualTo("Situación: elija ADOPTADOS, PENDIENTES o VENCIDOS.");
    assertThat(fields.get(1).get("campo").asText()).isEqualTo("tamano");
    assertThat(fields.get(1).get("mensaje").asText()).isEqualTo("Tamaño de página: debe ser un número entre 1 y 100.");
    JsonNode level = http.get("/api/procedimientos?nivel=MUNICIPAL", MUNI).json();
    assertThat(level.get("errores").get(0).get("mensaje").asText()).isEqualTo("Nivel de gobierno: elija NACIONAL, REGIONAL o LOCAL.");
    assertThat(http.get("/api/procedimientos", null).status()).isEqualTo(401);
  }

  @Test
  void thePageOfTheEntitysProceduresIsServed() {
    Http.Response page = http.get("/procedimientos/index.html", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Procedimientos estandarizados de", "procedimientos.js");
    // at the folder's address too, the one the docs give (it answered 404 before PageFolders)
    Http.Response folder = http.get("/procedimientos/", null);
    assertThat(folder.status()).isEqualTo(200);
    assertThat(folder.body()).contains("Procedimientos estandarizados de", "procedimientos.js");
    assertThat(http.get("/procedimientos/procedimientos.js", null).body()).contains("/api/entidad/procedimientos");
  }

  @Test
  void onlySgpEvaluatorsStartTheCycle() {
    Http.Response forbidden = http.postJson("/api/procedimientos/formulaciones", MUNI, Map.of());
    assertThat(forbidden.status()).isEqualTo(403);
    Http.Response unknown = http.postJson("/api/procedimientos/formulaciones", SGP, Map.of("codigo", "PE-99999999"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("errores").get(0).get("campo").asText()).isEqualTo(ProcedureProcess.CODE);
    Http.Response started = http.postJson("/api/procedimientos/formulaciones", SGP, Map.of());
    assertThat(started.status()).isEqualTo(201);
    String id = started.json().get("procesoId").asText();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(pi.getTenantId()).isEqualTo(Actors.PCM_RUC);
    runtime.deleteProcessInstance(id, "prueba");
  }
}

package pe.gob.pcm.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static pe.gob.pcm.platform.support.Actors.MUNI_RUC;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.pide.PideClients;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TestPki;
import pe.gob.pcm.platform.tramite.Envelopes;

/** /actuator/prometheus and /actuator/health as Prometheus and a load balancer see them. */
@PlatformTest
class PrometheusIT {

  static final String MANAGER = Http.basic("pcm.gerencia", "demo");
  static final String PROMETHEUS = "/actuator/prometheus";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired PideClients pide;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    MetricsFixture.deploy(repository);
  }

  @Test
  void prometheusIsNotAnonymous() {
    Http.Response anonymous = http.get(PROMETHEUS, null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body()).doesNotContain("plataforma_");
    assertThat(http.get(PROMETHEUS, Http.basic("muni.ti", "demo")).status()).isEqualTo(403);
    assertThat(http.get(PROMETHEUS, Http.basic("sgp.supervisor", "demo")).status()).isEqualTo(403);
    assertThat(http.get(PROMETHEUS, Http.basic("demo", "demo")).status()).isEqualTo(200);
    assertThat(http.get("/actuator/health/detalle", null).status()).isEqualTo(401);
    assertThat(http.get("/actuator/metrics", null).status()).isEqualTo(401);
  }

  @Test
  void aSoapCallToWsiotramiteIsCountedByOperationAndCode() {
    double before = value(scrape(), "plataforma_soap_recepcion_seconds_count",
        "codigo=\"0001\"", "operacion=\"consultarTramite\"");
    Http.Response soap = http.soap("/wsiotramite/Tramite", "<soapenv:Envelope"
        + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns:ws=\"http://ws.wsiotramite.segdi.gob.pe/\"><soapenv:Header/><soapenv:Body>"
        + "<ws:consultarTramiteResponse><request>9999999999</request></ws:consultarTramiteResponse>"
        + "</soapenv:Body></soapenv:Envelope>");
    assertThat(soap.status()).isEqualTo(200);
    assertThat(soap.body()).contains("0001");

    String after = scrape();
    assertThat(value(after, "plataforma_soap_recepcion_seconds_count",
        "codigo=\"0001\"", "operacion=\"consultarTramite\"")).isEqualTo(before + 1);
    assertThat(after).contains("plataforma_soap_recepcion_seconds_bucket{");
  }

  @Test
  void aRefusedReceptionCountsAsARefusal() {
    double before = value(scrape(), "plataforma_soap_rechazos_total",
        "motivo=\"validacion\"", "operacion=\"recepcionarTramite\"");
    Map<String, String> fields = Envelopes.validDocument(Envelopes.newCuo(), TestPki.unsignedPdf("Oficio"));
    fields.put("vrucentrem", "20168999925");
    Http.Response soap = http.soap("/wsiotramite/Tramite", Envelopes.recepcionar(fields, List.of()));
    assertThat(soap.body()).contains("<vcodres>-1</vcodres>");
    assertThat(value(scrape(), "plataforma_soap_rechazos_total",
        "motivo=\"validacion\"", "operacion=\"recepcionarTramite\"")).isEqualTo(before + 1);
  }

  @Test
  void aMessageOutsideTheContractsSchemaCountsAsARefusedMessage() {
    double before = value(scrape(), "plataforma_soap_rechazos_total",
        "motivo=\"mensaje\"", "operacion=\"recepcionarTramite\"");
    Http.Response soap = http.soap("/wsiotramite/Tramite", Envelopes.envelope("<ws:recepcionarTramiteResponse>"
        + "<recepcionRequest><vrucentrem>123</vrucentrem></recepcionRequest></ws:recepcionarTramiteResponse>"));
    assertThat(soap.body()).contains("<faultcode>soap:Client</faultcode>").contains("no cumple el esquema");
    String after = scrape();
    assertThat(value(after, "plataforma_soap_rechazos_total",
        "motivo=\"mensaje\"", "operacion=\"recepcionarTramite\""))
        .as(after.lines().filter(l -> l.startsWith("plataforma_soap_rechazos")).toList().toString())
        .isEqualTo(before + 1);
  }

  @Test
  void pideCallsAreCountedAndTheFailuresToo() {
    double okBefore = value(scrape(), "plataforma_pide_llamadas_seconds_count",
        "operacion=\"getCUOEntidad\"", "resultado=\"ok\"", "servicio=\"cuo\"");
    String cuo = pide.cuo().getCUOEntidad(MUNI_RUC, pide.cuoService());
    assertThat(cuo).isNotBlank();

    double failedBefore = value(scrape(), "plataforma_pide_fallos_total",
        "operacion=\"consultarTramiteResponse\"", "servicio=\"wsiotramite\"");
    // nobody listens on port 9 of this machine: the call fails as an unreachable entity would
    Throwable refused = catchThrowable(() -> pide.wsiotramite("http://127.0.0.1:9/wsiotramite/Tramite")
        .consultarTramiteResponse("0000000001"));
    assertThat(refused).isNotNull();

    String after = scrape();
    assertThat(value(after, "plataforma_pide_llamadas_seconds_count",
        "operacion=\"getCUOEntidad\"", "resultado=\"ok\"", "servicio=\"cuo\"")).isEqualTo(okBefore + 1);
    assertThat(value(after, "plataforma_pide_fallos_total",
        "operacion=\"consultarTramiteResponse\"", "servicio=\"wsiotramite\"")).isEqualTo(failedBefore + 1);
  }

  @Test
  void processGaugesMatchTheEngine() {
    runtime.startProcessInstanceByKey(MetricsFixture.KEY, MetricsFixture.forEntity(MUNI_RUC));
    long running = runtime.createProcessInstanceQuery().processDefinitionKey(MetricsFixture.KEY)
        .tenantIdIn(MUNI_RUC).count();
    String metrics = scrape();
    assertThat(value(metrics, "plataforma_procesos_en_curso",
        "entidad=\"" + MUNI_RUC + "\"", "proceso=\"" + MetricsFixture.KEY + "\"")).isEqualTo(running);
    assertThat(value(metrics, "plataforma_tareas_abiertas",
        "entidad=\"" + MUNI_RUC + "\"", "proceso=\"" + MetricsFixture.KEY + "\"")).isEqualTo(running);
    // every deployed process has its rows, zero included
    assertThat(metrics).contains("plataforma_procesos_en_curso{entidad=\"" + MUNI_RUC
        + "\",proceso=\"mpv-pase-produccion\"}");
    assertThat(metrics).contains("plataforma_incidentes_abiertos{");
  }

  @Test
  void anonymousHealthIsTheStatusOnlyAndTheDetailsNeedAManager() {
    Http.Response health = http.get("/actuator/health", null);
    assertThat(health.status()).as(health.body()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("UP");
    assertThat(health.json().has("components")).isFalse();
    assertThat(health.json().has("details")).isFalse();

    for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
      Http.Response answer = http.get(probe, null);
      assertThat(answer.status()).as(probe + " " + answer.body()).isEqualTo(200);
      assertThat(answer.json().path("status").asText()).as(probe).isEqualTo("UP");
      assertThat(answer.json().has("components")).as(probe).isFalse();
    }

    JsonNode details = http.get("/actuator/health/detalle", MANAGER).json();
    assertThat(details.path("components").path("db").path("status").asText()).isEqualTo("UP");
    JsonNode jobs = details.path("components").path("jobExecutor");
    // the test profile switches the job executor off: reported, but not as a failure
    assertThat(jobs.path("status").asText()).isEqualTo("UNKNOWN");
    assertThat(jobs.path("details").path("habilitado").asBoolean()).isFalse();
    assertThat(jobs.path("details").has("trabajosVencidos")).isTrue();
    assertThat(jobs.path("details").has("trabajosFallidos")).isTrue();
  }

  private String scrape() {
    Http.Response response = http.get(PROMETHEUS, MANAGER);
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  /** The value of the series with these labels (all of them, in any order), 0 when absent. */
  static double value(String exposition, String name, String... labels) {
    Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(exposition);
    while (line.find()) {
      boolean all = true;
      for (String label : labels) {
        all &= line.group(1).contains(label);
      }
      if (all) {
        return Double.parseDouble(line.group(2));
      }
    }
    return 0;
  }
}

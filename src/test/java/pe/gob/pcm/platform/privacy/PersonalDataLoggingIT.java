package pe.gob.pcm.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.gob.pcm.platform.colabora.ColaboraProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import pe.gob.pcm.platform.colabora.ColaboraFixture;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * The console log during real flows: personal data masked in plain text and in JSON
 * ({@code logging.structured.format.console=ecs}), and in JSON every line written during
 * process work carries the process instance id, the business key and, in a tramite, the CUO.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLoggingIT {

  static final String DNI = "42135768";
  static final String EMAIL = "registro.bitacora@muniejemplo.gob.pe";
  static final String MOBILE = "976431852";
  static final String SIGNER_DNI = "42135769";

  @Autowired ColaboraFixture colabora;
  @Autowired PrivacyFlows flows;
  @Autowired JdbcTemplate jdbc;
  @Autowired ConfigurableEnvironment environment;

  @Test
  void plainTextLogMasksTheOfficersPersonalDataAndShowsTheProcessContext(CapturedOutput output) {
    ProcessInstance pi = approveMasterUser();

    assertThat(output.getOut()).contains("usuario máster", "DNI 4****768", "correo r***@muniejemplo.gob.pe",
        "celular 9*****852");
    assertThat(output.getAll()).doesNotContain(DNI, EMAIL, MOBILE, "registro.bitacora");
    assertThat(output.getOut().lines().filter(l -> l.contains("usuario máster"))).singleElement()
        .satisfies(l -> assertThat(l).contains("[pi=" + pi.getId() + " bk=COLABORA-20601234565-"));
    org.slf4j.LoggerFactory.getLogger(getClass()).info("Fuera de todo proceso");
    assertThat(output.getOut().lines().filter(l -> l.contains("Fuera de todo proceso"))).singleElement()
        .satisfies(l -> assertThat(l).doesNotContain("[pi=", "bk=", "cuo="));
  }

  @Test
  void jsonLogCarriesProcessInstanceBusinessKeyAndCuoAndMasksPersonalData(CapturedOutput output) throws Exception {
    ProcessInstance colaboraPi;
    ProcessInstance dispatch;
    String cuo;
    reconfigureLogging("ecs");
    try {
      colaboraPi = approveMasterUser();
      dispatch = flows.send(SIGNER_DNI);
      flows.drain(dispatch.getId());
      cuo = jdbc.queryForObject("SELECT vcuo FROM iotdtc_despacho WHERE process_instance_id = ?", String.class,
          dispatch.getId());
    } finally {
      reconfigureLogging(null);
    }
    List<JsonNode> lines = jsonLines(output.getOut());
    assertThat(output.getAll()).doesNotContain(DNI, EMAIL, MOBILE, SIGNER_DNI, "registro.bitacora");

    JsonNode master = only(lines, "usuario máster");
    assertThat(master.path("message").asText()).contains("DNI 4****768", "r***@muniejemplo.gob.pe", "9*****852");
    assertThat(master.path("processInstanceId").asText()).isEqualTo(colaboraPi.getId());
    assertThat(master.path("businessKey").asText()).startsWith("COLABORA-20601234565-");

    JsonNode sent = only(lines, "Despacho CUO " + cuo);
    assertThat(sent.path("processInstanceId").asText()).isEqualTo(dispatch.getId());
    assertThat(sent.path("businessKey").asText()).startsWith("DESPACHO-20601234565-");
    assertThat(sent.path("cuo").asText()).isEqualTo(cuo);

    // the SOAP intake at the receiver: the CUO from the request, before any process exists
    JsonNode intake = only(lines, "Recepción registrada: CUO " + cuo);
    assertThat(intake.path("cuo").asText()).isEqualTo(cuo);

    // and back to plain text, still masked, for the tests that follow
    org.slf4j.LoggerFactory.getLogger(getClass()).info("Formato restaurado; DNI {}", DNI);
    assertThat(output.getOut().lines().filter(l -> l.contains("Formato restaurado")))
        .singleElement().satisfies(l -> assertThat(l).doesNotStartWith("{").contains("DNI 4****768"));
  }

  private ProcessInstance approveMasterUser() {
    Map<String, Object> request = colabora.request("JEFE_TI", colabora.signedA3());
    request.put(OFFICER_DNI, DNI);
    request.put(OFFICER_EMAIL, EMAIL);
    request.put(OFFICER_MOBILE, MOBILE);
    ProcessInstance pi = colabora.start(request);
    colabora.review(pi, APPROVE, null);
    return pi;
  }

  private static List<JsonNode> jsonLines(String out) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.split("\\R")) {
      if (line.startsWith("{")) {
        lines.add(json.readTree(line));
      }
    }
    assertThat(lines).as("líneas JSON en la salida").isNotEmpty();
    return lines;
  }

  private static JsonNode only(List<JsonNode> lines, String text) {
    List<JsonNode> matching = lines.stream().filter(l -> l.path("message").asText().contains(text)).toList();
    assertThat(matching).as("líneas con '" + text + "'").hasSize(1);
    return matching.get(0);
  }

  /**
   * What Spring Boot does at startup, done again with another {@code logging.structured.format.console}
   * (null = the platform's default, plain text): Logback configured from the environment, the
   * configured levels, then the masking installed as at startup.
   */
  private void reconfigureLogging(String format) {
    String source = "prueba-formato-de-log";
    environment.getPropertySources().remove(source);
    if (format != null) {
      environment.getPropertySources().addFirst(new MapPropertySource(source,
          Map.of("logging.structured.format.console", format)));
    }
    System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
    system.cleanUp();
    system.beforeInitialize();
    system.initialize(new LoggingInitializationContext(environment), null, LogFile.get(environment));
    Binder.get(environment).bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
        .ifBound(levels -> levels.forEach((name, level) ->
            system.setLogLevel("root".equalsIgnoreCase(name) ? null : name, level)));
    LogMaskingInstaller.install(environment);
  }
}

package pe.gob.pcm.platform.security;

import pe.gob.pcm.platform.config.ProcessDeployer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.colabora.ColaboraProcess;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TestPki;

/**
 * The REST API and the document API on the real web server, with HTTP Basic: who gets in,
 * and that one entity's user gets nothing of another entity.
 */
@PlatformTest
class EngineRestSecurityIT {

  static final String MUNI_TI = Http.basic("muni.ti", "demo");
  static final String PCM_TI = Http.basic("pcm.ti", "demo");
  static final String HELP_DESK = Http.basic("sgtd.mesaayuda", "demo");

  @LocalServerPort int port;
  @Autowired ProcessDeployer deployer;
  @Autowired RepositoryService repository;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void restApiRefusesMissingOrWrongCredentials() {
    assertThat(http.get("/engine-rest/process-definition", null).status()).isEqualTo(401);
    // a wrong password for a user no other test logs in as: Camunda then delays that user's
    // next logins (brute-force protection), which would break tests logging in as them
    assertThat(http.get("/engine-rest/process-definition", Http.basic("muni.legal", "incorrecta")).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/process-definition", Http.basic("nadie", "demo")).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/process-definition", MUNI_TI).status()).isEqualTo(200);
    assertThat(http.get("/api/documentos/cualquiera", null).status()).isEqualTo(401);
  }

  @Test
  void entityUserStartsTheRequestThroughRestAndTheHelpDeskGetsTheTask() {
    String pi = startColabora(MUNI_TI, Actors.MUNI_RUC);

    JsonNode helpDeskTasks = http.get("/engine-rest/task?processInstanceId=" + pi, HELP_DESK).json();
    assertThat(helpDeskTasks).hasSize(1);
    assertThat(helpDeskTasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_ReviewRequest");
    assertThat(helpDeskTasks.get(0).get("tenantId").asText()).isEqualTo(Actors.MUNI_RUC);
    assertThat(http.get("/engine-rest/process-instance/" + pi, MUNI_TI).status()).isEqualTo(200);
    // the help desk can open the documents of a request routed to it
    String a3 = http.get("/engine-rest/process-instance/" + pi + "/variables/a3DocumentId", HELP_DESK)
        .json().get("value").asText();
    assertThat(http.get("/api/documentos/" + a3 + "/contenido", HELP_DESK).status()).isEqualTo(200);
  }

  @Test
  void anEntityUserGetsNothingOfAnotherEntity() {
    String pcmInstance = startColabora(PCM_TI, Actors.PCM_RUC);
    String pcmDocument = http.get("/engine-rest/process-instance/" + pcmInstance + "/variables/a3DocumentId", PCM_TI)
        .json().get("value").asText();

    JsonNode visible = http.get("/engine-rest/process-instance?processDefinitionKey=" + ColaboraProcess.KEY, MUNI_TI).json();
    visible.forEach(instance -> assertThat(instance.get("tenantId").asText()).isEqualTo(Actors.MUNI_RUC));
    assertThat(http.get("/engine-rest/process-instance/" + pcmInstance, MUNI_TI).status()).isEqualTo(404);
    // Camunda answers "execution doesn't exist" (as a 500) for an instance hidden by the tenant check
    Http.Response variables = http.get("/engine-rest/process-instance/" + pcmInstance + "/variables", MUNI_TI);
    assertThat(variables.status()).isNotEqualTo(200);
    assertThat(variables.body()).doesNotContain(pcmDocument).doesNotContain("Rosa Quispe");
    assertThat(http.get("/engine-rest/history/process-instance?processInstanceId=" + pcmInstance, MUNI_TI).json()).isEmpty();
    assertThat(http.get("/engine-rest/task?processInstanceId=" + pcmInstance, MUNI_TI).json()).isEmpty();
    assertThat(http.get("/engine-rest/history/task?processInstanceId=" + pcmInstance, MUNI_TI).json()).isEmpty();
    assertThat(http.get("/engine-rest/history/variable-instance?processInstanceId=" + pcmInstance, MUNI_TI).json()).isEmpty();
    assertThat(http.get("/api/documentos/" + pcmDocument, MUNI_TI).status()).isEqualTo(404);
    assertThat(http.get("/api/documentos/" + pcmDocument + "/contenido", MUNI_TI).status()).isEqualTo(404);
    // ...while the PCM's own user does see them
    assertThat(http.get("/engine-rest/process-instance/" + pcmInstance, PCM_TI).status()).isEqualTo(200);
    assertThat(http.get("/api/documentos/" + pcmDocument, PCM_TI).status()).isEqualTo(200);
  }

  @Test
  void anInvalidStartFormIsRefusedWith400InSpanish() {
    Map<String, Object> variables = requestVariables(MUNI_TI, Actors.MUNI_RUC);
    variables.put("entityRuc", Map.of("value", "20601234560", "type", "String"));

    Http.Response response = http.postJson(
        "/engine-rest/process-definition/key/" + ColaboraProcess.KEY + "/submit-form", MUNI_TI,
        Map.of("variables", variables));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("message").asText())
        .contains("RUC de la entidad: el dígito verificador no es válido.");
  }

  @Test
  void aTaskFormRefusedByTheProcessAnswers400InSpanishAndTheTaskStays() {
    String pi = startColabora(MUNI_TI, Actors.MUNI_RUC);
    String taskId = http.get("/engine-rest/task?processInstanceId=" + pi, HELP_DESK).json().get(0).get("id").asText();
    assertThat(http.postJson("/engine-rest/task/" + taskId + "/claim", HELP_DESK,
        Map.of("userId", "sgtd.mesaayuda")).status()).isEqualTo(204);

    Http.Response response = http.postJson("/engine-rest/task/" + taskId + "/submit-form", HELP_DESK,
        Map.of("variables", Map.of("reviewDecision", Map.of("value", "OBSERVAR", "type", "String"))));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("message").asText()).contains("Observación o motivo: es obligatorio.");
    assertThat(response.json().get("errores").get(0).get("campo").asText()).isEqualTo("reviewObservation");
    assertThat(http.get("/engine-rest/task/" + taskId, HELP_DESK).status()).isEqualTo(200);
  }

  @Test
  void theModelerDeploysThroughTheAuthenticatedApiAndTheRepositoryVersionWinsOnRestart() throws Exception {
    Map<String, Http.Part> files = new LinkedHashMap<>();
    for (String resource : new String[] {
        "processes/colabora/colabora-usuario-maestro.bpmn", "forms/colabora/colabora-solicitud.form"}) {
      byte[] bytes = Files.readAllBytes(Path.of(resource));
      files.put(Path.of(resource).getFileName().toString(), new Http.Part(
          Path.of(resource).getFileName().toString(), "application/octet-stream", bytes));
    }
    Map<String, String> fields = Map.of("deployment-name", "colabora-desde-modeler",
        "deployment-source", "Camunda Modeler");

    assertThat(http.multipart("/engine-rest/deployment/create", null, fields, files).status()).isEqualTo(401);
    assertThat(http.multipart("/engine-rest/deployment/create", MUNI_TI, fields, files).status()).isEqualTo(403);
    Http.Response deployed = http.multipart("/engine-rest/deployment/create", Http.basic("demo", "demo"), fields, files);
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    String modelerDeployment = deployed.json().get("id").asText();
    assertThat(latestColaboraDeployment()).isEqualTo(modelerDeployment);

    deployer.deploy();

    assertThat(latestColaboraDeployment()).isNotEqualTo(modelerDeployment);
    assertThat(repository.createDeploymentQuery().deploymentId(latestColaboraDeployment()).singleResult().getName())
        .isEqualTo(ProcessDeployer.DEPLOYMENT_NAME);
  }

  private String latestColaboraDeployment() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(ColaboraProcess.KEY)
        .latestVersion().singleResult().getDeploymentId();
  }

  @Test
  void uploadRefusesAFileThatIsNotAPdf() {
    Http.Response response = http.upload("/api/documentos", MUNI_TI, "formato.pdf", "application/pdf",
        "esto no es un PDF".getBytes());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errores").get(0).get("campo").asText()).isEqualTo("archivo");
    assertThat(response.json().get("detail").asText()).contains("Archivo: no es un PDF.");
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void uploadingTheSameFileAgainReturnsTheSameDocument() {
    byte[] pdf = TestPki.signedPdf("A-3 reintento " + System.nanoTime(), "Rosa Quispe Mamani");
    Http.Response first = http.upload("/api/documentos", MUNI_TI, "a3.pdf", "application/pdf", pdf);
    Http.Response retry = http.upload("/api/documentos", MUNI_TI, "a3.pdf", "application/pdf", pdf);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
    assertThat(first.json().get("sha256").asText()).hasSize(64);
  }

  private String startColabora(String authorization, String ruc) {
    Http.Response response = http.postJson(
        "/engine-rest/process-definition/key/" + ColaboraProcess.KEY + "/submit-form", authorization,
        Map.of("variables", requestVariables(authorization, ruc)));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("id").asText();
  }

  private Map<String, Object> requestVariables(String authorization, String ruc) {
    String a3 = uploadPdf(authorization, "a3.pdf", TestPki.signedPdf("A-3 " + System.nanoTime(), "Rosa Quispe Mamani"));
    String designation = uploadPdf(authorization, "resolucion.pdf", TestPki.unsignedPdf("Resolución " + System.nanoTime()));
    Map<String, Object> variables = new LinkedHashMap<>();
    Map<String, String> values = Map.of(
        "entityRuc", ruc, "entityName", "Entidad " + ruc, "officerName", "Rosa Quispe Mamani",
        "officerDni", "45678912", "officerPositionCode", "JEFE_TI", "officerPosition", "Jefa de TI",
        "officerEmail", "rquispe@entidad.gob.pe", "officerMobile", "987654321",
        "a3DocumentId", a3, "designationDocumentId", designation);
    values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
    return variables;
  }

  private String uploadPdf(String authorization, String name, byte[] pdf) {
    Http.Response response = http.upload("/api/documentos", authorization, name, "application/pdf", pdf);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asText();
  }
}

package pe.gob.pcm.platform.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.TestPki;
import pe.gob.pcm.platform.tramite.Envelopes;

/**
 * The trámite procedures driven from outside, as their users do: documents arriving over SOAP,
 * Mesa de Partes registering them, an officer sending a document (Tasklist's two steps), all
 * over the engine's REST API with the demo users.
 */
final class Tramites {

  static final String PCM_RUC = "20168999926";
  static final String MUNI_RUC = "20601234565";
  static final String MUNI_DESK = "muni.mesapartes";
  static final String PCM_DESK = "pcm.mesapartes";

  private Tramites() {}

  static String auth(String user) {
    return Http.basic(user, "demo");
  }

  /** A document from {@code senderRuc} to the demo municipality, with a CUO from the PIDE; its CUO. */
  static String receive(NodeClient pide, NodeClient node, String senderRuc) {
    String cuo = pide.newCuo();
    Map<String, String> fields = Envelopes.validDocument(cuo, TestPki.unsignedPdf("Documento " + cuo));
    fields.put("vrucentrem", senderRuc);
    NodeClient.Response answer = node.soap("/wsiotramite/Tramite", Envelopes.recepcionar(fields, List.of()));
    if (answer.status() != 200 || !"0000".equals(answer.element("vcodres"))) {
      throw new AssertionError("recepcionarTramiteResponse " + cuo + ": " + answer.status() + " " + answer.body());
    }
    return cuo;
  }

  /** Mesa de Partes registers the document: claim and complete its task. False if it was already done. */
  static boolean register(NodeClient node, String user, String cuo) {
    JsonNode tasks = ok(node.get("/engine-rest/task?processInstanceBusinessKey=" + cuo
        + "&taskDefinitionKey=Task_ReceiveDocument", auth(user))).json();
    if (tasks.isEmpty()) {
      return false;
    }
    String id = tasks.get(0).path("id").asText();
    if (tasks.get(0).path("assignee").isNull() || tasks.get(0).path("assignee").isMissingNode()) {
      ok(node.post("/engine-rest/task/" + id + "/claim", auth(user), Map.of("userId", user)));
    }
    ok(node.post("/engine-rest/task/" + id + "/complete", auth(user), Map.of("variables", Map.of(
        "receptionDecision", Map.of("value", "REGISTRAR"),
        "receptionUnit", Map.of("value", "SECRETARÍA GENERAL")))));
    return true;
  }

  /** Tasklist's first step: the destination's category; the process instance id. */
  static String startDispatch(NodeClient node, String user, String category) {
    return ok(node.post("/engine-rest/process-definition/key/tramite-despacho/start", auth(user),
        Map.of("variables", Map.of("destinationCategory", Map.of("value", category))))).json().path("id").asText();
  }

  /** Tasklist's second step: the document, uploaded first, and its data. */
  static void prepareDispatch(NodeClient node, String user, String processInstanceId, String destinationRuc, String number) {
    String document = node.upload(auth(user), "oficio.pdf", TestPki.unsignedPdf(number + " " + System.nanoTime()));
    JsonNode tasks = ok(node.get("/engine-rest/task?processInstanceId=" + processInstanceId
        + "&taskDefinitionKey=Task_PrepareDocument", auth(user))).json();
    if (tasks.isEmpty()) {
      throw new AssertionError("Sin tarea Preparar en " + processInstanceId);
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("destinationRuc", Map.of("value", destinationRuc));
    vars.put("documentTypeCode", Map.of("value", "01"));
    vars.put("documentNumber", Map.of("value", number));
    vars.put("subject", Map.of("value", "Solicita información sobre la implementación del MGD"));
    vars.put("senderUnit", Map.of("value", "GERENCIA MUNICIPAL"));
    vars.put("destinationUnit", Map.of("value", "SECRETARÍA GENERAL"));
    vars.put("addressee", Map.of("value", "ANA TORRES"));
    vars.put("addresseePosition", Map.of("value", "SECRETARIA GENERAL"));
    vars.put("folios", Map.of("value", 2, "type", "Integer"));
    vars.put("signerDni", Map.of("value", "45678912"));
    vars.put("mainDocumentId", Map.of("value", document));
    ok(node.post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete", auth(user),
        Map.of("variables", vars)));
  }

  /** Jobs left (any node), as an operator sees them in Cockpit. */
  static long jobs(NodeClient node, String query) {
    return ok(node.get("/engine-rest/job/count" + query, NodeClient.ADMIN)).json().path("count").asLong();
  }

  /** Jobs left in the trámite processes (the engine's own history-cleanup job always waits for its window). */
  static long tramiteJobs(NodeClient node) {
    return jobs(node, "?processDefinitionKey=tramite-recepcion") + jobs(node, "?processDefinitionKey=tramite-despacho");
  }

  static long incidents(NodeClient node) {
    return ok(node.get("/engine-rest/incident/count", NodeClient.ADMIN)).json().path("count").asLong();
  }

  static NodeClient.Response ok(NodeClient.Response response) {
    if (response.status() / 100 != 2) {
      throw new AssertionError(response.status() + " " + response.body());
    }
    return response;
  }
}

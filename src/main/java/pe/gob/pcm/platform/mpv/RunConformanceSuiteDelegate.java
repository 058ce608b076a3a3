package pe.gob.pcm.platform.mpv;

import static pe.gob.pcm.platform.mpv.MpvProcess.*;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.document.PdfReport;
import pe.gob.pcm.platform.document.StoredDocument;

/**
 * Runs the conformance suite against the entity's development {@code wsiotramite} and keeps the
 * result three ways: a PDF report attached to the process, a table for the review form
 * ({@code conformanceChecks}, JSON) and a row per round in {@code mpv_prueba}.
 */
@Component("runConformanceSuite")
public class RunConformanceSuiteDelegate implements JavaDelegate {

  static final String SYSTEM_USER = "plataforma";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

  private final ConformanceSuite suite;
  private final DocumentStore documents;
  private final MpvMapper mapper;
  private final ObjectMapper json;
  private final ZoneId zone;

  public RunConformanceSuiteDelegate(ConformanceSuite suite, DocumentStore documents, MpvMapper mapper,
      ObjectMapper json, pe.gob.pcm.platform.calendar.CalendarProperties calendar) {
    this.suite = suite;
    this.documents = documents;
    this.mapper = mapper;
    this.json = json;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    String url = ((String) execution.getVariable(DEV_URL)).strip();
    String ruc = (String) execution.getVariable(ENTITY_RUC);
    Integer previous = (Integer) execution.getVariable(ROUND);
    int round = previous == null ? 1 : previous + 1;
    ZonedDateTime when = ZonedDateTime.now(zone);

    ConformanceSuite.Run run = suite.execute(url, ruc);
    long passed = run.checks().stream().filter(ConformanceCheck::passed).count();
    int failed = run.checks().size() - (int) passed;
    String summary = passed + " de " + run.checks().size() + " verificaciones conformes"
        + (failed == 0 ? "" : " (" + failed + " no conformes)") + " - ronda " + round + ", " + WHEN.format(when);

    byte[] pdf = report(execution, url, round, when, run, summary);
    StoredDocument report = documents.storePdf(SYSTEM_USER, execution.getTenantId(),
        "informe-pruebas-interoperabilidad-ronda-" + round + ".pdf", pdf);
    documents.attach(report.id(), execution.getProcessInstanceId());
    mapper.insert(execution.getProcessInstanceId(), ruc, url, round, (int) passed, failed, report.id());

    List<Map<String, Object>> rows = new ArrayList<>();
    for (ConformanceCheck check : run.checks()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("resultado", check.passed() ? "Conforme" : "NO CONFORME");
      row.put("verificacion", check.description());
      row.put("motivo", check.passed() ? "" : check.reason());
      row.put("ms", check.millis());
      rows.add(row);
    }
    execution.setVariable(ROUND, round);
    execution.setVariable(PASSED, run.passed());
    execution.setVariable(SUMMARY, summary);
    execution.setVariable(CHECKS, SpinValues.jsonValue(json.writeValueAsString(rows)).create());
    execution.setVariable(REPORT_DOCUMENT, report.id());
    execution.setVariable(TEST_CUO, run.testCuo());
  }

  /** XML on one line and at most 1,500 characters: the report shows what was exchanged, not all of it. */
  static String compact(String text, String absent) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    String flat = text.replaceAll("\\s*\n\\s*", " ").strip();
    return flat.length() > 1500 ? flat.substring(0, 1500) + "..." : flat;
  }

  private static byte[] report(DelegateExecution execution, String url, int round, ZonedDateTime when,
      ConformanceSuite.Run run, String summary) {
    PdfReport pdf = new PdfReport("INFORME DE PRUEBAS DE INTEROPERABILIDAD - MESA DE PARTES VIRTUAL")
        .row("Entidad", execution.getVariable(ENTITY_NAME) + " (RUC " + execution.getVariable(ENTITY_RUC) + ")")
        .row("Servicio probado", url)
        .row("Ronda", String.valueOf(round))
        .row("Fecha y hora", WHEN.format(when))
        .row("CUO de prueba", run.testCuo())
        .row("Expediente", execution.getProcessBusinessKey())
        .strong("Resultado: " + summary);
    int n = 1;
    for (ConformanceCheck check : run.checks()) {
      pdf.heading(n++ + ". " + check.description() + " - " + (check.passed() ? "CONFORME" : "NO CONFORME"))
          .row("Verificación", check.id())
          .row("Tiempo", check.millis() + " ms");
      if (!check.passed()) {
        pdf.row("Motivo", check.reason());
      }
      pdf.small("Enviado: " + compact(check.sent(), ""))
          .small("Recibido: " + compact(check.received(), "(sin respuesta)"));
    }
    return pdf.small("").small("Generado por la plataforma según el contrato wsiotramite del Modelo de Gestión"
        + " Documental (docs/processes/mpv.md).").render();
  }
}

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
  /** The reports are sealed by the PCM, whose SGTD runs the tests (its key: the signer's PCM RUC alias). */
  static final String SEAL_NAME = "Presidencia del Consejo de Ministros - SGTD";
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

  private final ConformanceSuite suite;
  private final DocumentStore documents;
  private final MpvMapper mapper;
  private final ObjectMapper json;
  private final ZoneId zone;
  private final pe.gob.pcm.platform.signature.CargoSigner signer;

  public RunConformanceSuiteDelegate(ConformanceSuite suite, DocumentStore documents, MpvMapper mapper,
      ObjectMapper json, pe.gob.pcm.platform.calendar.CalendarProperties calendar,
      pe.gob.pcm.platform.signature.CargoSigner signer) {
    this.signer = signer;
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
    String summary = summary(run.checks(), "ronda " + round + ", " + WHEN.format(when));

    byte[] pdf = report("INFORME DE PRUEBAS DE INTEROPERABILIDAD - MESA DE PARTES VIRTUAL", execution, url,
        "Ronda", String.valueOf(round), when, run.testCuo(), run.checks(), summary);
    StoredDocument report = documents.storePdf(SYSTEM_USER, execution.getTenantId(),
        "informe-pruebas-interoperabilidad-ronda-" + round + ".pdf", seal(signer, pdf));
    documents.attach(report.id(), execution.getProcessInstanceId());
    mapper.insert(execution.getProcessInstanceId(), ruc, url, round, (int) passed, failed, report.id());

    execution.setVariable(ROUND, round);
    execution.setVariable(PASSED, run.passed());
    execution.setVariable(SUMMARY, summary);
    execution.setVariable(CHECKS, table(json, run.checks()));
    execution.setVariable(REPORT_DOCUMENT, report.id());
    execution.setVariable(TEST_CUO, run.testCuo());
  }

  /** The checks as the review forms show them: a JSON table (form-js {@code table} component). */
  static org.camunda.spin.plugin.variable.value.JsonValue table(ObjectMapper json, List<ConformanceCheck> checks)
      throws JsonProcessingException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ConformanceCheck check : checks) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("resultado", check.passed() ? "Conforme" : "NO CONFORME");
      row.put("verificacion", check.description());
      row.put("motivo", check.passed() ? "" : check.reason());
      row.put("ms", check.millis());
      rows.add(row);
    }
    return SpinValues.jsonValue(json.writeValueAsString(rows)).create();
  }

  static String summary(List<ConformanceCheck> checks, String suffix) {
    long passed = checks.stream().filter(ConformanceCheck::passed).count();
    int failed = checks.size() - (int) passed;
    return passed + " de " + checks.size() + " verificaciones conformes"
        + (failed == 0 ? "" : " (" + failed + " no conformes)") + " - " + suffix;
  }

  /** XML on one line and at most 1,500 characters: the report shows what was exchanged, not all of it. */
  static String compact(String text, String absent) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    String flat = text.replaceAll("\\s*\n\\s*", " ").strip();
    return flat.length() > 1500 ? flat.substring(0, 1500) + "..." : flat;
  }

  static byte[] report(String title, DelegateExecution execution, String url, String label, String value,
      ZonedDateTime when, String cuo, List<ConformanceCheck> checks, String summary) {
    PdfReport pdf = new PdfReport(title)
        .row("Entidad", execution.getVariable(ENTITY_NAME) + " (RUC " + execution.getVariable(ENTITY_RUC) + ")")
        .row("Servicio probado", url)
        .row(label, value)
        .row("Fecha y hora", WHEN.format(when))
        .row("CUO de prueba", cuo)
        .row("Expediente", execution.getProcessBusinessKey())
        .strong("Resultado: " + summary);
    int n = 1;
    for (ConformanceCheck check : checks) {
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

  /** The report sealed with the PCM's key (PAdES, as the cargos): who issued it and that it is unchanged. */
  static byte[] seal(pe.gob.pcm.platform.signature.CargoSigner signer, byte[] pdf) {
    return signer.sign(ConformanceSuite.TESTER_RUC, SEAL_NAME, pdf);
  }
}

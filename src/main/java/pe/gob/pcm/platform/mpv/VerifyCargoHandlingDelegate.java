package pe.gob.pcm.platform.mpv;

import pe.gob.pcm.platform.tramite.reception.ReceptionStatus;

import static pe.gob.pcm.platform.mpv.MpvProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.CalendarProperties;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.document.StoredDocument;
import pe.gob.pcm.platform.tramite.reception.ReceptionService;

/**
 * The cargo side of the administrative test: the entity's SGD sent a test document to the PCM;
 * the platform, as the PCM, sends its cargo to the entity's development service (accepted) and the
 * same cargo again (refused). The PCM's reception of the test document is then closed as
 * registered by the tests, so the Mesa de Partes of the PCM does not work it and no second cargo
 * is ever sent.
 */
@Component("verifyCargoHandling")
public class VerifyCargoHandlingDelegate implements JavaDelegate {

  static final String TEST_REGISTRATION = "MPV-PRUEBA";
  static final String TEST_UNIT = "SGTD - PRUEBAS DE INTEROPERABILIDAD";

  private final ConformanceSuite suite;
  private final ReceptionService receptions;
  private final DocumentStore documents;
  private final RuntimeService runtime;
  private final ObjectMapper json;
  private final ZoneId zone;
  private final pe.gob.pcm.platform.signature.CargoSigner signer;

  public VerifyCargoHandlingDelegate(ConformanceSuite suite, ReceptionService receptions, DocumentStore documents,
      RuntimeService runtime, ObjectMapper json, CalendarProperties calendar,
      pe.gob.pcm.platform.signature.CargoSigner signer) {
    this.signer = signer;
    this.suite = suite;
    this.receptions = receptions;
    this.documents = documents;
    this.runtime = runtime;
    this.json = json;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    String url = (String) execution.getVariable(DEV_URL);
    String ruc = (String) execution.getVariable(ENTITY_RUC);
    String cuo = (String) execution.getVariable(ADMIN_TEST_SENT_CUO);
    ZonedDateTime when = ZonedDateTime.now(zone);

    ReceptionStatus reception = receptions.find(ruc, cuo).orElse(null);
    List<ConformanceCheck> checks = suite.cargoChecks(url, cuo, TEST_REGISTRATION);
    if (reception != null && "P".equals(reception.state())) {
      receptions.register(reception.id(), TEST_REGISTRATION, String.valueOf(when.getYear()), TEST_UNIT,
          RunConformanceSuiteDelegate.SYSTEM_USER);
      if (reception.processInstanceId() != null
          && runtime.createProcessInstanceQuery().processInstanceId(reception.processInstanceId()).count() > 0) {
        runtime.deleteProcessInstance(reception.processInstanceId(),
            "Documento de prueba del MPV " + execution.getProcessBusinessKey()
                + ": registrado y con cargo enviado por las pruebas de interoperabilidad");
      }
    }

    boolean passed = checks.stream().allMatch(ConformanceCheck::passed);
    String summary = RunConformanceSuiteDelegate.summary(checks,
        "cargo del CUO " + cuo + ", " + RunConformanceSuiteDelegate.WHEN.format(when));
    byte[] pdf = RunConformanceSuiteDelegate.report("INFORME DE PRUEBAS DE CARGO - MESA DE PARTES VIRTUAL",
        execution, url, "Documento enviado por la entidad", "CUO " + cuo, when, cuo, checks, summary);
    StoredDocument report = documents.storePdf(RunConformanceSuiteDelegate.SYSTEM_USER, execution.getTenantId(),
        "informe-pruebas-cargo-" + cuo + ".pdf", RunConformanceSuiteDelegate.seal(signer, pdf));
    documents.attach(report.id(), execution.getProcessInstanceId());

    execution.setVariable(CARGO_PASSED, passed);
    execution.setVariable(CARGO_SUMMARY, summary);
    execution.setVariable(CARGO_CHECKS, RunConformanceSuiteDelegate.table(json, checks));
    execution.setVariable(CARGO_REPORT_DOCUMENT, report.id());
  }
}

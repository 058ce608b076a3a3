package pe.gob.pcm.platform.mpv;

import static pe.gob.pcm.platform.mpv.MpvProcess.*;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.CalendarProperties;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.document.PdfReport;
import pe.gob.pcm.platform.document.StoredDocument;
import pe.gob.pcm.platform.privacy.SealedVariables;

/**
 * Writes the acta de conformidad from the process data and attaches it. Its code (the process's
 * business key) is printed on it, so a signed copy can be told from any other PDF.
 */
@Component("generateActa")
public class GenerateActaDelegate implements JavaDelegate {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final DocumentStore documents;
  private final CalendarProperties calendar;

  public GenerateActaDelegate(DocumentStore documents, CalendarProperties calendar) {
    this.documents = documents;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = execution.getProcessBusinessKey();
    byte[] pdf = render(execution, code, ZonedDateTime.now(calendar.zone()));
    StoredDocument acta = documents.storePdf(RunConformanceSuiteDelegate.SYSTEM_USER, execution.getTenantId(),
        "acta-conformidad-" + code + ".pdf", pdf);
    documents.attach(acta.id(), execution.getProcessInstanceId());
    execution.setVariable(ACTA_DOCUMENT, acta.id());
    execution.setVariable(ACTA_CODE, code);
  }

  static byte[] render(DelegateExecution e, String code, ZonedDateTime when) {
    String entity = e.getVariable(ENTITY_NAME) + " (RUC " + e.getVariable(ENTITY_RUC) + ")";
    String sgd = SGD_PCM.equals(e.getVariable(SGD_TYPE))
        ? "SGD de la PCM instalado desde Colabora" : "SGD propio de la entidad";
    return new PdfReport("ACTA DE CONFORMIDAD DE PRUEBAS DE INTEROPERABILIDAD - MESA DE PARTES VIRTUAL")
        .row("Acta", code)
        .row("Fecha", DATE.format(when))
        .row("Entidad", entity)
        .row("Sistema", sgd)
        .row("Servicio de desarrollo", String.valueOf(e.getVariable(DEV_URL)))
        .heading("Pruebas técnicas")
        .paragraph("La plataforma ejecutó la batería de pruebas de interoperabilidad del Modelo de Gestión Documental"
            + " contra el servicio wsiotramite de la entidad. Resultado final: " + e.getVariable(SUMMARY) + ".")
        .row("Responsable técnico", e.getVariable(TECH_NAME) + ", DNI " + SealedVariables.open(e, TECH_DNI))
        .heading("Prueba administrativa")
        .paragraph("El área de trámite documentario registró el documento de prueba con CUO " + e.getVariable(TEST_CUO)
            + " (registro " + e.getVariable(ADMIN_TEST_REGISTRATION) + ") y devolvió su cargo, confirmado por la"
            + " Mesa de Ayuda de la SGTD.")
        .row("Responsable administrativo", e.getVariable(ADMIN_NAME) + ", DNI " + SealedVariables.open(e, ADMIN_DNI))
        .row("Especialista SGTD", String.valueOf(e.getVariable(SGTD_SPECIALIST)))
        .heading("Conformidad")
        .paragraph("Las partes dan conformidad a las pruebas de interoperabilidad realizadas. La entidad solicitará"
            + " el pase a producción de su Mesa de Partes Virtual con esta acta firmada digitalmente por el jefe de"
            + " Tecnologías de la Información y el jefe de Trámite Documentario.")
        .gap(40)
        .paragraph("Firma digital: Jefe(a) de Tecnologías de la Información")
        .gap(30)
        .paragraph("Firma digital: Jefe(a) de Trámite Documentario")
        .render();
  }
}

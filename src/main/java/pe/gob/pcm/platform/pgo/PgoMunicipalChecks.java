package pe.gob.pcm.platform.pgo;

import static pe.gob.pcm.platform.pgo.PgoProcess.*;
import static pe.gob.pcm.platform.validation.ProcessInputs.text;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.CalendarProperties;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.Identifiers;

/**
 * The municipal approval chain of a ROF (categories 7 and 8), after the SGP's opinion or without
 * it: the gerencia municipal proposes, the comisión de regidores issues its dictamen, the concejo
 * approves by ordenanza (number and date; the publication is registered next). Each step is kept
 * in {@code pgo_paso_municipal}; the structure becomes current only after the publication.
 */
@Component
public class PgoMunicipalChecks {

  public static final String MANAGER_NOTE = "managerNote";
  public static final String MANAGER_DOCUMENT = "gerenciaDocumentId";
  public static final String COMMISSION_DECISION = "commissionDecision";
  public static final String COMMISSION_NOTE = "commissionNote";
  public static final String COMMISSION_DOCUMENT = "dictamenDocumentId";
  public static final String COUNCIL_DECISION = "councilDecision";
  public static final String COUNCIL_NOTE = "councilNote";
  public static final String COUNCIL_DOCUMENT = "acuerdoDocumentId";

  private final PgoMapper mapper;
  private final DocumentStore documents;
  private final CalendarProperties calendar;

  public PgoMunicipalChecks(PgoMapper mapper, DocumentStore documents, CalendarProperties calendar) {
    this.mapper = mapper;
    this.documents = documents;
    this.calendar = calendar;
  }

  void completeProposal(DelegateTask task) {
    FieldChecks checks = new FieldChecks();
    optionalText(checks, task, MANAGER_NOTE, "Sustento de la propuesta");
    optionalDocument(checks, task, MANAGER_DOCUMENT, "Código del informe o memorando de la gerencia");
    checks.throwIfAny();
    record(task, "PROPUESTA", "PROPUESTO", MANAGER_NOTE, MANAGER_DOCUMENT, "PROPUESTA_GERENCIA");
    mapper.setState(expediente(task), "EN_CONCEJO");
  }

  void completeReview(DelegateTask task) {
    String decision = text(task, COMMISSION_DECISION);
    FieldChecks checks = new FieldChecks().check(COMMISSION_DECISION, "Dictamen",
        Set.of("FAVORABLE", "OBSERVADO").contains(decision) ? null : "elija favorable u observado");
    if ("OBSERVADO".equals(decision)) {
      checks.check(COMMISSION_NOTE, "Observaciones de la comisión",
          Identifiers.textProblem(text(task, COMMISSION_NOTE), PgoChecks.TEXT_MAX));
    } else {
      optionalText(checks, task, COMMISSION_NOTE, "Observaciones de la comisión");
    }
    optionalDocument(checks, task, COMMISSION_DOCUMENT, "Código del dictamen");
    checks.throwIfAny();
    record(task, "DICTAMEN", decision, COMMISSION_NOTE, COMMISSION_DOCUMENT, "DICTAMEN_COMISION");
  }

  void completeVote(DelegateTask task) {
    String decision = text(task, COUNCIL_DECISION);
    FieldChecks checks = new FieldChecks().check(COUNCIL_DECISION, "Acuerdo del concejo",
        Set.of("APROBADO", "RECHAZADO").contains(decision) ? null : "elija aprobado o no aprobado");
    LocalDate date = null;
    if ("APROBADO".equals(decision)) {
      checks.check(NORM_NUMBER, "Número de la ordenanza", Identifiers.textProblem(text(task, NORM_NUMBER), 100));
      date = PgoChecks.date(checks, task, NORM_DATE, "Fecha de la ordenanza");
      if (date != null && date.isAfter(LocalDate.now(calendar.zone()))) {
        checks.check(NORM_DATE, "Fecha de la ordenanza", "no puede ser posterior a hoy");
      }
      optionalText(checks, task, COUNCIL_NOTE, "Detalle del acuerdo");
    } else if ("RECHAZADO".equals(decision)) {
      checks.check(COUNCIL_NOTE, "Motivo", Identifiers.textProblem(text(task, COUNCIL_NOTE), PgoChecks.TEXT_MAX));
    }
    optionalDocument(checks, task, COUNCIL_DOCUMENT, "Código del acta o de la ordenanza");
    checks.throwIfAny();
    if (date != null) {
      task.setVariable(NORM_DATE, date.toString());
      task.setVariable(NORM_NUMBER, text(task, NORM_NUMBER).strip());
    }
    String detail = date == null ? text(task, COUNCIL_NOTE)
        : text(task, NORM_NUMBER).strip() + " del " + date + (blank(text(task, COUNCIL_NOTE)) ? ""
            : ". " + text(task, COUNCIL_NOTE).strip());
    mapper.insertMunicipalStep(expediente(task), "ACUERDO", decision, detail, documentId(task, COUNCIL_DOCUMENT),
        PgoChecks.actor());
    PgoChecks.recordDocuments(mapper, documents, task, Map.of(COUNCIL_DOCUMENT, "ACUERDO_CONCEJO"));
    mapper.setState(expediente(task), "APROBADO".equals(decision) ? "ORDENANZA_APROBADA" : "NO_APROBADO");
  }

  private void record(DelegateTask task, String step, String decision, String noteVariable, String documentVariable,
      String kind) {
    String note = text(task, noteVariable);
    mapper.insertMunicipalStep(expediente(task), step, decision, blank(note) ? null : note.strip(),
        documentId(task, documentVariable), PgoChecks.actor());
    PgoChecks.recordDocuments(mapper, documents, task, Map.of(documentVariable, kind));
  }

  private void optionalText(FieldChecks checks, DelegateTask task, String variable, String label) {
    String value = text(task, variable);
    if (value != null && value.length() > PgoChecks.TEXT_MAX) {
      checks.check(variable, label, "no debe superar " + PgoChecks.TEXT_MAX + " caracteres");
    }
  }

  private void optionalDocument(FieldChecks checks, DelegateTask task, String variable, String label) {
    String id = text(task, variable);
    if (!blank(id)) {
      checks.check(variable, label, documents.usableProblem(id, text(task, ENTITY_RUC), task.getProcessInstanceId()));
    }
  }

  private static String documentId(DelegateTask task, String variable) {
    String id = text(task, variable);
    return blank(id) ? null : id.strip();
  }

  private static long expediente(DelegateTask task) {
    return ((Number) task.getVariable(EXPEDIENTE_ID)).longValue();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

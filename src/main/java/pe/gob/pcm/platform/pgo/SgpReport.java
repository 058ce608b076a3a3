package pe.gob.pcm.platform.pgo;

import static pe.gob.pcm.platform.pgo.PgoProcess.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.CalendarProperties;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.document.PdfReport;
import pe.gob.pcm.platform.signature.CargoSigner;

/**
 * The SGP's output when an evaluation concludes (favourable or unfavourable): the informe técnico
 * (case, rounds, observations and their outcome, conclusion) and its cover oficio, each signed
 * with the SGP's key through the platform's signer (PAdES, as the cargo), stored as documents of
 * the entity and of the case ({@code pgo_documento}: INFORME_SGP, OFICIO_SGP). Runs as its own
 * job and is safe to repeat: a retry finds the documents already issued for the round.
 */
@Component("pgoIssueReport")
public class SgpReport implements JavaDelegate {

  static final String SYSTEM_USER = "sgp-plataforma";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final PgoMapper mapper;
  private final PgoRounds rounds;
  private final DocumentStore documents;
  private final CargoSigner signer;
  private final PgoProperties properties;
  private final CalendarProperties calendar;

  public SgpReport(PgoMapper mapper, PgoRounds rounds, DocumentStore documents, CargoSigner signer,
      PgoProperties properties, CalendarProperties calendar) {
    this.mapper = mapper;
    this.rounds = rounds;
    this.documents = documents;
    this.signer = signer;
    this.properties = properties;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = PgoDelegates.expediente(execution);
    PgoMapper.Expediente e = mapper.expediente(id);
    List<PgoRounds.Round> all = rounds.rounds(id);
    PgoRounds.Round last = all.get(all.size() - 1);
    String code = execution.getProcessBusinessKey() + "-R" + last.round();
    LocalDate today = LocalDate.now(calendar.zone());
    String informe = issue(execution, id, e, "INFORME_SGP", "informe-tecnico-sgp-" + code + ".pdf",
        () -> informe(e, all, code, today));
    String oficio = issue(execution, id, e, "OFICIO_SGP", "oficio-sgp-" + code + ".pdf",
        () -> oficio(e, last, code, today));
    execution.setVariable(SGP_REPORT_DOCUMENT, informe);
    execution.setVariable(SGP_OFICIO_DOCUMENT, oficio);
  }

  private String issue(DelegateExecution execution, long id, PgoMapper.Expediente e, String kind, String fileName,
      java.util.function.Supplier<byte[]> render) {
    List<PgoMapper.Document> issued = mapper.documents(id).stream().filter(d -> d.kind().equals(kind)).toList();
    for (PgoMapper.Document d : issued) {
      if (documents.find(d.documentId()).map(s -> s.fileName().equals(fileName)).orElse(false)) {
        return d.documentId();
      }
    }
    byte[] signed = signer.sign(properties.sgp().keyAlias(), properties.sgp().name(), render.get());
    String documentId = documents.storePdf(SYSTEM_USER, e.entityRuc, fileName, signed).id();
    documents.attach(documentId, execution.getProcessInstanceId());
    mapper.insertDocument(id, kind, issued.size() + 1, documentId, SYSTEM_USER);
    return documentId;
  }

  byte[] informe(PgoMapper.Expediente e, List<PgoRounds.Round> all, String code, LocalDate today) {
    PgoRounds.Round last = all.get(all.size() - 1);
    Map<String, String> categories = rounds.categories();
    PdfReport pdf = new PdfReport("INFORME TÉCNICO - OPINIÓN DE LA SECRETARÍA DE GESTIÓN PÚBLICA SOBRE EL "
        + e.documentType + (e.documentType.equals("ROF") ? " (REGLAMENTO DE ORGANIZACIÓN Y FUNCIONES)"
            : " (MANUAL DE OPERACIONES)"))
        .row("Informe", code)
        .row("Fecha", DAY.format(today))
        .row("Entidad", e.entityName + " (RUC " + e.entityRuc + ")")
        .row("Expediente", "N.° " + e.id)
        .row("Motivo", PgoProcess.TRIGGERS.getOrDefault(e.trigger, e.trigger))
        .row("Modelo municipal", e.modelCode == null ? "no aplica" : e.modelCode)
        .row("Evaluador", last.evaluator())
        .heading("1. Rondas de evaluación");
    for (PgoRounds.Round r : all) {
      pdf.row("Ronda " + r.round(), "complejidad " + lower(r.complexity()) + ", plazo " + r.termDays()
          + " días hábiles" + (r.workingDays() == null ? "" : ", atendida en " + r.workingDays() + " días hábiles")
          + ", estructura versión " + r.structureVersion() + ": " + resultName(r.result()));
    }
    pdf.heading("2. Observaciones y su resultado");
    boolean any = false;
    for (PgoRounds.Round r : all) {
      for (PgoMapper.Observation o : r.observations()) {
        any = true;
        pdf.strong("Ronda " + r.round() + ", observación " + o.number() + " - "
            + (o.unit() == null ? "todo el documento" : "unidad " + o.unit() + " " + nullToEmpty(o.unitName()))
            + " (" + categories.getOrDefault(o.category(), o.category()) + ")");
        pdf.paragraph(o.text());
        pdf.paragraph("Respuesta de la entidad: " + (o.answer() == null ? "sin respuesta"
            : PgoRounds.ANSWERS.get(o.answer()) + (o.answerText() == null ? "" : ". " + o.answerText())));
        pdf.paragraph("Resultado: " + outcome(o, r, last));
      }
      if (r.changes() != null) {
        StructureDiff d = r.changes().diff();
        pdf.small("Cambios de la estructura tras la ronda " + r.round() + " (versión " + r.changes().fromVersion()
            + " a " + r.changes().toVersion() + "): " + d.added().size() + " unidades agregadas, " + d.removed().size()
            + " eliminadas, " + d.renamed().size() + " renombradas, " + d.moved().size() + " movidas, "
            + d.functions().size() + " con funciones cambiadas.");
      }
    }
    if (!any) {
      pdf.paragraph("La evaluación no formuló observaciones.");
    }
    pdf.heading("3. Conclusión");
    pdf.paragraph(("FAVORABLE".equals(last.result())
        ? "La Secretaría de Gestión Pública emite OPINIÓN TÉCNICA FAVORABLE sobre la propuesta de "
        : "La Secretaría de Gestión Pública emite OPINIÓN TÉCNICA DESFAVORABLE sobre la propuesta de ")
        + e.documentType + " de la entidad, en la versión " + last.structureVersion() + " de su estructura."
        + (last.grounds() == null || last.grounds().isBlank() ? "" : " Fundamentos: " + last.grounds()));
    pdf.small("Marco: Lineamientos de Organización del Estado (D.S. 054-2018-PCM y modificatorias), Directiva"
        + " 002-2021-SGP, Lineamientos 02-2020-SGP.");
    return pdf.gap(30).paragraph("Firmado digitalmente: " + properties.sgp().office()).render();
  }

  byte[] oficio(PgoMapper.Expediente e, PgoRounds.Round last, String code, LocalDate today) {
    boolean favourable = "FAVORABLE".equals(last.result());
    return new PdfReport("OFICIO - " + properties.sgp().office().toUpperCase(java.util.Locale.ROOT))
        .row("Oficio", "OF-" + code)
        .row("Fecha", DAY.format(today))
        .row("Señores", e.entityName)
        .row("Asunto", "Opinión técnica " + (favourable ? "favorable" : "desfavorable") + " sobre el proyecto de "
            + e.documentType)
        .row("Referencia", "Expediente N.° " + e.id + " de la Plataforma de Gestión Organizacional")
        .gap(10)
        .paragraph("Tengo el agrado de dirigirme a ustedes para remitir el informe técnico " + code + ", mediante el"
            + " cual la Secretaría de Gestión Pública emite opinión técnica " + (favourable ? "favorable" : "desfavorable")
            + " sobre el proyecto de " + e.documentType + " de su entidad"
            + (favourable ? ", a fin de que continúe con el trámite de aprobación correspondiente." : ", por los"
                + " fundamentos que en él se exponen."))
        .paragraph("El informe técnico y este oficio se encuentran en el expediente de la plataforma.")
        .gap(30)
        .paragraph("Atentamente,")
        .gap(20)
        .paragraph("Firmado digitalmente: " + properties.sgp().office())
        .render();
  }

  private static String outcome(PgoMapper.Observation o, PgoRounds.Round r, PgoRounds.Round last) {
    if (r == last) {
      return "FAVORABLE".equals(last.result()) ? "recomendación de la opinión final" : "sustenta la opinión desfavorable";
    }
    if (o.answer() == null) {
      return "no respondida";
    }
    return PgoRounds.ARGUED.equals(o.answer()) ? "argumento evaluado en la ronda " + (r.round() + 1)
        : "subsanada en la ronda " + (r.round() + 1);
  }

  private static String resultName(String result) {
    return result == null ? "en evaluación" : switch (result) {
      case "FAVORABLE" -> "opinión favorable";
      case "DESFAVORABLE" -> "opinión desfavorable";
      case "OBSERVADO" -> "observada";
      default -> result;
    };
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(java.util.Locale.ROOT);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

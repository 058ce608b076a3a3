package pe.gob.pcm.platform.processmap;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.CalendarProperties;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.document.PdfReport;
import pe.gob.pcm.platform.pgo.PgoProperties;
import pe.gob.pcm.platform.pgo.PgoRounds;
import pe.gob.pcm.platform.signature.CargoSigner;

/**
 * The PDFs of a process map: the map itself (levels 0, 1 and 2 with owner units, inputs and outputs,
 * and today's findings, such as units no longer in the ROF), and the SGP's informe técnico when an
 * evaluation concludes, signed with the SGP's key like the ROF's ({@code platform.pgo.sgp}).
 */
@Component
public class ProcessMapReports {

  static final String INFORME = "INFORME_SGP";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final ProcessMapMapper mapper;
  private final ProcessMaps maps;
  private final ProcessMapRounds rounds;
  private final DocumentStore documents;
  private final CargoSigner signer;
  private final PgoProperties pgo;
  private final CalendarProperties calendar;

  public ProcessMapReports(ProcessMapMapper mapper, ProcessMaps maps, ProcessMapRounds rounds, DocumentStore documents,
      CargoSigner signer, PgoProperties pgo, CalendarProperties calendar) {
    this.mapper = mapper;
    this.maps = maps;
    this.rounds = rounds;
    this.documents = documents;
    this.signer = signer;
    this.pgo = pgo;
    this.calendar = calendar;
  }

  /** Issues (once per round) the signed informe of the last round; returns its document id. */
  public String issue(long caseId, String processInstanceId, String businessKey) {
    List<ProcessMapMapper.Round> all = mapper.rounds(caseId);
    ProcessMapMapper.Round last = all.get(all.size() - 1);
    for (ProcessMapMapper.CaseDocument d : mapper.documents(caseId)) {
      if (d.kind().equals(INFORME) && d.round() == last.round()) {
        return d.documentId();
      }
    }
    ProcessMapMapper.Case c = mapper.findCase(caseId);
    String code = businessKey + "-R" + last.round();
    byte[] signed = signer.sign(pgo.sgp().keyAlias(), pgo.sgp().name(), informe(c, all, code, LocalDate.now(calendar.zone())));
    String id = documents.storePdf(ProcessMapCycle.SYSTEM_USER, c.entityRuc, "informe-mapa-procesos-" + code + ".pdf",
        signed).id();
    documents.attach(id, processInstanceId);
    mapper.insertDocument(caseId, INFORME, last.round(), id);
    return id;
  }

  byte[] informe(ProcessMapMapper.Case c, List<ProcessMapMapper.Round> all, String code, LocalDate today) {
    ProcessMapMapper.Round last = all.get(all.size() - 1);
    Map<String, String> categories = rounds.categories();
    PdfReport pdf = new PdfReport("Informe técnico de la SGP: mapa de procesos de " + c.entityName)
        .row("Informe", code)
        .row("Fecha", DAY.format(today))
        .row("Entidad", c.entityName + " (RUC " + c.entityRuc + ")")
        .row("Emite", pgo.sgp().office())
        .row("Versión evaluada", "Versión " + last.mapVersion() + " del mapa")
        .row("Conclusión", ProcessMapProcess.FAVOURABLE.equals(last.result()) ? "Opinión favorable"
            : "Opinión desfavorable");
    if (last.grounds() != null) {
      pdf.row("Fundamentos", last.grounds());
    }
    pdf.heading("Rondas de evaluación");
    for (ProcessMapMapper.Round r : all) {
      pdf.strong("Ronda " + r.round() + ": complejidad " + r.complexity().toLowerCase(java.util.Locale.ROOT) + ", "
          + r.termDays() + " días hábiles, versión " + r.mapVersion() + ", resultado " + r.result()
          + (r.breached() == 1 ? " (plazo incumplido)" : ""));
      for (ProcessMapMapper.Observation o : rounds.observations(c.id, r.round())) {
        pdf.paragraph(o.number() + ". [" + (o.process() == null ? ProcessMapRounds.WHOLE_MAP : o.process() + " "
            + o.processName()) + "] " + categories.getOrDefault(o.category(), o.category()) + ": " + o.text());
        if (o.answer() != null) {
          pdf.small("Respuesta de la entidad: " + PgoRounds.ANSWERS.get(o.answer())
              + (o.answerText() == null ? "" : ". " + o.answerText()));
        }
      }
    }
    ProcessMaps.Checked map = maps.read(c.id, last.mapVersion());
    if (map != null) {
      pdf.heading("Mapa evaluado (versión " + last.mapVersion() + ")");
      levels(pdf, map.map());
    }
    return pdf.render();
  }

  /** The map as a PDF: title, levels, and today's findings. */
  public byte[] mapPdf(String entityName, String state, ProcessMaps.Checked checked) {
    PdfReport pdf = new PdfReport("Mapa de procesos de " + entityName)
        .row("Versión", String.valueOf(checked.version()))
        .row("Situación", state)
        .row("Procesos", String.valueOf(checked.map().processes().size()))
        .row("Fecha de emisión", DAY.format(LocalDate.now(calendar.zone())));
    levels(pdf, checked.map());
    if (!checked.findings().isEmpty()) {
      pdf.heading("Observaciones de las reglas (a la fecha)");
      for (MapFinding f : checked.findings()) {
        pdf.small(f.severity() + " " + (f.process() == null ? "" : "[" + f.process() + "] ") + f.message());
      }
    }
    return pdf.render();
  }

  private static void levels(PdfReport pdf, ProcessMap map) {
    for (String type : MapProcess.TYPES) {
      pdf.heading(MapProcess.typeName(type));
      for (MapProcess zero : map.atLevel(0).stream().filter(p -> type.equals(p.type())).toList()) {
        line(pdf, zero, "");
        for (MapProcess one : map.children(zero.code())) {
          line(pdf, one, "    ");
          for (MapProcess two : map.children(one.code())) {
            line(pdf, two, "        ");
          }
        }
      }
    }
  }

  private static void line(PdfReport pdf, MapProcess p, String indent) {
    if (p.level() != null && p.level() == 0) {
      pdf.strong(indent + p.label() + " (nivel 0) - responsable: " + p.unit());
    } else {
      pdf.paragraph(indent + p.label() + " (nivel " + p.level() + ") - responsable: " + p.unit()
          + (p.bpmn() == null ? "" : " - con diagrama BPMN"));
    }
    String io = (p.inputs().isEmpty() ? "" : "Entradas: " + String.join("; ", p.inputs()))
        + (p.inputs().isEmpty() || p.outputs().isEmpty() ? "" : " | ")
        + (p.outputs().isEmpty() ? "" : "Salidas: " + String.join("; ", p.outputs()));
    if (!io.isEmpty()) {
      pdf.small(indent + "    " + io);
    }
  }
}

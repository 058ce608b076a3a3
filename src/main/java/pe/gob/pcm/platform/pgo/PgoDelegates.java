package pe.gob.pcm.platform.pgo;

import static pe.gob.pcm.platform.pgo.PgoProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pe.gob.pcm.platform.calendar.CalendarProperties;

/** The PGO model's service tasks, each a named delegate ({@code ${pgoSaveProposal}} …). */
@Configuration
public class PgoDelegates {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final PgoMapper mapper;
  private final PgoChecks checks;
  private final ZoneId zone;

  public PgoDelegates(PgoMapper mapper, PgoChecks checks, CalendarProperties calendar) {
    this.mapper = mapper;
    this.checks = checks;
    this.zone = calendar.zone();
  }

  static long expediente(DelegateExecution execution) {
    return ((Number) execution.getVariable(EXPEDIENTE_ID)).longValue();
  }

  @Bean("pgoSeedStructure")
  JavaDelegate seedStructure(MunicipalModels models, PgoStructures structures) {
    return execution -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> model = (Map<String, Object>) execution.getVariable("municipalModel");
      boolean isMop = "MOP".equals(execution.getVariable(DOCUMENT_TYPE));
      String code = isMop ? MunicipalModels.MOP_MODEL : model == null ? null : (String) model.get("modelCode");
      execution.setVariable(MODEL_CODE, code);
      execution.setVariable(MODEL_NAME, isMop ? MunicipalModels.MOP_MODEL_NAME : model == null ? null : model.get("modelName"));
      if (code != null) {
        mapper.setModel(expediente(execution), code);
        models.structureJson(code).ifPresent(structure -> {
          PgoStructures.Saved saved = structures.save(expediente(execution), structure, "plataforma");
          execution.setVariable(STRUCTURE_VERSION, saved.version());
          execution.setVariable(STRUCTURE_SUMMARY, "Versión 1: estructura estándar del modelo " + code
              + " (" + saved.units() + " unidades" + (isMop ? "; complete los datos del programa y sus artículos" : "")
              + "). Edítela y valide.");
        });
      }
    };
  }

  /** Applies the rules to the latest structure version and records the documents given. */
  @Bean("pgoSaveProposal")
  JavaDelegate saveProposal(PgoStructures structures) {
    return execution -> {
      long id = expediente(execution);
      PgoStructures.Saved latest = structures.latest(id);
      Set<String> documentVariables = DOCUMENTS.keySet().stream().filter(v -> !v.equals(LEGAL_DOCUMENT))
          .collect(Collectors.toSet());
      checks.recordDocuments(execution, documentVariables);
      execution.setVariables(structureVariables(latest));
    };
  }

  /**
   * What the task forms show of the latest structure version (version, counts, findings, summary):
   * set when the proposal is validated and each time the editor page saves a version.
   */
  static Map<String, Object> structureVariables(PgoStructures.Saved latest) {
    List<Finding> findings = latest == null
        ? List.of(new Finding(null, "ESTRUCTURA", Finding.ERROR, "no hay estructura: edítela y guárdela",
            StructureRules.FORMAT_SOURCE))
        : latest.findings();
    int errors = latest == null ? 1 : latest.errors();
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(STRUCTURE_VERSION, latest == null ? 0 : latest.version());
    vars.put(STRUCTURE_ERRORS, errors);
    vars.put(STRUCTURE_WARNINGS, latest == null ? 0 : latest.warnings());
    vars.put(MOP_ADSCRIPTION, latest == null ? null : latest.mopAdscription());
    vars.put(STRUCTURE_FINDINGS, SpinValues.jsonValue(org.camunda.spin.Spin.JSON(rows(findings))).create());
    vars.put(STRUCTURE_SUMMARY, latest == null ? "Aún no hay estructura." : "Versión " + latest.version()
        + " de la estructura: " + latest.units() + " unidades, " + errors + " errores, " + latest.warnings()
        + " advertencias" + (errors > 0 ? ". Corrija los errores para poder enviar." : "."));
    return vars;
  }

  static List<Map<String, Object>> rows(List<Finding> findings) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Finding f : findings) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("severidad", f.severity());
      row.put("unidad", f.unit() == null ? "(toda la estructura)" : f.unit());
      row.put("mensaje", f.message());
      row.put("regla", f.rule());
      row.put("fuente", f.source());
      rows.add(row);
    }
    return rows;
  }

  @Bean("pgoOpenRound")
  JavaDelegate openRound(PgoDeadlines deadlines, PgoRounds rounds) {
    return execution -> {
      long id = expediente(execution);
      int round = ((Number) execution.getVariable(ROUND)).intValue() + 1;
      int days = ((Number) execution.getVariable(EVALUATION_DAYS)).intValue();
      Date deadline = deadlines.evaluationDeadline(days);
      PgoMapper.Structure evaluated = mapper.latestStructure(id);
      mapper.insertEvaluation(id, round, (String) execution.getVariable(COMPLEXITY), days,
          deadline.toInstant().atZone(zone).toLocalDateTime(), (String) execution.getVariable(EVALUATOR),
          evaluated == null ? null : evaluated.version());
      mapper.setState(id, "EN_EVALUACION");
      execution.setVariable(ROUND, round);
      execution.setVariable(DEADLINE, deadline);
      execution.setVariable(ALERT_AT, deadlines.evaluationAlert(days));
      execution.setVariable(DEADLINE_TEXT, "Ronda " + round + ": " + days + " días hábiles, vence el "
          + DAY.format(deadline.toInstant().atZone(zone)));
      execution.setVariables(roundVariables(rounds, id, round));
    };
  }

  /**
   * What the evaluation form shows of the round: its observations (none yet) and, from the second
   * round on, what changed in the structure since the previous round evaluated it, beside the
   * entity's answers to that round's observations.
   */
  static Map<String, Object> roundVariables(PgoRounds rounds, long id, int round) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(OBSERVATIONS, json(List.of()));
    vars.put(OBSERVATION_COUNT, 0);
    List<PgoRounds.Round> all = rounds.rounds(id);
    PgoRounds.Round previous = all.stream().filter(r -> r.round() == round - 1).findFirst().orElse(null);
    if (previous == null) {
      vars.put(ROUND_CHANGES, json(List.of()));
      vars.put(PREVIOUS_ANSWERS, json(List.of()));
      vars.put(ROUND_CHANGES_SUMMARY, "Primera ronda de evaluación.");
      return vars;
    }
    List<Map<String, Object>> changes = previous.changes() == null ? List.of()
        : PgoRounds.diffRows(previous.changes().diff());
    long answered = previous.observations().stream().filter(o -> o.answer() != null).count();
    Map<String, Long> byAnswer = previous.observations().stream().filter(o -> o.answer() != null)
        .collect(Collectors.groupingBy(o -> o.answer().toLowerCase(java.util.Locale.ROOT) + "s", LinkedHashMap::new,
            Collectors.counting()));
    vars.put(ROUND_CHANGES, json(changes));
    vars.put(PREVIOUS_ANSWERS, json(PgoRounds.observationRows(previous.observations(), rounds.categories())));
    vars.put(ROUND_CHANGES_SUMMARY, "Ronda " + round + ". "
        + (previous.changes() == null ? "La estructura no cambió desde la ronda " + previous.round() + "."
            : "Estructura: versión " + previous.changes().fromVersion() + " (evaluada en la ronda " + previous.round()
                + ") → versión " + previous.changes().toVersion() + ", " + changes.size() + " cambios.")
        + " Respuestas de la entidad: " + answered + " de " + previous.observations().size() + " observaciones"
        + (byAnswer.isEmpty() ? "." : " (" + byAnswer.entrySet().stream().map(x -> x.getValue() + " " + x.getKey())
            .collect(Collectors.joining(", ")) + ")."));
    return vars;
  }

  static Object json(Object value) {
    return SpinValues.jsonValue(org.camunda.spin.Spin.JSON(value)).create();
  }

  @Bean("pgoAlert")
  JavaDelegate alert() {
    return execution -> mapper.markAlerted(expediente(execution), ((Number) execution.getVariable(ROUND)).intValue());
  }

  @Bean("pgoBreach")
  JavaDelegate breach() {
    return execution -> {
      mapper.markBreached(expediente(execution), ((Number) execution.getVariable(ROUND)).intValue());
      execution.setVariable(SLA_BREACHED, true);
    };
  }

  @Bean("pgoArchive")
  JavaDelegate archive() {
    return execution -> mapper.setState(expediente(execution), "ARCHIVADO");
  }

  /** The approved structure becomes the entity's current ROF/MOP version; the previous one is superseded. */
  @Bean("pgoApprove")
  JavaDelegate approve() {
    return execution -> {
      long id = expediente(execution);
      PgoMapper.Expediente e = mapper.expediente(id);
      PgoMapper.Structure structure = mapper.latestStructure(id);
      int next = mapper.versions(e.entityRuc, e.documentType).stream().mapToInt(PgoMapper.RofVersion::version)
          .max().orElse(0) + 1;
      mapper.supersede(e.entityRuc, e.documentType);
      mapper.insertVersion(e.entityRuc, e.documentType, next, id, structure.id(),
          (String) execution.getVariable(INSTRUMENT), (String) execution.getVariable(NORM_NUMBER),
          LocalDate.parse((String) execution.getVariable(NORM_DATE)),
          LocalDate.parse((String) execution.getVariable(PUBLICATION_DATE)));
      mapper.setState(id, "APROBADO");
      execution.setVariable("rofVersion", next);
    };
  }
}

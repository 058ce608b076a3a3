package pe.gob.pcm.platform.processmap;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pe.gob.pcm.platform.pgo.PgoRounds;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.Identifiers;

/**
 * The SGP's observations on a map, round by round, each tied to a process of the version the round
 * evaluates (or to the whole map), and the entity's answer to each: the same kinds of answer as for
 * a ROF ({@link PgoRounds#ANSWERS}).
 */
@Service
public class ProcessMapRounds {

  static final int MAX_OBSERVATIONS = 300;
  static final int TEXT_MAX = 4000;
  static final String WHOLE_MAP = "(todo el mapa)";

  public record ObservationsInput(@JsonProperty("observaciones") List<ObservationInput> observations) {}

  public record ObservationInput(@JsonProperty("proceso") String process, @JsonProperty("categoria") String category,
      @JsonProperty("texto") String text) {}

  private final ProcessMapMapper mapper;
  private final ProcessMapProperties properties;

  public ProcessMapRounds(ProcessMapMapper mapper, ProcessMapProperties properties) {
    this.mapper = mapper;
    this.properties = properties;
  }

  public Map<String, String> categories() {
    return properties.observationCategories();
  }

  /** Replaces the round's observations; a process that is not in the evaluated version is refused by name. */
  @Transactional
  public List<ProcessMapMapper.Observation> record(long caseId, int round, ObservationsInput input, String user) {
    List<ObservationInput> items = input == null || input.observations() == null ? List.of() : input.observations();
    FieldChecks checks = new FieldChecks();
    if (items.size() > MAX_OBSERVATIONS) {
      checks.check("observaciones", "Observaciones", "no deben ser más de " + MAX_OBSERVATIONS).throwIfAny();
    }
    ProcessMapMapper.Round r = round(caseId, round);
    Map<String, MapProcess> processes = ProcessMap.parse(mapper.version(caseId, r.mapVersion()).content(), "mapa",
        "Mapa").byCode();
    for (int i = 0; i < items.size(); i++) {
      ObservationInput o = items.get(i);
      String field = "observaciones[" + i + "]";
      String label = "Observación " + (i + 1);
      if (o == null) {
        checks.check(field, label, "está vacía");
        continue;
      }
      String process = blankToNull(o.process());
      if (process != null && !processes.containsKey(process)) {
        checks.check(field + ".proceso", label + " - proceso", "el proceso " + process
            + " no está en la versión evaluada del mapa: elija uno de la lista o «" + WHOLE_MAP + "»");
      }
      checks.check(field + ".categoria", label + " - categoría",
          categories().containsKey(o.category()) ? null : "elija una categoría de la lista");
      checks.check(field + ".texto", label + " - texto", Identifiers.textProblem(o.text(), TEXT_MAX));
    }
    checks.throwIfAny();
    mapper.deleteObservations(caseId, round);
    for (int i = 0; i < items.size(); i++) {
      ObservationInput o = items.get(i);
      String process = blankToNull(o.process());
      String name = process == null ? null : processes.get(process).name();
      mapper.insertObservation(caseId, round, i + 1, process,
          name == null ? null : name.substring(0, Math.min(250, name.length())), o.category(), o.text().strip(), user);
    }
    return observations(caseId, round);
  }

  /** Records the entity's answers by observation number; an argued one needs its argument. */
  @Transactional
  public List<ProcessMapMapper.Observation> answer(long caseId, int round, PgoRounds.AnswersInput input,
      String user) {
    List<PgoRounds.AnswerInput> items = input == null || input.answers() == null ? List.of() : input.answers();
    Set<Integer> numbers = new HashSet<>();
    observations(caseId, round).forEach(o -> numbers.add(o.number()));
    PgoRounds.checkAnswers(items, numbers, round);
    for (PgoRounds.AnswerInput a : items) {
      mapper.answer(caseId, round, a.number(), a.answer(), blankToNull(a.text()), user);
    }
    return observations(caseId, round);
  }

  public List<ProcessMapMapper.Observation> observations(long caseId, int round) {
    return mapper.observations(caseId).stream().filter(o -> o.round() == round).toList();
  }

  public List<Integer> unanswered(long caseId, int round) {
    return observations(caseId, round).stream().filter(o -> o.answer() == null)
        .map(ProcessMapMapper.Observation::number).toList();
  }

  ProcessMapMapper.Round round(long caseId, int round) {
    return mapper.rounds(caseId).stream().filter(r -> r.round() == round).findFirst()
        .orElseThrow(() -> new pe.gob.pcm.platform.validation.InvalidInputException("ronda", "Ronda",
            "el expediente no tiene la ronda " + round));
  }

  /** Table rows for the forms. */
  List<Map<String, Object>> rows(List<ProcessMapMapper.Observation> observations) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ProcessMapMapper.Observation o : observations) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("numero", o.number());
      row.put("proceso", o.process() == null ? WHOLE_MAP : o.process() + " " + (o.processName() == null ? "" : o.processName()));
      row.put("categoria", categories().getOrDefault(o.category(), o.category()));
      row.put("texto", o.text());
      row.put("respuesta", o.answer() == null ? "(sin respuesta)" : PgoRounds.ANSWERS.get(o.answer()));
      row.put("respuestaTexto", o.answerText() == null ? "" : o.answerText());
      rows.add(row);
    }
    return rows;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

package pe.gob.pcm.platform.pgo;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.Identifiers;

/**
 * The SGP's evaluation rounds as data: the observations of a round (each tied to a unit of the
 * structure evaluated, or to the whole document, with a category and a text), the entity's answer
 * to each, and what changed in the structure between the version a round evaluated and the next.
 */
@Service
public class PgoRounds {

  public static final String ACCEPTED = "ACEPTADA";
  public static final String CHANGED = "MODIFICADA";
  public static final String ARGUED = "ARGUMENTADA";
  /** The answers an entity can give, with their Spanish names. */
  public static final Map<String, String> ANSWERS = Map.of(ACCEPTED, "Aceptada (se corrigió)",
      CHANGED, "Modificada (se corrigió de otra forma)", ARGUED, "Argumentada (no se corrige, se sustenta)");
  static final int MAX_OBSERVATIONS = 200;
  static final String WHOLE_DOCUMENT = "(todo el documento)";

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  /** What the evaluator's page sends: the round's observations, all of them (they replace the saved ones). */
  public record ObservationsInput(@JsonProperty("observaciones") List<ObservationInput> observations) {}

  public record ObservationInput(@JsonProperty("unidad") String unit, @JsonProperty("categoria") String category,
      @JsonProperty("texto") String text) {}

  /** What the entity's page sends: answers by observation number (those not sent stay as they were). */
  public record AnswersInput(@JsonProperty("respuestas") List<AnswerInput> answers) {}

  public record AnswerInput(@JsonProperty("numero") Integer number, @JsonProperty("respuesta") String answer,
      @JsonProperty("texto") String text) {}

  /** A round with its observations and, when the structure changed after it, the changes. */
  public record Round(@JsonProperty("ronda") int round, @JsonProperty("complejidad") String complexity,
      @JsonProperty("plazoDias") int termDays, @JsonProperty("vence") java.time.LocalDateTime dueAt,
      @JsonProperty("evaluador") String evaluator, @JsonProperty("resultado") String result,
      @JsonProperty("fundamentos") String grounds, @JsonProperty("estructuraVersion") Integer structureVersion,
      @JsonProperty("diasHabiles") Integer workingDays,
      @JsonProperty("observaciones") List<PgoMapper.Observation> observations,
      @JsonProperty("cambios") Changes changes) {}

  /** The structure evaluated in a round ({@code de}) against the one corrected after it ({@code a}). */
  public record Changes(@JsonProperty("deVersion") int fromVersion, @JsonProperty("aVersion") int toVersion,
      @JsonProperty("diferencias") StructureDiff diff) {}

  private final PgoMapper mapper;
  private final PgoProperties properties;

  public PgoRounds(PgoMapper mapper, PgoProperties properties) {
    this.mapper = mapper;
    this.properties = properties;
  }

  public Map<String, String> categories() {
    return properties.observationCategories();
  }

  /**
   * Replaces the round's observations. Each unit code must be one of the structure the round
   * evaluates (or empty: the whole document); refusals name the observation and the field.
   */
  @Transactional
  public List<PgoMapper.Observation> recordObservations(long expedienteId, int round, String body, String user) {
    ObservationsInput input = read(body, ObservationsInput.class, "observaciones", "Observaciones");
    List<ObservationInput> items = input == null || input.observations() == null ? List.of() : input.observations();
    FieldChecks checks = new FieldChecks();
    if (items.size() > MAX_OBSERVATIONS) {
      checks.check("observaciones", "Observaciones", "no deben ser más de " + MAX_OBSERVATIONS).throwIfAny();
    }
    OrgStructure evaluated = evaluatedStructure(expedienteId, round);
    Map<String, OrgUnit> units = evaluated == null ? Map.of() : evaluated.byCode();
    for (int i = 0; i < items.size(); i++) {
      ObservationInput o = items.get(i);
      String field = "observaciones[" + i + "]";
      String label = "Observación " + (i + 1);
      if (o == null) {
        checks.check(field, label, "está vacía");
        continue;
      }
      String unit = blankToNull(o.unit());
      if (unit != null && !units.containsKey(unit)) {
        checks.check(field + ".unidad", label + " - unidad", "la unidad " + unit
            + " no está en la estructura evaluada: elija una de la lista o «" + WHOLE_DOCUMENT + "»");
      }
      checks.check(field + ".categoria", label + " - categoría", categories().containsKey(o.category()) ? null
          : "elija una categoría de la lista");
      checks.check(field + ".texto", label + " - texto", Identifiers.textProblem(o.text(), PgoChecks.TEXT_MAX));
    }
    checks.throwIfAny();
    mapper.deleteObservations(expedienteId, round);
    for (int i = 0; i < items.size(); i++) {
      ObservationInput o = items.get(i);
      String unit = blankToNull(o.unit());
      mapper.insertObservation(expedienteId, round, i + 1, unit == null ? null : unit,
          unit == null ? null : truncate(units.get(unit).name(), 250), o.category(), o.text().strip(), user);
    }
    return mapper.roundObservations(expedienteId, round);
  }

  /** Records the entity's answers; an argued observation needs its argument. */
  @Transactional
  public List<PgoMapper.Observation> answer(long expedienteId, int round, String body, String user) {
    AnswersInput input = read(body, AnswersInput.class, "respuestas", "Respuestas");
    List<AnswerInput> items = input == null || input.answers() == null ? List.of() : input.answers();
    Set<Integer> numbers = new java.util.HashSet<>();
    mapper.roundObservations(expedienteId, round).forEach(o -> numbers.add(o.number()));
    checkAnswers(items, numbers, round);
    for (AnswerInput a : items) {
      mapper.answerObservation(expedienteId, round, a.number(), a.answer(), blankToNull(a.text()), user);
    }
    return mapper.roundObservations(expedienteId, round);
  }

  /**
   * Refuses answers that do not name an observation of the round ({@code numbers}), are not one of
   * {@link #ANSWERS}, or argue without an argument; each refusal names the answer and the field. Also
   * the process maps' rounds answer this way.
   */
  public static void checkAnswers(List<AnswerInput> items, Set<Integer> numbers, int round) {
    FieldChecks checks = new FieldChecks();
    for (int i = 0; i < items.size(); i++) {
      AnswerInput a = items.get(i);
      String field = "respuestas[" + i + "]";
      if (a == null || a.number() == null || !numbers.contains(a.number())) {
        checks.check(field + ".numero", "Respuesta " + (i + 1), "no corresponde a una observación de la ronda " + round);
        continue;
      }
      String label = "Respuesta a la observación " + a.number();
      if (!ANSWERS.containsKey(a.answer())) {
        checks.check(field + ".respuesta", label, "elija aceptada, modificada o argumentada");
      } else if (ARGUED.equals(a.answer())) {
        checks.check(field + ".texto", label + " - argumento", Identifiers.textProblem(a.text(), PgoChecks.TEXT_MAX));
      } else if (a.text() != null && a.text().length() > PgoChecks.TEXT_MAX) {
        checks.check(field + ".texto", label + " - detalle", "no debe superar " + PgoChecks.TEXT_MAX + " caracteres");
      }
    }
    checks.throwIfAny();
  }

  /** The observations of the round still without an answer (by number). */
  public List<Integer> unanswered(long expedienteId, int round) {
    return mapper.roundObservations(expedienteId, round).stream().filter(o -> o.answer() == null)
        .map(PgoMapper.Observation::number).toList();
  }

  /** Every round of the expediente, each with its observations and the changes made after it. */
  public List<Round> rounds(long expedienteId) {
    List<PgoMapper.Evaluation> evaluations = mapper.evaluations(expedienteId);
    List<PgoMapper.Observation> observations = mapper.observations(expedienteId);
    PgoMapper.Structure latest = mapper.latestStructure(expedienteId);
    List<Round> rounds = new ArrayList<>();
    for (int i = 0; i < evaluations.size(); i++) {
      PgoMapper.Evaluation e = evaluations.get(i);
      Integer next = i + 1 < evaluations.size() ? evaluations.get(i + 1).structureVersion()
          : latest == null ? null : latest.version();
      Changes changes = null;
      if (e.structureVersion() != null && next != null && next > e.structureVersion()) {
        changes = new Changes(e.structureVersion(), next, diff(expedienteId, e.structureVersion(), next));
      }
      int round = e.round();
      rounds.add(new Round(round, e.complexity(), e.termDays(), e.dueAt(), e.evaluator(), e.result(),
          e.observations(), e.structureVersion(), e.workingDays(),
          observations.stream().filter(o -> o.round() == round).toList(), changes));
    }
    return rounds;
  }

  /** The structure version a round evaluates, parsed; null when unknown. */
  OrgStructure evaluatedStructure(long expedienteId, int round) {
    Integer version = mapper.evaluations(expedienteId).stream().filter(e -> e.round() == round).findFirst()
        .map(PgoMapper.Evaluation::structureVersion).orElse(null);
    PgoMapper.Structure s = version == null ? mapper.latestStructure(expedienteId) : structure(expedienteId, version);
    return s == null ? null : OrgStructure.parse(s.content(), "estructura", "Estructura");
  }

  StructureDiff diff(long expedienteId, int fromVersion, int toVersion) {
    return StructureDiff.between(
        OrgStructure.parse(structure(expedienteId, fromVersion).content(), "de", "Versión"),
        OrgStructure.parse(structure(expedienteId, toVersion).content(), "a", "Versión"));
  }

  private PgoMapper.Structure structure(long expedienteId, int version) {
    return mapper.structures(expedienteId).stream().filter(s -> s.version() == version).findFirst()
        .orElseThrow(() -> new IllegalStateException("No existe la versión " + version + " de la estructura"));
  }

  /** Table rows for the forms: a round's observations with their answers. */
  static List<Map<String, Object>> observationRows(List<PgoMapper.Observation> observations, Map<String, String> categories) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PgoMapper.Observation o : observations) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("numero", o.number());
      row.put("unidad", o.unit() == null ? WHOLE_DOCUMENT : o.unit() + " " + (o.unitName() == null ? "" : o.unitName()));
      row.put("categoria", categories.getOrDefault(o.category(), o.category()));
      row.put("texto", o.text());
      row.put("respuesta", o.answer() == null ? "(sin respuesta)" : ANSWERS.get(o.answer()));
      row.put("respuestaTexto", o.answerText() == null ? "" : o.answerText());
      rows.add(row);
    }
    return rows;
  }

  /** Table rows for the forms: one change of the structure per row (cambio, unidad, detalle). */
  static List<Map<String, Object>> diffRows(StructureDiff diff) {
    List<Map<String, Object>> rows = new ArrayList<>();
    diff.added().forEach(u -> rows.add(row("Agregada", u, "")));
    diff.removed().forEach(u -> rows.add(row("Eliminada", u, "")));
    diff.recoded().forEach(r -> rows.add(row("Cambió de código", r.name(), r.codeBefore() + " → " + r.codeAfter())));
    diff.renamed().forEach(r -> rows.add(row("Renombrada", r.code(), "«" + r.before() + "» → «" + r.after() + "»")));
    diff.moved().forEach(m -> rows.add(row("Movida", m.unit(), "dependía de " + m.parentBefore() + ", ahora de "
        + m.parentAfter() + (java.util.Objects.equals(m.levelBefore(), m.levelAfter()) ? ""
            : " (nivel " + m.levelBefore() + " → " + m.levelAfter() + ")"))));
    diff.functions().forEach(f -> rows.add(row("Funciones", f.unit(),
        (f.added().isEmpty() ? "" : "agregadas: " + String.join("; ", f.added()))
            + (f.added().isEmpty() || f.removed().isEmpty() ? "" : " | ")
            + (f.removed().isEmpty() ? "" : "eliminadas: " + String.join("; ", f.removed())))));
    for (StructureDiff.Change c : diff.changed()) {
      List<String> other = c.changes().stream()
          .filter(x -> !x.startsWith("nombre:") && !x.startsWith("dependencia:") && !x.startsWith("funciones:")).toList();
      if (!other.isEmpty()) {
        rows.add(row("Modificada", c.unit(), String.join("; ", other)));
      }
    }
    return rows;
  }

  private static Map<String, Object> row(String change, String unit, String detail) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("cambio", change);
    row.put("unidad", unit);
    row.put("detalle", detail);
    return row;
  }

  private static <T> T read(String body, Class<T> type, String field, String label) {
    if (body == null || body.isBlank()) {
      new FieldChecks().check(field, label, "el cuerpo de la solicitud está vacío").throwIfAny();
    }
    if (body.length() > 1_000_000) {
      new FieldChecks().check(field, label, "no debe superar 1 MB").throwIfAny();
    }
    try {
      return JSON.readValue(body, type);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (línea " + e.getLocation().getLineNr() + ", columna "
          + e.getLocation().getColumnNr() + ")";
      new FieldChecks().check(field, label, "no sigue el formato esperado" + where).throwIfAny();
      throw new IllegalStateException(e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}

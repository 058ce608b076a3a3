package pe.gob.pcm.platform.survey;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * The survey's figures for a period, per procedure and, below it, per entity: how many answered,
 * declined or let it expire, the average score and how many gave each score; and the latest
 * comments. Read by the managers' view (metrics) and the Prometheus gauges.
 */
@Service
public class SurveyResults {

  static final int COMMENTS = 20;

  private final SurveyMapper mapper;

  public SurveyResults(SurveyMapper mapper) {
    this.mapper = mapper;
  }

  /** The figures of one procedure (or one entity in it). */
  public record Figures(long respondidas, long omitidas, long sinRespuesta, Double promedio, List<Long> distribucion) {

    static Figures of(List<SurveyMapper.Tally> tallies) {
      long answered = 0;
      long declined = 0;
      long expired = 0;
      long sum = 0;
      long[] scores = new long[5];
      for (SurveyMapper.Tally t : tallies) {
        answered += t.answered();
        declined += t.declined();
        expired += t.expired();
        sum += t.scoreSum();
        scores[0] += t.score1();
        scores[1] += t.score2();
        scores[2] += t.score3();
        scores[3] += t.score4();
        scores[4] += t.score5();
      }
      Double average = answered == 0 ? null : Math.round(sum * 100.0 / answered) / 100.0;
      return new Figures(answered, declined, expired, average, List.of(scores[0], scores[1], scores[2], scores[3], scores[4]));
    }
  }

  public record EntityFigures(String entidad, String nombreEntidad, Figures cifras) {}

  public record ProcedureFigures(String proceso, String nombre, Figures cifras, List<EntityFigures> entidades) {}

  public record Comment(String proceso, String entidad, String nombreEntidad, Integer calificacion,
      String comentario, Date fecha) {}

  /**
   * Per procedure with answers in [from, to) and, in each, per entity; only the given entity when
   * not null. Names come from the caller's maps (procedure key → name, RUC → name).
   */
  public List<ProcedureFigures> figures(Date from, Date to, String entityRuc, Function<String, String> procedureName,
      Function<String, String> entityName) {
    Map<String, Map<String, List<SurveyMapper.Tally>>> byProcedure = new TreeMap<>();
    for (SurveyMapper.Tally t : mapper.tallies(from, to)) {
      if (entityRuc == null || entityRuc.equals(t.entityRuc())) {
        byProcedure.computeIfAbsent(t.procedureKey(), k -> new TreeMap<>())
            .computeIfAbsent(t.entityRuc() == null ? "" : t.entityRuc(), k -> new ArrayList<>()).add(t);
      }
    }
    List<ProcedureFigures> out = new ArrayList<>();
    byProcedure.forEach((key, byEntity) -> {
      List<EntityFigures> rows = new ArrayList<>();
      List<SurveyMapper.Tally> all = new ArrayList<>();
      byEntity.forEach((ruc, tallies) -> {
        all.addAll(tallies);
        rows.add(new EntityFigures(ruc.isEmpty() ? null : ruc, ruc.isEmpty() ? "(sin entidad)" : entityName.apply(ruc),
            Figures.of(tallies)));
      });
      out.add(new ProcedureFigures(key, procedureName.apply(key), Figures.of(all), rows));
    });
    return out;
  }

  /** The latest comments of the period, newest first. */
  public List<Comment> comments(Date from, Date to, String entityRuc, Function<String, String> entityName) {
    return mapper.latestComments(from, to, entityRuc, COMMENTS).stream()
        .map(c -> new Comment(c.procedureKey(), c.entityRuc(), c.entityRuc() == null ? "(sin entidad)"
            : entityName.apply(c.entityRuc()), c.score(), c.comment(), c.recordedAt()))
        .toList();
  }

  /** Every (procedure, entity) tally of the period, for the gauges. */
  public List<SurveyMapper.Tally> tallies(Date from, Date to) {
    return mapper.tallies(from, to);
  }
}

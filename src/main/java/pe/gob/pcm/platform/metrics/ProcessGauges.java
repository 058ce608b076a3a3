package pe.gob.pcm.platform.metrics;

import pe.gob.pcm.platform.survey.SurveyMapper;
import pe.gob.pcm.platform.survey.SurveyProperties;
import pe.gob.pcm.platform.survey.SurveyResults;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.entity.HostedEntityMapper.HostedEntityRow;

/**
 * Process gauges for Prometheus, per process key and entity (tag {@code entidad} = RUC, or
 * {@code ninguna}): running instances, open tasks, open incidents. Read from the engine's tables
 * when Prometheus scrapes (see {@link MonitoringAccessFilter}), so they are never stale; every
 * deployed process and hosted entity has a row, zero included.
 */
@Component
public class ProcessGauges {

  public static final String RUNNING = "plataforma.procesos.en_curso";
  public static final String OPEN_TASKS = "plataforma.tareas.abiertas";
  public static final String OPEN_INCIDENTS = "plataforma.incidentes.abiertos";
  public static final String SATISFACTION = "plataforma.satisfaccion.promedio";
  public static final String SATISFACTION_ANSWERS = "plataforma.satisfaccion.respuestas";

  private final MetricsMapper mapper;
  private final RepositoryService repository;
  private final HostedEntities entities;
  private final MultiGauge running;
  private final MultiGauge tasks;
  private final MultiGauge incidents;
  private final MultiGauge satisfaction;
  private final MultiGauge satisfactionAnswers;
  private final SurveyResults survey;
  private final int surveyWindowDays;

  public ProcessGauges(MetricsMapper mapper, RepositoryService repository, HostedEntities entities,
      MeterRegistry registry, SurveyResults survey, SurveyProperties surveyProperties) {
    this.survey = survey;
    this.surveyWindowDays = surveyProperties.gaugeWindowDays();
    this.satisfaction = MultiGauge.builder(SATISFACTION)
        .description("Calificación promedio (1 a 5) de la encuesta de satisfacción, por procedimiento y entidad, en"
            + " los últimos días de platform.survey.gauge-window-days; solo donde hubo respuestas").register(registry);
    this.satisfactionAnswers = MultiGauge.builder(SATISFACTION_ANSWERS)
        .description("Encuestas de satisfacción respondidas en la misma ventana, por procedimiento y entidad")
        .register(registry);
    this.mapper = mapper;
    this.repository = repository;
    this.entities = entities;
    this.running = MultiGauge.builder(RUNNING)
        .description("Instancias de proceso en curso, por proceso y entidad").register(registry);
    this.tasks = MultiGauge.builder(OPEN_TASKS)
        .description("Tareas abiertas, por proceso y entidad").register(registry);
    this.incidents = MultiGauge.builder(OPEN_INCIDENTS)
        .description("Incidentes abiertos, por proceso y entidad").register(registry);
  }

  /** Reads the current figures; called before each scrape. */
  public synchronized void refresh() {
    List<String> keys = repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).distinct().toList();
    List<String> tenants = entities.all().stream().map(HostedEntityRow::ruc).toList();
    running.register(rows(keys, tenants, mapper.runningNow()), true);
    tasks.register(rows(keys, tenants, mapper.openTaskCounts()), true);
    incidents.register(rows(keys, tenants, mapper.openIncidents()), true);
    refreshSatisfaction();
  }

  /** Only (procedure, entity) pairs with answers: an average of no answers is not zero. */
  private void refreshSatisfaction() {
    java.util.Date now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
    java.util.Date from = new java.util.Date(now.getTime() - surveyWindowDays * 86_400_000L);
    List<MultiGauge.Row<?>> averages = new ArrayList<>();
    List<MultiGauge.Row<?>> answers = new ArrayList<>();
    for (SurveyMapper.Tally t : survey.tallies(from, new java.util.Date(now.getTime() + 1))) {
      if (t.answered() == 0) {
        continue;
      }
      Tags tags = Tags.of("proceso", t.procedureKey(), "entidad", t.entityRuc() == null ? "ninguna" : t.entityRuc());
      averages.add(MultiGauge.Row.of(tags, (double) t.scoreSum() / t.answered()));
      answers.add(MultiGauge.Row.of(tags, t.answered()));
    }
    satisfaction.register(averages, true);
    satisfactionAnswers.register(answers, true);
  }

  private static List<MultiGauge.Row<?>> rows(List<String> keys, List<String> tenants,
      List<MetricsMapper.Count> counts) {
    Map<List<String>, Long> values = new LinkedHashMap<>();
    for (String key : keys) {
      for (String tenant : tenants) {
        values.put(List.of(key, tenant), 0L);
      }
    }
    for (MetricsMapper.Count c : counts) {
      values.merge(List.of(c.processKey(), c.tenantId() == null ? "ninguna" : c.tenantId()),
          c.total(), Long::sum);
    }
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    values.forEach((k, v) -> rows.add(MultiGauge.Row.of(Tags.of("proceso", k.get(0), "entidad", k.get(1)), v)));
    return rows;
  }
}

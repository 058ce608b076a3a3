package pe.gob.pcm.platform.metrics;

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

  private final MetricsMapper mapper;
  private final RepositoryService repository;
  private final HostedEntities entities;
  private final MultiGauge running;
  private final MultiGauge tasks;
  private final MultiGauge incidents;

  public ProcessGauges(MetricsMapper mapper, RepositoryService repository, HostedEntities entities,
      MeterRegistry registry) {
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

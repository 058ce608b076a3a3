package pe.gob.pcm.platform.metrics;

import pe.gob.pcm.platform.survey.SurveyResults;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import pe.gob.pcm.platform.calendar.CalendarProperties;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.entity.HostedEntityMapper.HostedEntityRow;

/**
 * The figures managers read in Cockpit's "Métricas" view, per process and per entity (tenant =
 * RUC), for a period of calendar days in the platform's time zone. See docs/metricas.md for what
 * each figure means.
 */
@Service
public class ProcessMetrics {

  /** Key used for instances and tasks that belong to no entity. */
  static final String NO_ENTITY = "";

  private final MetricsMapper mapper;
  private final MetricsProperties properties;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final HostedEntities entities;
  private final ZoneId zone;
  private final SurveyResults survey;

  public ProcessMetrics(MetricsMapper mapper, MetricsProperties properties,
      RepositoryService repository, IdentityService identity, HostedEntities entities,
      CalendarProperties calendar, SurveyResults survey) {
    this.survey = survey;
    this.mapper = mapper;
    this.properties = properties;
    this.repository = repository;
    this.identity = identity;
    this.entities = entities;
    this.zone = calendar.zone();
  }

  /** The figures of one process for one entity, or for all entities together. */
  public record Figures(long iniciadas, long completadas, long canceladas, long enCurso,
      Long duracionMedianaMs, Long duracionP90Ms, long incumplimientosSla,
      long incidentesAbiertos, long incidentesEnPeriodo) {}

  public record EntityFigures(String entidad, String nombreEntidad, Figures cifras) {}

  public record ProcessFigures(String proceso, String nombre, Figures cifras,
      List<EntityFigures> entidades) {}

  /** Open tasks of one candidate group in one process and entity, with their age (now). */
  public record OpenTasks(String grupo, String nombreGrupo, String proceso, String entidad,
      String nombreEntidad, long tareas, long sinAsignar, long antiguedadMediaMs,
      long antiguedadMaximaMs) {}

  public record Report(LocalDate desde, LocalDate hasta, String zonaHoraria, Instant calculadoEl,
      String alcance, List<ProcessFigures> procesos, List<OpenTasks> tareasAbiertas,
      List<SurveyResults.ProcedureFigures> satisfaccion, List<SurveyResults.Comment> comentarios) {}

  /** Everything for the period [desde, hasta] (whole days), optionally one entity only. */
  public Report report(LocalDate from, LocalDate to, String entityRuc) {
    Date start = Date.from(from.atStartOfDay(zone).toInstant());
    Date end = Date.from(to.plusDays(1).atStartOfDay(zone).toInstant());
    Map<String, String> entityNames = new HashMap<>();
    for (HostedEntityRow row : entities.all()) {
      entityNames.put(row.ruc(), row.name());
    }

    // process key -> tenant -> accumulator
    Map<String, Map<String, Acc>> byProcess = new TreeMap<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      byProcess.putIfAbsent(definition.getKey(), new TreeMap<>());
    }
    java.util.function.BiFunction<String, String, Acc> acc = (key, tenant) -> byProcess
        .computeIfAbsent(key, k -> new TreeMap<>())
        .computeIfAbsent(tenant == null ? NO_ENTITY : tenant, t -> new Acc());
    java.util.function.Predicate<String> inScope =
        tenant -> entityRuc == null || entityRuc.equals(tenant);

    for (MetricsMapper.Count c : mapper.started(start, end)) {
      if (inScope.test(c.tenantId())) {
        acc.apply(c.processKey(), c.tenantId()).started += c.total();
      }
    }
    for (MetricsMapper.Ended e : mapper.ended(start, end)) {
      if (!inScope.test(e.tenantId())) {
        continue;
      }
      Acc a = acc.apply(e.processKey(), e.tenantId());
      if ("COMPLETED".equals(e.state())) {
        a.completed++;
        if (e.durationMs() != null) {
          a.durations.add(e.durationMs());
        }
      } else {
        a.canceled++;
      }
    }
    for (MetricsMapper.Count c : mapper.runningAt(end)) {
      if (inScope.test(c.tenantId())) {
        acc.apply(c.processKey(), c.tenantId()).running += c.total();
      }
    }
    for (MetricsMapper.Fired f : mapper.boundaryTimers(start, end)) {
      if (inScope.test(f.tenantId()) && properties.isSlaEvent(f.processKey(), f.activityId())) {
        acc.apply(f.processKey(), f.tenantId()).slaBreaches++;
      }
    }
    for (MetricsMapper.Count c : mapper.openIncidents()) {
      if (inScope.test(c.tenantId())) {
        acc.apply(c.processKey(), c.tenantId()).openIncidents += c.total();
      }
    }
    for (MetricsMapper.Count c : mapper.incidentsCreated(start, end)) {
      if (inScope.test(c.tenantId())) {
        acc.apply(c.processKey(), c.tenantId()).periodIncidents += c.total();
      }
    }

    Map<String, String> processNames = processNames();
    List<ProcessFigures> processes = new ArrayList<>();
    byProcess.forEach((key, tenants) -> {
      Acc total = new Acc();
      List<EntityFigures> rows = new ArrayList<>();
      tenants.forEach((tenant, a) -> {
        total.add(a);
        String ruc = tenant.isEmpty() ? null : tenant;
        rows.add(new EntityFigures(ruc, ruc == null ? "(sin entidad)" : entityNames.getOrDefault(ruc, ruc),
            a.figures()));
      });
      processes.add(new ProcessFigures(key, processNames.getOrDefault(key, key), total.figures(), rows));
    });

    java.util.function.Function<String, String> entityName = ruc -> entityNames.getOrDefault(ruc, ruc);
    return new Report(from, to, zone.getId(), ClockUtil.getCurrentTime().toInstant(),
        entityRuc == null ? "Todas las entidades" : entityNames.getOrDefault(entityRuc, entityRuc),
        processes, openTasks(entityRuc, entityNames),
        survey.figures(start, end, entityRuc, key -> processNames.getOrDefault(key, key), entityName),
        survey.comments(start, end, entityRuc, entityName));
  }

  private List<OpenTasks> openTasks(String entityRuc, Map<String, String> entityNames) {
    long now = ClockUtil.getCurrentTime().getTime();
    Map<String, String> groupNames = new HashMap<>();
    for (Group group : identity.createGroupQuery().list()) {
      groupNames.put(group.getId(), group.getName());
    }
    Map<List<String>, List<MetricsMapper.OpenTask>> grouped = new LinkedHashMap<>();
    for (MetricsMapper.OpenTask t : mapper.openTasks()) {
      if (entityRuc == null || entityRuc.equals(t.tenantId())) {
        grouped.computeIfAbsent(java.util.Arrays.asList(t.groupId(), t.processKey(), t.tenantId()),
            k -> new ArrayList<>()).add(t);
      }
    }
    List<OpenTasks> rows = new ArrayList<>();
    grouped.forEach((k, tasks) -> {
      long unassigned = tasks.stream().filter(t -> t.assignee() == null).count();
      long[] ages = tasks.stream().mapToLong(t -> Math.max(0, now - t.created().getTime())).toArray();
      long max = java.util.Arrays.stream(ages).max().orElse(0);
      long mean = Math.round(java.util.Arrays.stream(ages).average().orElse(0));
      String group = k.get(0);
      String tenant = k.get(2);
      rows.add(new OpenTasks(group, group == null ? "(sin grupo candidato)" : groupNames.getOrDefault(group, group),
          k.get(1), tenant, tenant == null ? "(sin entidad)" : entityNames.getOrDefault(tenant, tenant),
          tasks.size(), unassigned, mean, max));
    });
    rows.sort(Comparator.comparing((OpenTasks r) -> Objects.toString(r.grupo(), "~"))
        .thenComparing(OpenTasks::proceso).thenComparing(r -> Objects.toString(r.entidad(), "")));
    return rows;
  }

  private Map<String, String> processNames() {
    Map<String, String> names = new HashMap<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      if (definition.getName() != null) {
        names.put(definition.getKey(), definition.getName());
      }
    }
    return names;
  }

  private static final class Acc {
    long started;
    long completed;
    long canceled;
    long running;
    long slaBreaches;
    long openIncidents;
    long periodIncidents;
    final List<Long> durations = new ArrayList<>();

    void add(Acc other) {
      started += other.started;
      completed += other.completed;
      canceled += other.canceled;
      running += other.running;
      slaBreaches += other.slaBreaches;
      openIncidents += other.openIncidents;
      periodIncidents += other.periodIncidents;
      durations.addAll(other.durations);
    }

    Figures figures() {
      List<Long> sorted = durations.stream().sorted().toList();
      return new Figures(started, completed, canceled, running, Percentiles.median(sorted),
          Percentiles.nearestRank(sorted, 90), slaBreaches, openIncidents, periodIncidents);
    }
  }
}

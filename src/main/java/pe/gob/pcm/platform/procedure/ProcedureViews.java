package pe.gob.pcm.platform.procedure;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.BusinessCalendar;

/**
 * What the API shows of the catalogue and of an entity's procedures, in Spanish keys; and the
 * adoption term: a procedure is overdue for an entity when it has not adopted the version in force
 * within {@code platform.procedures.adoption-working-days} Peruvian working days of its publication.
 */
@Component
public class ProcedureViews {

  private final ProcedureMapper mapper;
  private final BusinessCalendar calendar;
  private final ProcedureProperties properties;

  public ProcedureViews(ProcedureMapper mapper, BusinessCalendar calendar, ProcedureProperties properties) {
    this.mapper = mapper;
    this.calendar = calendar;
    this.properties = properties;
  }

  static Set<String> levelsOf(ProcedureMapper mapper, long versionId) {
    return mapper.levels(List.of(versionId)).stream().map(ProcedureMapper.LevelRow::level)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The last day of the adoption term of a version published on {@code published}. */
  public LocalDate adoptionDeadline(LocalDate published) {
    return calendar.addWorkingDays(published, properties.adoptionWorkingDays());
  }

  /**
   * The latest publication date whose adoption term ended before {@code today}: the versions
   * published on or before it are overdue if not adopted. The deadline grows with the publication
   * date, so walking back from today the first date whose deadline has passed is the one.
   */
  public LocalDate overdueCutoff(LocalDate today) {
    LocalDate date = today.minusDays(1);
    while (!adoptionDeadline(date).isBefore(today)) {
      date = date.minusDays(1);
    }
    return date;
  }

  public LocalDate today() {
    return LocalDate.now(calendar.zone());
  }

  public Map<String, Object> cataloguePage(String level, String text, int page, int size) {
    String like = text == null ? null : "%" + text.toUpperCase(java.util.Locale.ROOT) + "%";
    List<ProcedureMapper.VersionRow> rows = mapper.cataloguePage(level, like, page * size, size);
    Map<Long, List<String>> levels = levels(rows);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", mapper.catalogueCount(level, like));
    body.put("pagina", page);
    body.put("tamano", size);
    body.put("procedimientos", rows.stream().map(v -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("codigo", v.code);
      item.putAll(version(v, levels.getOrDefault(v.id, List.of())));
      return item;
    }).toList());
    return body;
  }

  /** A procedure with its versions (published ones only, unless {@code all}), or null. */
  public Map<String, Object> detail(String code, boolean all) {
    ProcedureMapper.ProcedureRow procedure = mapper.procedureByCode(code);
    if (procedure == null || (procedure.currentVersion() == null && !all)) {
      return null;
    }
    List<ProcedureMapper.VersionRow> versions = mapper.versions(procedure.id(), !all);
    Map<Long, List<String>> levels = levels(versions);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("codigo", procedure.code());
    body.put("nombre", procedure.name());
    body.put("versionVigente", procedure.currentVersion());
    body.put("publicado", procedure.publishedDate());
    body.put("plazoAdecuacion", procedure.publishedDate() == null ? null : adoptionDeadline(procedure.publishedDate()));
    body.put("versiones", versions.stream().map(v -> version(v, levels.getOrDefault(v.id, List.of()))).toList());
    return body;
  }

  public Map<String, Object> entityPage(String ruc, String level, String situation, int page, int size) {
    LocalDate today = today();
    LocalDate cutoff = overdueCutoff(today);
    List<ProcedureMapper.EntityProcedureRow> rows = level == null ? List.of()
        : mapper.entityPage(ruc, level, situation, cutoff, page * size, size);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ruc", ruc);
    body.put("nivelGobierno", level);
    body.put("plazoAdecuacionDiasHabiles", properties.adoptionWorkingDays());
    body.put("total", level == null ? 0 : mapper.entityCount(ruc, level, situation, cutoff));
    body.put("pagina", page);
    body.put("tamano", size);
    body.put("procedimientos", rows.stream().map(r -> {
      boolean current = r.adoptedVersion() != null && r.adoptedVersion() >= r.currentVersion();
      LocalDate deadline = adoptionDeadline(r.publishedDate());
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("codigo", r.code());
      item.put("nombre", r.name());
      item.put("versionVigente", r.currentVersion());
      item.put("publicado", r.publishedDate());
      item.put("versionAdoptada", r.adoptedVersion());
      item.put("adoptado", r.adoptedAt());
      item.put("plazoAdecuacion", deadline);
      item.put("situacion", current ? "ADOPTADO" : deadline.isBefore(today) ? "VENCIDO" : "PENDIENTE");
      return item;
    }).toList());
    return body;
  }

  private Map<Long, List<String>> levels(List<ProcedureMapper.VersionRow> versions) {
    if (versions.isEmpty()) {
      return Map.of();
    }
    return mapper.levels(versions.stream().map(v -> v.id).toList()).stream().collect(Collectors.groupingBy(
        ProcedureMapper.LevelRow::versionId, Collectors.mapping(ProcedureMapper.LevelRow::level, Collectors.toList())));
  }

  private Map<String, Object> version(ProcedureMapper.VersionRow v, List<String> levels) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("version", v.version);
    item.put("nombre", v.name);
    item.put("baseLegal", v.legalBasis);
    item.put("requisitos", StandardProcedure.items(v.requirements));
    item.put("tasa", v.fee);
    item.put("plazoDiasHabiles", v.termDays);
    item.put("silencio", v.silence);
    item.put("tipoUnidad", v.unitType);
    item.put("niveles", levels);
    item.put("estado", v.state);
    Map<String, Object> norm = null;
    if (v.normNumber != null) {
      norm = new LinkedHashMap<>();
      norm.put("tipo", v.normType);
      norm.put("nombreTipo", properties.normTypes().getOrDefault(v.normType, v.normType));
      norm.put("numero", v.normNumber);
      norm.put("fecha", v.normDate);
    }
    item.put("norma", norm);
    item.put("publicado", v.publishedDate);
    return item;
  }
}

package pe.gob.pcm.platform.processmap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pe.gob.pcm.platform.pgo.CurrentStructures;
import pe.gob.pcm.platform.pgo.OrgUnit;

/**
 * The versions of a case's map: saving one (from the editor page, the REST API or a template)
 * parses it, applies the rules against the entity's current ROF/MOP and keeps it as a new version
 * when it changed. Maps live here, not in process variables (BPMN diagrams make them large).
 */
@Service
public class ProcessMaps {

  /** A saved (or unchanged, or only checked) version with the rules' findings. */
  public record Saved(int version, boolean changed, int processes, int errors, int warnings, List<MapFinding> findings) {

    /** What the editor and the API read, keyed in Spanish. */
    public Map<String, Object> body() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("version", version);
      body.put("cambio", changed);
      body.put("procesos", processes);
      body.put("errores", errors);
      body.put("advertencias", warnings);
      body.put("hallazgos", findings);
      return body;
    }

    public String summary() {
      return "Versión " + version + ": " + processes + " procesos, " + errors + " errores, " + warnings + " advertencias.";
    }
  }

  private final ProcessMapMapper mapper;
  private final CurrentStructures structures;

  public ProcessMaps(ProcessMapMapper mapper, CurrentStructures structures) {
    this.mapper = mapper;
    this.structures = structures;
  }

  @Transactional
  public Saved save(long caseId, String json, String userId) {
    return save(caseId, ProcessMap.parse(json, "mapa", "Mapa de procesos (JSON)"), userId);
  }

  @Transactional
  public Saved save(long caseId, ProcessMap map, String userId) {
    ProcessMapMapper.Case c = mapper.findCase(caseId);
    List<MapFinding> findings = ProcessMapRules.check(map, units(c.entityRuc));
    int errors = (int) findings.stream().filter(MapFinding::isError).count();
    String canonical = map.toJson();
    ProcessMapMapper.Version latest = mapper.latestVersion(caseId);
    int version = latest == null ? 0 : latest.version();
    boolean changed = latest == null || !latest.content().equals(canonical);
    if (changed) {
      version++;
      mapper.insertVersion(caseId, version, canonical, map.processes().size(), errors, findings.size() - errors, userId);
    }
    return new Saved(version, changed, map.processes().size(), errors, findings.size() - errors, findings);
  }

  /** The rules applied to a map that is not saved (the editor checks as the person edits). */
  public Saved check(long caseId, String json) {
    ProcessMap map = ProcessMap.parse(json, "mapa", "Mapa de procesos (JSON)");
    ProcessMapMapper.Case c = mapper.findCase(caseId);
    ProcessMapMapper.Version latest = mapper.latestVersion(caseId);
    List<MapFinding> findings = ProcessMapRules.check(map, units(c.entityRuc));
    int errors = (int) findings.stream().filter(MapFinding::isError).count();
    return new Saved(latest == null ? 0 : latest.version(), latest == null || !latest.content().equals(map.toJson()),
        map.processes().size(), errors, findings.size() - errors, findings);
  }

  /** A version of the case's map (the latest when {@code version} is null), with the rules applied today. */
  public Checked read(long caseId, Integer version) {
    ProcessMapMapper.Case c = mapper.findCase(caseId);
    ProcessMapMapper.Version v = version == null ? mapper.latestVersion(caseId) : mapper.version(caseId, version);
    if (c == null || v == null) {
      return null;
    }
    ProcessMap map = ProcessMap.parse(v.content(), "mapa", "Mapa de procesos");
    return new Checked(c, v.version(), map, ProcessMapRules.check(map, units(c.entityRuc)));
  }

  /** A map version with today's findings (a unit removed from the ROF since is flagged now). */
  public record Checked(ProcessMapMapper.Case expediente, int version, ProcessMap map, List<MapFinding> findings) {}

  /** The codes and names of the units of the entity's current ROF/MOP; null when it has none. */
  public Map<String, String> units(String entityRuc) {
    return structures.of(entityRuc).map(current -> {
      Map<String, String> units = new LinkedHashMap<>();
      for (OrgUnit u : current.structure().units()) {
        units.put(u.code(), u.name());
      }
      return units;
    }).orElse(null);
  }
}

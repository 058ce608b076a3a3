package pe.gob.pcm.platform.pgo;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expediente's structure versions: saving one (from the editor page, the REST API or a
 * municipal model) parses it, applies the rules and keeps it as a new version when it changed.
 * Structures live here, not in process variables: a ROF easily exceeds the engine's 4,000
 * characters per text variable.
 */
@Service
public class PgoStructures {

  /** A saved (or unchanged) version with the rules' findings. */
  public record Saved(int version, boolean changed, int errors, int warnings, List<Finding> findings, int units,
      String mopAdscription) {}

  private final PgoMapper mapper;
  private final StructureRules rules;

  public PgoStructures(PgoMapper mapper, StructureRules rules) {
    this.mapper = mapper;
    this.rules = rules;
  }

  @Transactional
  public Saved save(long expedienteId, String json, String userId) {
    return save(expedienteId, OrgStructure.parse(json, "estructura", "Estructura (JSON)"), userId);
  }

  /**
   * Saves the units read from a workbook (StructureWorkbook) as the editor's save does. A MOP's
   * content ({@code mop}), which the workbook does not hold, is kept from the latest version.
   */
  @Transactional
  public Saved saveUnits(long expedienteId, OrgStructure units, String userId) {
    PgoMapper.Structure latest = mapper.latestStructure(expedienteId);
    MopContent mop = latest == null ? null : OrgStructure.parse(latest.content(), "estructura", "Estructura").mop();
    return save(expedienteId, new OrgStructure(units.units(), mop), userId);
  }

  private Saved save(long expedienteId, OrgStructure structure, String userId) {
    List<Finding> findings = findings(expedienteId, structure);
    int errors = (int) findings.stream().filter(Finding::isError).count();
    String canonical = structure.toJson();
    PgoMapper.Structure latest = mapper.latestStructure(expedienteId);
    int version = latest == null ? 0 : latest.version();
    boolean changed = latest == null || !latest.content().equals(canonical);
    if (changed) {
      version++;
      mapper.insertStructure(expedienteId, version, canonical, errors, findings.size() - errors, userId);
    }
    return saved(version, changed, findings, structure);
  }

  /**
   * The rules applied to a structure that is not saved (the editor checks as the person edits):
   * {@code version} is the latest saved one (0 if none), {@code changed} whether this one differs.
   */
  public Saved check(long expedienteId, String json) {
    OrgStructure structure = OrgStructure.parse(json, "estructura", "Estructura (JSON)");
    PgoMapper.Structure latest = mapper.latestStructure(expedienteId);
    boolean changed = latest == null || !latest.content().equals(structure.toJson());
    return saved(latest == null ? 0 : latest.version(), changed, findings(expedienteId, structure), structure);
  }

  /** The rules applied to the latest version; null when there is none yet. */
  public Saved latest(long expedienteId) {
    PgoMapper.Structure latest = mapper.latestStructure(expedienteId);
    if (latest == null) {
      return null;
    }
    OrgStructure structure = OrgStructure.parse(latest.content(), "estructura", "Estructura");
    return saved(latest.version(), false, findings(expedienteId, structure), structure);
  }

  private List<Finding> findings(long expedienteId, OrgStructure structure) {
    PgoMapper.Expediente expediente = mapper.expediente(expedienteId);
    return rules.check(structure, expediente.entityCategory, expediente.documentType);
  }

  private static Saved saved(int version, boolean changed, List<Finding> findings, OrgStructure structure) {
    int errors = (int) findings.stream().filter(Finding::isError).count();
    return new Saved(version, changed, errors, findings.size() - errors, findings, structure.units().size(),
        adscription(structure));
  }

  private static String adscription(OrgStructure structure) {
    return structure.mop() == null || structure.mop().adscription() == null ? null : structure.mop().adscription().kind();
  }
}

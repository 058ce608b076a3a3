package pe.gob.pcm.platform.processmap;

import static pe.gob.pcm.platform.processmap.MapFinding.ERROR;
import static pe.gob.pcm.platform.processmap.MapFinding.WARNING;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * The rules of a process map (docs/processes/mapa-procesos.md). The levels and their breakdown follow
 * the SGP's technical norm on management by processes, which is not in the shared facts: the rules
 * and their source are marked «por confirmar» there. The owner unit of every process must be a unit
 * of the entity's current ROF/MOP structure: when that structure changes, the map's references to
 * units that no longer exist are flagged with the same rule.
 */
public final class ProcessMapRules {

  static final String SOURCE = "Norma Técnica de gestión por procesos de la SGP (por confirmar)";
  static final String ROF_SOURCE = "ROF/MOP vigente de la entidad en la plataforma";
  static final int MAX_PROCESSES = 1000;
  static final int NAME_MAX = 250;
  static final int ITEM_MAX = 300;
  static final int MAX_ITEMS = 30;
  static final int BPMN_MAX = 500_000;
  static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,19}");

  private ProcessMapRules() {}

  /**
   * Applies every rule.
   *
   * @param units the codes and names of the units of the entity's current ROF/MOP; null when the
   *     entity has none on the platform (the references cannot be checked: one warning says so)
   */
  public static List<MapFinding> check(ProcessMap map, Map<String, String> units) {
    List<MapFinding> findings = new ArrayList<>();
    List<MapProcess> all = map.processes();
    if (all.isEmpty()) {
      findings.add(new MapFinding(null, "M1", ERROR, "El mapa no tiene procesos.", SOURCE));
      return findings;
    }
    if (all.size() > MAX_PROCESSES) {
      findings.add(new MapFinding(null, "M1", ERROR, "El mapa no debe superar " + MAX_PROCESSES + " procesos.", SOURCE));
      return findings;
    }
    Set<String> types = new HashSet<>();
    map.atLevel(0).forEach(p -> types.add(p.type()));
    for (String type : MapProcess.TYPES) {
      if (!types.contains(type)) {
        findings.add(new MapFinding(null, "M1", ERROR, "El nivel 0 debe tener al menos un proceso del tipo «"
            + MapProcess.typeName(type) + "».", SOURCE));
      }
    }
    if (units == null) {
      findings.add(new MapFinding(null, "M6", WARNING, "La entidad no tiene un ROF/MOP vigente en la plataforma:"
          + " no se puede verificar que las unidades responsables existan.", ROF_SOURCE));
    }
    Map<String, MapProcess> codes = map.byCode();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      MapProcess p = all.get(i);
      String who = p.code() == null || p.code().isBlank() ? null : p.code();
      String label = who == null ? "El proceso " + (i + 1) : "El proceso " + who;
      if (who == null) {
        findings.add(new MapFinding(null, "M2", ERROR, label + " no tiene código.", SOURCE));
      } else if (!CODE.matcher(who).matches()) {
        findings.add(new MapFinding(who, "M2", ERROR, label + ": el código debe tener de 1 a 20 letras mayúsculas,"
            + " dígitos, puntos o guiones.", SOURCE));
      } else if (!seen.add(who)) {
        findings.add(new MapFinding(who, "M2", ERROR, label + ": el código se repite en el mapa.", SOURCE));
      }
      if (p.name() == null || p.name().isBlank()) {
        findings.add(new MapFinding(who, "M3", ERROR, label + " no tiene nombre.", SOURCE));
      } else if (p.name().length() > NAME_MAX) {
        findings.add(new MapFinding(who, "M3", ERROR, label + ": el nombre no debe superar " + NAME_MAX + " caracteres.", SOURCE));
      }
      levels(map, p, who, label, codes, findings);
      owner(p, who, label, units, findings);
      items(p, who, label, findings);
      bpmn(p, who, label, findings);
    }
    return findings;
  }

  private static void levels(ProcessMap map, MapProcess p, String who, String label, Map<String, MapProcess> codes,
      List<MapFinding> findings) {
    Integer level = p.level();
    if (level == null || level < 0 || level > 2) {
      findings.add(new MapFinding(who, "M4", ERROR, label + ": el nivel debe ser 0, 1 o 2.", SOURCE));
      return;
    }
    if (level == 0) {
      if (!MapProcess.TYPES.contains(p.type())) {
        findings.add(new MapFinding(who, "M5", ERROR, label + ": un proceso de nivel 0 debe ser estratégico, misional"
            + " o de apoyo (tipo ESTRATEGICO, MISIONAL o APOYO).", SOURCE));
      }
      if (p.parent() != null && !p.parent().isBlank()) {
        findings.add(new MapFinding(who, "M5", ERROR, label + ": un proceso de nivel 0 no depende de otro proceso.", SOURCE));
      }
      if (who != null && map.children(who).isEmpty()) {
        findings.add(new MapFinding(who, "M9", WARNING, label + " no se desagrega en procesos de nivel 1.", SOURCE));
      }
      return;
    }
    MapProcess parent = p.parent() == null ? null : codes.get(p.parent());
    if (p.parent() == null || p.parent().isBlank()) {
      findings.add(new MapFinding(who, "M5", ERROR, label + ": un proceso de nivel " + level + " debe indicar el"
          + " proceso de nivel " + (level - 1) + " que desagrega.", SOURCE));
    } else if (parent == null) {
      findings.add(new MapFinding(who, "M5", ERROR, label + ": el proceso padre " + p.parent() + " no está en el mapa.",
          SOURCE));
    } else if (parent.level() == null || parent.level() != level - 1) {
      findings.add(new MapFinding(who, "M5", ERROR, label + " es de nivel " + level + ": su proceso padre "
          + p.parent() + " debe ser de nivel " + (level - 1) + ".", SOURCE));
    } else if (p.type() != null && !p.type().isBlank() && !p.type().equals(map.typeOf(parent))) {
      findings.add(new MapFinding(who, "M5", ERROR, label + ": su tipo (" + p.type() + ") no es el de su proceso de"
          + " nivel 0 (" + map.typeOf(parent) + ").", SOURCE));
    }
  }

  private static void owner(MapProcess p, String who, String label, Map<String, String> units, List<MapFinding> findings) {
    if (p.unit() == null || p.unit().isBlank()) {
      findings.add(new MapFinding(who, "M6", ERROR, label + " no tiene unidad responsable (dueño del proceso).", SOURCE));
    } else if (units != null && !units.containsKey(p.unit())) {
      findings.add(new MapFinding(who, "M6", ERROR, label + ": la unidad responsable " + p.unit() + " no existe en la"
          + " estructura vigente del ROF/MOP de la entidad.", ROF_SOURCE));
    }
  }

  private static void items(MapProcess p, String who, String label, List<MapFinding> findings) {
    for (String[] kind : new String[][] {{"entradas", "entrada"}, {"salidas", "salida"}}) {
      List<String> list = kind[0].equals("entradas") ? p.inputs() : p.outputs();
      if (list.size() > MAX_ITEMS) {
        findings.add(new MapFinding(who, "M7", ERROR, label + ": no debe tener más de " + MAX_ITEMS + " " + kind[0] + ".",
            SOURCE));
      }
      for (String item : list) {
        if (item == null || item.isBlank() || item.length() > ITEM_MAX) {
          findings.add(new MapFinding(who, "M7", ERROR, label + ": cada " + kind[1] + " debe tener de 1 a " + ITEM_MAX
              + " caracteres.", SOURCE));
          break;
        }
      }
      if (list.isEmpty() && p.level() != null && p.level() > 0) {
        findings.add(new MapFinding(who, "M7", p.level() == 2 ? ERROR : WARNING, label + " no tiene " + kind[0]
            + (p.level() == 2 ? " (obligatorias en el nivel 2)." : "."), SOURCE));
      }
    }
  }

  private static void bpmn(MapProcess p, String who, String label, List<MapFinding> findings) {
    if (p.bpmn() == null || p.bpmn().isBlank()) {
      return;
    }
    if (p.level() == null || p.level() != 2) {
      findings.add(new MapFinding(who, "M8", ERROR, label + ": solo los procesos de nivel 2 llevan diagrama BPMN.", SOURCE));
      return;
    }
    String problem = bpmnProblem(p.bpmn());
    if (problem != null) {
      findings.add(new MapFinding(who, "M8", ERROR, label + ": el diagrama BPMN " + problem + ".", SOURCE));
    }
  }

  /**
   * Verdicts on diagrams already read, by their SHA-256: the editor checks the whole map as the person
   * edits, and reading a BPMN model costs milliseconds while its text seldom changes between checks.
   */
  private static final int DIAGRAM_CACHE = 5_000;
  private static final java.util.concurrent.ConcurrentHashMap<String, String> DIAGRAMS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final String VALID = "";

  /** Forgets the diagrams read (the benchmark measures a first check with it). */
  public static void forgetDiagrams() {
    DIAGRAMS.clear();
  }

  /** Why a text is not a usable BPMN 2.0 diagram, in Spanish; null when it is one. */
  static String bpmnProblem(String xml) {
    String key = sha256(xml);
    String known = DIAGRAMS.get(key);
    if (known != null) {
      return known.isEmpty() ? null : known;
    }
    String problem = readBpmn(xml);
    if (DIAGRAMS.size() >= DIAGRAM_CACHE) {
      DIAGRAMS.clear();
    }
    DIAGRAMS.put(key, problem == null ? VALID : problem);
    return problem;
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String readBpmn(String xml) {
    if (xml.length() > BPMN_MAX) {
      return "no debe superar " + BPMN_MAX / 1000 + " KB";
    }
    if (xml.contains("<!DOCTYPE") || xml.contains("<!ENTITY")) {
      return "no debe declarar DOCTYPE ni entidades XML";
    }
    try {
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      if (model.getModelElementsByType(Process.class).isEmpty()) {
        return "no contiene ningún proceso";
      }
      if (model.getDefinitions().getBpmDiagrams().isEmpty()) {
        return "no tiene la parte gráfica (BPMNDiagram): dibújelo en el editor o en Camunda Modeler";
      }
      return null;
    } catch (RuntimeException e) {
      return "no es BPMN 2.0 válido";
    }
  }
}

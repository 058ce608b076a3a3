import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pe.gob.pcm.platform.processmap.MapProcess;
import pe.gob.pcm.platform.processmap.ProcessMap;
import pe.gob.pcm.platform.processmap.ProcessMapPicture;
import pe.gob.pcm.platform.processmap.ProcessMapRules;
import pe.gob.pcm.platform.processmap.ProcessMapTemplates;

/**
 * How the cost of a process map grows with its size (bench/mapa/run.sh): the rules (parse of the
 * JSON included, as on every save and every check while editing) and the SVG picture, for maps of
 * 60 to 1,000 processes, a fifth of the level-2 ones with the template's BPMN diagram.
 */
public class MapBench {

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    String bpmn = new ProcessMapTemplates().find("MUNICIPAL").orElseThrow().map().processes().stream()
        .filter(p -> p.bpmn() != null).findFirst().orElseThrow().bpmn();
    System.out.println("procesos\tdiagramas\tbytes_json\tprimera_verificacion_ms\tverificacion_repetida_ms\tus_por_proceso_repetida\tsvg_ms\thallazgos");
    for (int size : new int[] {60, 250, 500, 1000}) {
      Map<String, String> units = new HashMap<>();
      for (int u = 0; u < 80; u++) {
        units.put(String.format("%02d", u), "Unidad " + u);
      }
      ProcessMap map = map(size, bpmn);
      String json = map.toJson();
      long[] first = new long[rounds];
      long[] rules = new long[rounds];
      long[] svg = new long[rounds];
      int findings = 0;
      for (int r = 0; r < rounds + 20; r++) {
        // a first check (diagrams never read) and the same map checked again, as the editor does
        ProcessMapRules.forgetDiagrams();
        long f0 = System.nanoTime();
        ProcessMapRules.check(ProcessMap.parse(json, "mapa", "Mapa"), units);
        long f1 = System.nanoTime();
        long t0 = System.nanoTime();
        ProcessMap parsed = ProcessMap.parse(json, "mapa", "Mapa");
        findings = ProcessMapRules.check(parsed, units).size();
        long t1 = System.nanoTime();
        ProcessMapPicture.svg(parsed, Set.of());
        long t2 = System.nanoTime();
        if (r >= 20) {
          first[r - 20] = f1 - f0;
          rules[r - 20] = t1 - t0;
          svg[r - 20] = t2 - t1;
        }
      }
      java.util.Arrays.sort(first);
      java.util.Arrays.sort(rules);
      java.util.Arrays.sort(svg);
      double rulesMs = rules[rounds / 2] / 1e6;
      long diagrams = map.processes().stream().filter(p -> p.bpmn() != null).count();
      System.out.printf("%d\t%d\t%d\t%.1f\t%.2f\t%.1f\t%.2f\t%d%n", map.processes().size(), diagrams, json.length(),
          first[rounds / 2] / 1e6, rulesMs, rulesMs * 1000 / map.processes().size(), svg[rounds / 2] / 1e6, findings);
    }
  }

  /** 3 level-0 processes per kind, level 1 under them, level 2 under those; every fifth level-2 drawn. */
  static ProcessMap map(int size, String bpmn) {
    List<MapProcess> all = new ArrayList<>();
    String[] types = {"ESTRATEGICO", "MISIONAL", "APOYO"};
    for (int t = 0; t < 3; t++) {
      for (int z = 1; z <= 3; z++) {
        all.add(new MapProcess("P" + t + z, "Proceso " + t + z, 0, types[t], null, String.format("%02d", (t * 3 + z) % 80),
            List.of("Entrada"), List.of("Salida"), null));
      }
    }
    int n = 0;
    while (all.size() < size) {
      String zero = "P" + (n % 3) + (1 + (n / 3) % 3);
      String one = zero + "." + n;
      all.add(new MapProcess(one, "Subproceso " + n, 1, null, zero, String.format("%02d", n % 80), List.of("Entrada"),
          List.of("Salida"), null));
      for (int k = 0; k < 4 && all.size() < size; k++) {
        all.add(new MapProcess(one + "." + k, "Actividad " + n + "." + k, 2, null, one, String.format("%02d", (n + k) % 80),
            List.of("Solicitud"), List.of("Resultado"), k == 0 ? bpmn.replace("Verificar requisitos", "Verificar " + n) : null));
      }
      n++;
    }
    return new ProcessMap(all);
  }
}

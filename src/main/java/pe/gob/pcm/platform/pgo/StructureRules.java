package pe.gob.pcm.platform.pgo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a proposed structure unit by unit. The integrity checks (codes, parents, levels,
 * kinds) always apply; the organisational rules are configuration ({@code platform.pgo.rules})
 * and carry their legal source.
 */
@Component
public class StructureRules {

  static final String FORMAT_SOURCE = "Formato de estructura de la plataforma (docs/processes/pgo.md)";

  private final PgoProperties.Rules rules;

  public StructureRules(PgoProperties properties) {
    this.rules = properties.rules();
  }

  public List<Finding> check(OrgStructure structure, int entityCategory) {
    List<Finding> findings = new ArrayList<>();
    integrity(structure, findings);
    Map<String, OrgUnit> byCode = structure.byCode();

    PgoProperties.MaxLevels maxLevels = rules.maxLevels();
    if (maxLevels.enabled()) {
      int max = maxLevels.byCategory().getOrDefault(entityCategory, maxLevels.byDefault());
      for (OrgUnit unit : structure.unidades()) {
        if (unit.nivel() != null && unit.nivel() > max) {
          findings.add(new Finding(unit.label(), "NIVELES", Finding.ERROR, "está en el nivel " + unit.nivel()
              + "; para este tipo de entidad se permiten hasta " + max + " niveles", maxLevels.source()));
        }
      }
    }
    if (rules.singleUnidadOrganica().enabled()) {
      for (OrgUnit unit : structure.unidades()) {
        List<OrgUnit> organicas = structure.children(unit.codigo()).stream()
            .filter(c -> "UNIDAD_ORGANICA".equals(c.clase())).toList();
        if (unit.isOrgano() && organicas.size() == 1) {
          findings.add(new Finding(unit.label(), "UNIDAD_ORGANICA_UNICA", Finding.ERROR,
              "es un órgano con una sola unidad orgánica (" + organicas.get(0).nombre()
                  + "): las funciones deben quedar en el órgano o repartirse en al menos dos unidades",
              rules.singleUnidadOrganica().source()));
        }
      }
    }
    if (rules.functionsRequired().enabled()) {
      for (OrgUnit unit : structure.unidades()) {
        if (unit.funciones().stream().noneMatch(f -> f != null && !f.isBlank())) {
          findings.add(new Finding(unit.label(), "FUNCIONES", Finding.ERROR, "no tiene funciones",
              rules.functionsRequired().source()));
        }
      }
    }
    if (rules.uniqueNames().enabled()) {
      Map<String, OrgUnit> seen = new HashMap<>();
      for (OrgUnit unit : structure.unidades()) {
        if (unit.nombre() == null) {
          continue;
        }
        String key = normalize(unit.nombre());
        OrgUnit first = seen.putIfAbsent(key, unit);
        if (first != null) {
          findings.add(new Finding(unit.label(), "NOMBRE_DUPLICADO", Finding.ERROR,
              "tiene el mismo nombre que " + first.label(), rules.uniqueNames().source()));
        }
      }
    }
    PgoProperties.Naming naming = rules.naming();
    if (naming.enabled()) {
      for (OrgUnit unit : structure.unidades()) {
        String pattern = unit.tipo() == null ? null
            : naming.patterns().get(unit.clase() + "." + unit.tipo());
        if (pattern != null && unit.nombre() != null
            && !Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(unit.nombre()).find()) {
          findings.add(new Finding(unit.label(), "DENOMINACION", Finding.WARNING,
              "la denominación no sigue el patrón para " + describe(unit) + " (" + pattern + ")", naming.source()));
        }
      }
    }
    // Each unit at most once per rule; units in the order given.
    List<String> order = structure.unidades().stream().map(OrgUnit::label).toList();
    findings.sort((a, b) -> Integer.compare(position(order, a.unidad()), position(order, b.unidad())));
    return findings;
  }

  private static int position(List<String> order, String unit) {
    int i = unit == null ? -1 : order.indexOf(unit);
    return i;
  }

  private static void integrity(OrgStructure structure, List<Finding> findings) {
    Set<String> codes = new HashSet<>();
    Map<String, OrgUnit> byCode = structure.byCode();
    for (OrgUnit unit : structure.unidades()) {
      String label = unit.codigo() == null ? "(sin código) " + unit.nombre() : unit.label();
      if (unit.codigo() == null || unit.codigo().isBlank() || unit.codigo().length() > 20) {
        findings.add(integrityError(label, "debe tener un código de hasta 20 caracteres"));
      } else if (!codes.add(unit.codigo())) {
        findings.add(integrityError(label, "repite el código " + unit.codigo()));
      }
      if (unit.nombre() == null || unit.nombre().isBlank() || unit.nombre().length() > 200) {
        findings.add(integrityError(label, "debe tener un nombre de hasta 200 caracteres"));
      }
      if (!OrgUnit.CLASES.contains(unit.clase())) {
        findings.add(integrityError(label, "la clase debe ser ORGANO o UNIDAD_ORGANICA"));
      }
      if (!OrgUnit.TIPOS.contains(unit.tipo())) {
        findings.add(integrityError(label, "el tipo debe ser uno de " + String.join(", ", OrgUnit.TIPOS)));
      }
      if (unit.nivel() == null || unit.nivel() < 1) {
        findings.add(integrityError(label, "el nivel debe ser 1 o mayor"));
      }
      boolean root = unit.padre() == null || unit.padre().isBlank();
      OrgUnit parent = root ? null : byCode.get(unit.padre());
      if (!root && parent == null) {
        findings.add(integrityError(label, "depende de " + unit.padre() + ", que no existe"));
      } else if (!root && unit.padre().equals(unit.codigo())) {
        findings.add(integrityError(label, "no puede depender de sí misma"));
      } else if (parent != null && parent.nivel() != null && unit.nivel() != null
          && unit.nivel() != parent.nivel() + 1) {
        findings.add(integrityError(label, "está en el nivel " + unit.nivel() + " pero depende de "
            + parent.label() + ", de nivel " + parent.nivel() + " (debería ser " + (parent.nivel() + 1) + ")"));
      }
      if (root && unit.nivel() != null && unit.nivel() != 1) {
        findings.add(integrityError(label, "no depende de ninguna unidad, así que debe ser de nivel 1"));
      }
      if ("UNIDAD_ORGANICA".equals(unit.clase()) && root) {
        findings.add(integrityError(label, "una unidad orgánica debe depender de un órgano"));
      }
    }
    if (structure.roots().isEmpty() && !structure.unidades().isEmpty()) {
      findings.add(integrityError(null, "ninguna unidad es de primer nivel (sin «padre»): hay un ciclo"));
    }
  }

  private static Finding integrityError(String unit, String message) {
    return new Finding(unit, "ESTRUCTURA", Finding.ERROR, message, FORMAT_SOURCE);
  }

  private static String describe(OrgUnit unit) {
    return ("ORGANO".equals(unit.clase()) ? "órgano" : "unidad orgánica") + " de tipo "
        + unit.tipo().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static String normalize(String name) {
    return java.text.Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").replaceAll("\\s+", " ");
  }
}

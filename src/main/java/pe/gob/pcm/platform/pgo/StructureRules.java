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
  private final PgoProperties.Mop mop;

  public StructureRules(PgoProperties properties) {
    this.rules = properties.rules();
    this.mop = properties.mop();
  }

  /** A ROF's structure. */
  public List<Finding> check(OrgStructure structure, int entityCategory) {
    return check(structure, entityCategory, "ROF");
  }

  /** A ROF's or a MOP's ({@code documentType}) structure; a MOP also has its content checked. */
  public List<Finding> check(OrgStructure structure, int entityCategory, String documentType) {
    boolean isMop = "MOP".equals(documentType);
    List<Finding> findings = new ArrayList<>();
    integrity(structure, findings, isMop);
    if (isMop) {
      mopContent(structure.mop(), findings);
    }
    Map<String, OrgUnit> byCode = structure.byCode();

    PgoProperties.MaxLevels maxLevels = rules.maxLevels();
    if (maxLevels.enabled()) {
      int max = maxLevels.byCategory().getOrDefault(entityCategory, maxLevels.byDefault());
      for (OrgUnit unit : structure.units()) {
        if (unit.level() != null && unit.level() > max) {
          findings.add(new Finding(unit.label(), "NIVELES", Finding.ERROR, "está en el nivel " + unit.level()
              + "; para este tipo de entidad se permiten hasta " + max + " niveles", maxLevels.source()));
        }
      }
    }
    if (rules.singleUnidadOrganica().enabled()) {
      for (OrgUnit unit : structure.units()) {
        List<OrgUnit> organicUnits = structure.children(unit.code()).stream()
            .filter(c -> "UNIDAD_ORGANICA".equals(c.kind())).toList();
        if (unit.isOrgano() && organicUnits.size() == 1) {
          findings.add(new Finding(unit.label(), "UNIDAD_ORGANICA_UNICA", Finding.ERROR,
              "es un órgano con una sola unidad orgánica (" + organicUnits.get(0).name()
                  + "): las funciones deben quedar en el órgano o repartirse en al menos dos unidades",
              rules.singleUnidadOrganica().source()));
        }
      }
    }
    if (rules.functionsRequired().enabled()) {
      for (OrgUnit unit : structure.units()) {
        if (unit.functions().stream().noneMatch(f -> f != null && !f.isBlank())) {
          findings.add(new Finding(unit.label(), "FUNCIONES", Finding.ERROR, "no tiene funciones",
              rules.functionsRequired().source()));
        }
      }
    }
    if (rules.uniqueNames().enabled()) {
      Map<String, OrgUnit> seen = new HashMap<>();
      for (OrgUnit unit : structure.units()) {
        if (unit.name() == null) {
          continue;
        }
        String key = normalize(unit.name());
        OrgUnit first = seen.putIfAbsent(key, unit);
        if (first != null) {
          findings.add(new Finding(unit.label(), "NOMBRE_DUPLICADO", Finding.ERROR,
              "tiene el mismo nombre que " + first.label(), rules.uniqueNames().source()));
        }
      }
    }
    PgoProperties.Naming naming = rules.naming();
    if (naming.enabled()) {
      for (OrgUnit unit : structure.units()) {
        String pattern = unit.type() == null ? null
            : naming.patterns().get(unit.kind() + "." + unit.type());
        if (pattern != null && unit.name() != null
            && !Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(unit.name()).find()) {
          findings.add(new Finding(unit.label(), "DENOMINACION", Finding.WARNING,
              "la denominación no sigue el patrón para " + describe(unit) + " (" + pattern + ")", naming.source()));
        }
      }
    }
    // Each unit at most once per rule; units in the order given.
    List<String> order = structure.units().stream().map(OrgUnit::label).toList();
    findings.sort((a, b) -> Integer.compare(position(order, a.unit()), position(order, b.unit())));
    return findings;
  }

  private static int position(List<String> order, String unit) {
    int i = unit == null ? -1 : order.indexOf(unit);
    return i;
  }

  /** The MOP's own content: the programa or proyecto, its adscription, and each required article. */
  private void mopContent(MopContent content, List<Finding> findings) {
    if (content == null) {
      findings.add(new Finding(null, "MOP_DATOS", Finding.ERROR, "falta «mop»: el programa o proyecto, su adscripción"
          + " y sus artículos", mop.contentSource()));
      return;
    }
    if (!MopContent.KINDS.contains(content.kind())) {
      findings.add(new Finding(null, "MOP_DATOS", Finding.ERROR, "«mop.tipo» debe ser PROGRAMA o PROYECTO_ESPECIAL",
          mop.contentSource()));
    }
    if (blank(content.name())) {
      findings.add(new Finding(null, "MOP_DATOS", Finding.ERROR, "falta el nombre del programa o proyecto (mop.nombre)",
          mop.contentSource()));
    }
    if (content.adscription() == null || !MopContent.ADSCRIPTIONS.contains(content.adscription().kind())
        || blank(content.adscription().entity())) {
      findings.add(new Finding(null, "MOP_ADSCRIPCION", Finding.ERROR, "indique la adscripción: tipo (MINISTERIO u"
          + " ORGANISMO_PUBLICO) y entidad a la que está adscrito (mop.adscripcion)", mop.contentSource()));
    }
    for (Map.Entry<String, String> required : mop.requiredArticles().entrySet()) {
      boolean present = content.articles().stream()
          .anyMatch(a -> required.getKey().equals(a.code()) && !blank(a.text()));
      if (!present) {
        findings.add(new Finding(null, "MOP_ARTICULOS", Finding.ERROR, "falta el artículo «" + required.getValue()
            + "» (código " + required.getKey() + ") con su texto", mop.articlesSource()));
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static void integrity(OrgStructure structure, List<Finding> findings, boolean isMop) {
    if (!isMop && structure.mop() != null) {
      findings.add(integrityError(null, "solo un MOP lleva «mop»: quítelo de la estructura del ROF"));
    }
    Set<String> codes = new HashSet<>();
    Map<String, OrgUnit> byCode = structure.byCode();
    for (OrgUnit unit : structure.units()) {
      String label = unit.code() == null ? "(sin código) " + unit.name() : unit.label();
      if (unit.code() == null || unit.code().isBlank() || unit.code().length() > 20) {
        findings.add(integrityError(label, "debe tener un código de hasta 20 caracteres"));
      } else if (!codes.add(unit.code())) {
        findings.add(integrityError(label, "repite el código " + unit.code()));
      }
      if (unit.name() == null || unit.name().isBlank() || unit.name().length() > 200) {
        findings.add(integrityError(label, "debe tener un nombre de hasta 200 caracteres"));
      }
      if (isMop && !OrgUnit.FUNCTIONAL_UNIT.equals(unit.kind())) {
        findings.add(integrityError(label, "en un MOP la clase es UNIDAD_FUNCIONAL (estructura funcional)"));
      } else if (!isMop && !OrgUnit.KINDS.contains(unit.kind())) {
        findings.add(integrityError(label, "la clase debe ser ORGANO o UNIDAD_ORGANICA"));
      }
      if (!OrgUnit.TYPES.contains(unit.type())) {
        findings.add(integrityError(label, "el tipo debe ser uno de " + String.join(", ", OrgUnit.TYPES)));
      }
      if (unit.level() == null || unit.level() < 1) {
        findings.add(integrityError(label, "el nivel debe ser 1 o mayor"));
      }
      boolean root = unit.parent() == null || unit.parent().isBlank();
      OrgUnit parent = root ? null : byCode.get(unit.parent());
      if (!root && parent == null) {
        findings.add(integrityError(label, "depende de " + unit.parent() + ", que no existe"));
      } else if (!root && unit.parent().equals(unit.code())) {
        findings.add(integrityError(label, "no puede depender de sí misma"));
      } else if (parent != null && parent.level() != null && unit.level() != null
          && unit.level() != parent.level() + 1) {
        findings.add(integrityError(label, "está en el nivel " + unit.level() + " pero depende de "
            + parent.label() + ", de nivel " + parent.level() + " (debería ser " + (parent.level() + 1) + ")"));
      }
      if (root && unit.level() != null && unit.level() != 1) {
        findings.add(integrityError(label, "no depende de ninguna unidad, así que debe ser de nivel 1"));
      }
      if ("UNIDAD_ORGANICA".equals(unit.kind()) && root) {
        findings.add(integrityError(label, "una unidad orgánica debe depender de un órgano"));
      }
    }
    if (structure.roots().isEmpty() && !structure.units().isEmpty()) {
      findings.add(integrityError(null, "ninguna unidad es de primer nivel (sin «padre»): hay un ciclo"));
    }
  }

  private static Finding integrityError(String unit, String message) {
    return new Finding(unit, "ESTRUCTURA", Finding.ERROR, message, FORMAT_SOURCE);
  }

  private static String describe(OrgUnit unit) {
    return ("ORGANO".equals(unit.kind()) ? "órgano" : OrgUnit.FUNCTIONAL_UNIT.equals(unit.kind()) ? "unidad funcional"
        : "unidad orgánica") + " de tipo "
        + unit.type().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static String normalize(String name) {
    return java.text.Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").replaceAll("\\s+", " ");
  }
}

package pe.gob.pcm.platform.pgo;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.pgo.*}: the ROF/MOP cycle's deadlines and the structure rules, each with the
 * legal source it comes from (shown to users beside every finding). Numbers that public sources
 * did not confirm are here, not in code; docs/processes/pgo.md lists them.
 *
 * @param correctionWorkingDays working days the entity has to correct an observed proposal
 * @param alertWorkingDaysBefore working days before the SGP deadline at which the supervisor is alerted
 * @param observationCategories the categories an SGP observation can have, code → Spanish name
 *     (not in the shared facts: configuration, "por confirmar" in docs/processes/pgo.md)
 * @param sgp who signs the informe técnico and the oficio: the key is the SGP's (its RUC is the alias)
 */
@ConfigurationProperties(prefix = "platform.pgo")
public record PgoProperties(
    @DefaultValue("10") int correctionWorkingDays,
    @DefaultValue("2") int alertWorkingDaysBefore,
    @DefaultValue Rules rules,
    @DefaultValue Map<String, String> observationCategories,
    @DefaultValue Sgp sgp,
    @DefaultValue Mop mop) {

  /** Used when {@code observation-categories} is not configured. */
  static final Map<String, String> DEFAULT_CATEGORIES = defaults();

  public PgoProperties {
    if (correctionWorkingDays < 1 || alertWorkingDaysBefore < 0) {
      throw new IllegalArgumentException("platform.pgo: plazos no válidos");
    }
    observationCategories = observationCategories == null || observationCategories.isEmpty()
        ? DEFAULT_CATEGORIES : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(observationCategories));
  }

  private static Map<String, String> defaults() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("ESTRUCTURA", "Estructura orgánica y dependencias");
    m.put("FUNCIONES", "Funciones");
    m.put("DENOMINACION", "Denominación");
    m.put("NIVELES", "Niveles organizacionales");
    m.put("SUSTENTO", "Sustento (informe técnico)");
    m.put("LEGAL", "Base legal y forma");
    m.put("PRESUPUESTO", "Presupuesto");
    m.put("OTRA", "Otra");
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The MOP's own rules: the articles every MOP must contain (code → title) and the sources shown
   * beside each finding. The list is not in the shared facts: configuration, "por confirmar".
   */
  public record Mop(@DefaultValue Map<String, String> requiredArticles,
      @DefaultValue("Lineamientos N.° 02-2020-SGP (contenido del Manual de Operaciones): lista de artículos por confirmar")
      String articlesSource,
      @DefaultValue("Lineamientos de Organización del Estado (D.S. 054-2018-PCM): el MOP organiza programas y proyectos especiales en una estructura funcional")
      String contentSource) {

    public Mop {
      if (requiredArticles == null || requiredArticles.isEmpty()) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("NATURALEZA", "Naturaleza y adscripción");
        m.put("OBJETIVO", "Objetivo y ámbito de intervención");
        m.put("FUNCIONES_GENERALES", "Funciones generales");
        m.put("ESTRUCTURA_FUNCIONAL", "Estructura funcional");
        m.put("FUNCIONES_UNIDADES", "Funciones de las unidades");
        requiredArticles = java.util.Collections.unmodifiableMap(m);
      }
    }
  }

  /**
   * @param keyAlias the alias of the SGP's own signing key, in the signer's key store: not the PCM's RUC,
   *     whose key signs the PCM's Mesa de Partes cargos
   * @param name who signs, as printed on the informe técnico and the oficio
   * @param office the oficio's sender line
   */
  public record Sgp(@DefaultValue("sgp-pcm") String keyAlias,
      @DefaultValue("Secretaría de Gestión Pública") String name,
      @DefaultValue("Presidencia del Consejo de Ministros - Secretaría de Gestión Pública") String office) {}

  public record Rules(
      @DefaultValue MaxLevels maxLevels,
      @DefaultValue Toggle singleUnidadOrganica,
      @DefaultValue Toggle functionsRequired,
      @DefaultValue Toggle uniqueNames,
      @DefaultValue Naming naming) {}

  /** Deepest organisational level allowed, by PIDE category (1–8) of the entity. */
  public record MaxLevels(@DefaultValue("true") boolean enabled, @DefaultValue("4") int byDefault,
      @DefaultValue Map<Integer, Integer> byCategory, @DefaultValue("") String source) {}

  public record Toggle(@DefaultValue("true") boolean enabled, @DefaultValue("") String source) {}

  /** A regular expression the unit's name must match, by unit type. */
  public record Naming(@DefaultValue("true") boolean enabled, @DefaultValue Map<String, String> patterns,
      @DefaultValue("") String source) {}
}

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
 */
@ConfigurationProperties(prefix = "platform.pgo")
public record PgoProperties(
    @DefaultValue("10") int correctionWorkingDays,
    @DefaultValue("2") int alertWorkingDaysBefore,
    @DefaultValue Rules rules) {

  public PgoProperties {
    if (correctionWorkingDays < 1 || alertWorkingDaysBefore < 0) {
      throw new IllegalArgumentException("platform.pgo: plazos no válidos");
    }
  }

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

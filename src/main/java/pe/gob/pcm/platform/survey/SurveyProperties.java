package pe.gob.pcm.platform.survey;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The satisfaction survey (docs/encuesta.md): which procedures offer it to their requester when
 * they end, how long the survey task stays open, and the window of the Prometheus gauges.
 */
@ConfigurationProperties("platform.survey")
public record SurveyProperties(Boolean enabled, List<String> procedures, Duration expiresAfter,
    Integer gaugeWindowDays) {

  public SurveyProperties {
    enabled = enabled == null || enabled;
    procedures = procedures == null
        ? List.of("colabora-usuario-maestro", "mpv-pase-produccion", "pgo-rof-mop", "tramite-despacho")
        : List.copyOf(procedures);
    expiresAfter = expiresAfter == null ? Duration.ofDays(15) : expiresAfter;
    gaugeWindowDays = gaugeWindowDays == null ? 90 : gaugeWindowDays;
  }
}

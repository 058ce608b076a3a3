package pe.gob.pcm.platform.metrics;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read the process figures and which timers mean a missed deadline (prefix
 * {@code platform.metrics}; see docs/metricas.md).
 *
 * @param readerGroups groups whose members read /api/metricas and /actuator/prometheus (besides
 *     camunda-admin, always allowed)
 * @param slaEvents per process key, the ids of the boundary timers that fire when a deadline the
 *     process tracks is missed: each firing counts as one SLA breach
 */
@ConfigurationProperties(prefix = "platform.metrics")
public record MetricsProperties(
    @DefaultValue("gerencia") List<String> readerGroups,
    @DefaultValue Map<String, List<String>> slaEvents) {

  public boolean isSlaEvent(String processKey, String activityId) {
    List<String> ids = slaEvents.get(processKey);
    return ids != null && ids.contains(activityId);
  }
}

package pe.gob.pcm.platform.config;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * History time-to-live per process or decision key, in days, from configuration
 * ({@code platform.history.time-to-live.<key>}), over the value in the model
 * ({@code camunda:historyTimeToLive}). Applied at every start, after deployment, to every
 * version of that key. Removal times are set when an instance ends, so a new value governs the
 * instances that end from then on.
 */
@Component
@Order(11)
public class HistoryTimeToLive implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryTimeToLive.class);

  @ConfigurationProperties(prefix = "platform.history")
  public record HistoryProperties(@DefaultValue Map<String, Integer> timeToLive) {}

  private final RepositoryService repository;
  private final HistoryProperties properties;

  public HistoryTimeToLive(RepositoryService repository, HistoryProperties properties) {
    this.repository = repository;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    properties.timeToLive().forEach((key, days) -> {
      if (days == null || days < 0) {
        throw new IllegalStateException("platform.history.time-to-live." + key
            + ": debe ser un número de días (0 o más)");
      }
      int updated = 0;
      for (ProcessDefinition d : repository.createProcessDefinitionQuery().processDefinitionKey(key).list()) {
        if (!days.equals(d.getHistoryTimeToLive())) {
          repository.updateProcessDefinitionHistoryTimeToLive(d.getId(), days);
          updated++;
        }
      }
      for (DecisionDefinition d : repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).list()) {
        if (!days.equals(d.getHistoryTimeToLive())) {
          repository.updateDecisionDefinitionHistoryTimeToLive(d.getId(), days);
          updated++;
        }
      }
      if (updated > 0) {
        LOG.info("Historial de {}: {} días (platform.history.time-to-live), {} versiones actualizadas",
            key, days, updated);
      }
    });
  }
}

package pe.gob.pcm.platform.metrics;

import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.security.PlatformUser;

/**
 * Who may read the figures: administrators (camunda-admin) and the members of the configured
 * reader groups (platform.metrics.reader-groups; managers, {@code gerencia}, by default). They
 * read every entity's figures: the managers are the PCM's, who oversee all hosted entities.
 */
@Component
public class MetricsAccess {

  private final MetricsProperties properties;

  public MetricsAccess(MetricsProperties properties) {
    this.properties = properties;
  }

  public boolean mayRead(PlatformUser user) {
    return user.isAdmin() || user.groupIds().stream().anyMatch(properties.readerGroups()::contains);
  }
}

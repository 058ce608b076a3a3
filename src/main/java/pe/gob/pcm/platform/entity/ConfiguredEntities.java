package pe.gob.pcm.platform.entity;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Registers the entities of {@code platform.hosted-entities} at every start (safe to repeat),
 * after the access policy has made the role groups their tenants are shared with.
 */
@Component
@Order(25)
class ConfiguredEntities implements ApplicationRunner {

  private final HostedEntities entities;
  private final EntityProperties properties;

  ConfiguredEntities(HostedEntities entities, EntityProperties properties) {
    this.entities = entities;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (EntityProperties.HostedEntity entity : properties.hostedEntities()) {
      entities.register(new HostedEntities.EntityDetails(entity.ruc(), entity.name(), entity.category(),
          entity.sector(), null), "configuracion");
    }
  }
}

package pe.gob.pcm.platform.entity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.hosted-entities}: an optional seed of entities registered at every start
 * (docs/configuration.md); entities otherwise join through Colabora (docs/incorporacion.md).
 */
@ConfigurationProperties(prefix = "platform")
public record EntityProperties(@DefaultValue List<HostedEntity> hostedEntities) {

  /**
   * An entity whose procedures run on this platform; it becomes a Camunda tenant. The demo
   * profile names its users after {@code demoUserPrefix} (e.g. {@code muni.ti}); {@code category}
   * is the PIDE category (1 to 8) and {@code sector} free text, both optional.
   */
  public record HostedEntity(String ruc, String name, String demoUserPrefix, Integer category, String sector) {}
}

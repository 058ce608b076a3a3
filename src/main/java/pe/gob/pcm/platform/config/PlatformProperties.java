package pe.gob.pcm.platform.config;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The platform's own settings (prefix {@code platform}); see docs/configuration.md. */
@ConfigurationProperties(prefix = "platform")
public record PlatformProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue List<HostedEntity> hostedEntities,
    @DefaultValue Documents documents,
    @DefaultValue Signature signature) {

  /**
   * An entity whose procedures run on this platform; it becomes a Camunda tenant. The demo
   * profile names its users after {@code demoUserPrefix} (e.g. {@code muni.ti}).
   */
  public record HostedEntity(String ruc, String name, String demoUserPrefix) {}

  public record Documents(@DefaultValue("20MB") DataSize maxSize) {}

  public record Signature(String trustStore, String trustStorePassword) {}
}

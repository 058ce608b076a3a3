package pe.gob.pcm.platform.pide;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The address other entities reach this platform at ({@code platform.public-url}, e.g.
 * {@code https://sgd.entidad.gob.pe}); used in the annex URLs sent with documents. Empty = this
 * server as seen locally (demo).
 */
@Component
public class PublicUrl {

  private final String configured;
  private final ServerAddress server;

  public PublicUrl(@Value("${platform.public-url:}") String configured, ServerAddress server) {
    this.configured = configured;
    this.server = server;
  }

  public String base() {
    return StringUtils.hasText(configured) ? configured.replaceAll("/+$", "") : server.base();
  }
}

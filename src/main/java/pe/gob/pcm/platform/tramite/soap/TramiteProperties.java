package pe.gob.pcm.platform.tramite.soap;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.tramite.allowed-callers}: who may call wsiotramite (caller IP addresses; empty
 * = anyone, as in the demo; in production, the PIDE's addresses). The document types the MGD
 * knows are {@code platform.tramite.document-types} (mgd.MgdProperties).
 */
@ConfigurationProperties(prefix = "platform.tramite")
public record TramiteProperties(@DefaultValue List<String> allowedCallers) {

  public TramiteProperties {
    allowedCallers = List.copyOf(allowedCallers);
  }
}

package pe.gob.pcm.platform.tramite.soap;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.tramite.allowed-callers}: who may call wsiotramite (caller IP addresses; empty
 * = anyone, as in the demo; in production, the PIDE's addresses). {@code platform.tramite.mutual-tls}:
 * wsiotramite served on its own TLS port that requires a client certificate issued by the PIDE's
 * CA (docs/deployment.md). The document types the MGD knows are
 * {@code platform.tramite.document-types} (mgd.MgdProperties).
 */
@ConfigurationProperties(prefix = "platform.tramite")
public record TramiteProperties(@DefaultValue List<String> allowedCallers, @DefaultValue MutualTls mutualTls) {

  public TramiteProperties {
    allowedCallers = List.copyOf(allowedCallers);
  }

  /**
   * The mutual-TLS connector: on, wsiotramite answers only there, to a caller whose certificate
   * the trust store's CA (the PIDE's) issued; the main port keeps serving people.
   *
   * @param port the connector's port (0 = any free one, for tests)
   * @param keyStore PKCS#12 with this server's certificate and key
   * @param trustStore PKCS#12 with the PIDE's CA certificate
   */
  public record MutualTls(@DefaultValue("false") boolean enabled, @DefaultValue("8443") int port,
      String keyStore, String keyStorePassword, String trustStore, String trustStorePassword) {}
}

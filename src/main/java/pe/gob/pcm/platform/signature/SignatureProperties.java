package pe.gob.pcm.platform.signature;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.signature.*} (docs/configuration.md, docs/firmas.md).
 *
 * @param trustStore PKCS#12 with the trusted root certificates (Peru's IOFE roots in production)
 * @param trustStorePassword its password
 * @param tsaUrl the RFC 3161 time-stamping authority of the platform's own signatures; blank in
 *     the demo: the demo's local TSA (in-process); blank outside the demo: signatures without
 *     timestamp (B-B), with a warning at startup
 * @param networkTimeout how long to wait for a CRL, OCSP or TSA answer (default 5 s)
 * @param demoPkiUrl the base URL the demo CA's certificates name for their CRL and OCSP (the demo
 *     answers them in-process, whatever the URL; default http://localhost:8080)
 */
@ConfigurationProperties(prefix = "platform.signature")
public record SignatureProperties(String trustStore, String trustStorePassword, String tsaUrl,
    Duration networkTimeout, String demoPkiUrl) {

  public Duration timeout() {
    return networkTimeout == null || networkTimeout.isNegative() || networkTimeout.isZero()
        ? SignatureTrust.DEFAULT_TIMEOUT : networkTimeout;
  }
}

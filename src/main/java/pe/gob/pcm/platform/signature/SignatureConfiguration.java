package pe.gob.pcm.platform.signature;

import eu.europa.esig.dss.service.http.commons.TimestampDataLoader;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The signature verifier and signer trust the certificates of the configured trust store (in
 * production, the root certificates of the accredited certification authorities, IOFE) and, in
 * the demo profile only, the demo CA. With no trust anchor at all the platform would refuse every
 * signed format, so it refuses to start instead.
 *
 * <p>The platform's own signatures are timestamped by {@code platform.signature.tsa-url}, or in
 * the demo by the demo's local TSA; the DSS trust (trusted certificates, CRL/OCSP sources) is
 * built once and shared.
 */
@Configuration
public class SignatureConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SignatureConfiguration.class);

  @Bean
  SignatureTrust signatureTrust(SignatureProperties signature, ObjectProvider<DemoPki> demoPki)
      throws GeneralSecurityException, IOException {
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    if (signature != null && StringUtils.hasText(signature.trustStore())) {
      Path path = Path.of(signature.trustStore());
      if (!Files.isReadable(path)) {
        throw new IllegalStateException("No se puede leer el almacén de confianza "
            + path.toAbsolutePath() + " (platform.signature.trust-store)");
      }
      String password = signature.trustStorePassword() == null ? "" : signature.trustStorePassword();
      KeyStore configured = CertificateAuthority.loadKeyStore(path, password.toCharArray());
      for (String alias : Collections.list(configured.aliases())) {
        Certificate certificate = configured.getCertificate(alias);
        if (certificate != null) {
          anchors.setCertificateEntry("conf-" + alias, certificate);
        }
      }
    }
    DemoPki demo = demoPki.getIfAvailable();
    if (demo != null) {
      anchors.setCertificateEntry("demo-ca", demo.caCertificate());
    }
    if (anchors.size() == 0) {
      throw new IllegalStateException("No hay certificados de confianza para verificar firmas"
          + " digitales: configure platform.signature.trust-store (PLATFORM_SIGNATURE_TRUST_STORE).");
    }
    SignatureTrust trust = new SignatureTrust(anchors, timeout(signature));
    if (demo != null) {
      demo.serveRevocation(trust);
    }
    return trust;
  }

  @Bean
  PdfSignatureVerifier pdfSignatureVerifier(SignatureTrust trust) {
    return new PdfSignatureVerifier(trust);
  }

  @Bean
  PdfSigner pdfSigner(SignatureProperties signature, SignatureTrust trust, ObjectProvider<DemoPki> demoPki) {
    TSPSource tsp;
    if (signature != null && StringUtils.hasText(signature.tsaUrl())) {
      TimestampDataLoader loader = new TimestampDataLoader();
      int millis = (int) timeout(signature).toMillis();
      loader.setTimeoutConnection(millis);
      loader.setTimeoutConnectionRequest(millis);
      loader.setTimeoutResponse(millis);
      loader.setTimeoutSocket(millis);
      tsp = new OnlineTSPSource(signature.tsaUrl().strip(), loader);
    } else if (demoPki.getIfAvailable() != null) {
      tsp = demoPki.getIfAvailable().timestampAuthority();
    } else {
      tsp = null;
      log.warn("Sin autoridad de sellado de tiempo (platform.signature.tsa-url): las firmas de la plataforma"
          + " (cargos, informes) serán PAdES-BASELINE-B, sin sello de tiempo. Configure una TSA acreditada.");
    }
    return new PdfSigner(tsp, trust);
  }

  private static Duration timeout(SignatureProperties signature) {
    return signature == null ? SignatureTrust.DEFAULT_TIMEOUT : signature.timeout();
  }
}

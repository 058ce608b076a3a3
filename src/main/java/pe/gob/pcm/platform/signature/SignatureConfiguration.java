package pe.gob.pcm.platform.signature;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The signature verifier trusts the certificates of the configured trust store (in production,
 * the root certificates of the accredited certification authorities) and, in the demo profile
 * only, the demo CA. With no trust anchor at all the platform would refuse every signed format,
 * so it refuses to start instead.
 */
@Configuration
public class SignatureConfiguration {

  @Bean
  PdfSignatureVerifier pdfSignatureVerifier(SignatureProperties signature,
      ObjectProvider<DemoPki> demoPki) throws GeneralSecurityException, IOException {
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
    return new PdfSignatureVerifier(anchors);
  }
}

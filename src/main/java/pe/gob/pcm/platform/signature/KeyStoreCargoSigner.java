package pe.gob.pcm.platform.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Outside the demo: each hosted entity's signing key in one PKCS#12 store
 * ({@code platform.tramite.cargo-key-store}), under the entity's RUC as alias. Without it, issuing
 * a cargo fails with a message saying so, which Cockpit shows as an incident. Signed as PAdES by
 * the platform's {@link PdfSigner} (B-T with {@code platform.signature.tsa-url}, B-LT when the
 * revocation data can be fetched).
 */
@Component
@Profile("!demo")
public class KeyStoreCargoSigner implements CargoSigner {

  private final KeyStore store;
  private final char[] password;
  private final PdfSigner signer;

  public KeyStoreCargoSigner(
      @Value("${platform.tramite.cargo-key-store:}") String path,
      @Value("${platform.tramite.cargo-key-store-password:}") String password, PdfSigner signer) {
    this.password = password.toCharArray();
    this.signer = signer;
    try {
      this.store = StringUtils.hasText(path) ? CertificateAuthority.loadKeyStore(Path.of(path), this.password) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("No se pudo leer platform.tramite.cargo-key-store: " + path, e);
    }
  }

  @Override
  public byte[] sign(String entityRuc, String entityName, byte[] pdf) {
    try {
      if (store == null || !store.isKeyEntry(entityRuc)) {
        throw new IllegalStateException("No hay certificado para firmar los cargos de la entidad "
            + entityRuc + ": agregue su clave con el alias " + entityRuc
            + " en platform.tramite.cargo-key-store.");
      }
      Certificate[] chain = store.getCertificateChain(entityRuc);
      return signer.signPdf(pdf, (PrivateKey) store.getKey(entityRuc, password),
          Arrays.copyOf(chain, chain.length, X509Certificate[].class), "Cargo de recepción");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Clave de firma de la entidad " + entityRuc + " ilegible", e);
    }
  }
}

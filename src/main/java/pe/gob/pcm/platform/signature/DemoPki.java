package pe.gob.pcm.platform.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.function.SingletonSupplier;

/**
 * Demo profile only: a demo certification authority kept under the data folder, trusted by the
 * verifier, so that demo users can sign their formats from the upload page. Never in production.
 */
@Component
@Profile("demo")
public class DemoPki implements DemoSigning, pe.gob.pcm.platform.signature.CargoSigner {

  private static final char[] PASSWORD = "demo".toCharArray();

  private final IdentityService identity;
  private final Map<String, IssuedCertificate> issued = new ConcurrentHashMap<>();
  /** Each entity's cargo-signing key, made on its first cargo and kept beside the CA. */
  private final Map<String, IssuedCertificate> entityKeys = new ConcurrentHashMap<>();
  private final Path dir;
  private final Path authorityFile;
  /** The CA's certificate, what the verifier needs at startup. */
  private final X509Certificate caCertificate;
  /**
   * The CA with its private key, read from its PKCS#12 store only when a certificate is first
   * issued: opening the store (two PBKDF2 derivations) is not a cost of every start.
   */
  private final SingletonSupplier<CertificateAuthority> authority;

  public DemoPki(@Value("${platform.data-dir:./data}") Path dataDir, IdentityService identity) {
    this.identity = identity;
    this.dir = dataDir.resolve("demo-pki");
    this.authorityFile = dir.resolve("ca-demo.p12");
    Path certificateFile = dir.resolve("ca-demo.crt");
    try {
      CertificateAuthority made = null;
      if (Files.exists(authorityFile) && Files.exists(certificateFile)) {
        try (java.io.InputStream in = Files.newInputStream(certificateFile)) {
          caCertificate = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
              .generateCertificate(in);
        }
      } else {
        if (Files.exists(authorityFile)) {
          made = CertificateAuthority.load(authorityFile, PASSWORD);
        } else {
          Files.createDirectories(dir);
          made = CertificateAuthority.create("CA de Demostración - Plataforma PCM (NO VÁLIDA)");
          made.save(authorityFile, PASSWORD);
        }
        caCertificate = made.certificate();
        Path tmp = dir.resolve("ca-demo.crt.tmp");
        Files.write(tmp, caCertificate.getEncoded());
        Files.move(tmp, certificateFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      CertificateAuthority ready = made;
      authority = SingletonSupplier.of(ready != null ? () -> ready : this::loadAuthority);
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("No se pudo preparar la PKI de demostración en " + dir, e);
    }
  }

  private CertificateAuthority loadAuthority() {
    CertificateAuthority loaded;
    try {
      loaded = CertificateAuthority.load(authorityFile, PASSWORD);
    } catch (IOException e) {
      throw new UncheckedIOException("No se pudo leer la CA de demostración " + authorityFile, e);
    }
    if (!loaded.certificate().equals(caCertificate)) {
      throw new IllegalStateException("La CA de demostración " + authorityFile
          + " no corresponde a su certificado ca-demo.crt");
    }
    return loaded;
  }

  private IssuedCertificate entityKey(Path file, String commonName)
      throws IOException, java.security.GeneralSecurityException {
    if (Files.exists(file)) {
      java.security.KeyStore store = CertificateAuthority.loadKeyStore(file, PASSWORD);
      java.security.cert.Certificate[] chain = store.getCertificateChain("entidad");
      X509Certificate[] x509 = java.util.Arrays.copyOf(chain, chain.length, X509Certificate[].class);
      return new IssuedCertificate((java.security.PrivateKey) store.getKey("entidad", PASSWORD), x509[0], x509);
    }
    IssuedCertificate key = authority.get().issue(commonName);
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("entidad", key.privateKey(), PASSWORD, key.chain());
    try (java.io.OutputStream out = Files.newOutputStream(file)) {
      store.store(out, PASSWORD);
    }
    return key;
  }

  public X509Certificate caCertificate() {
    return caCertificate;
  }

  /** The entity's Mesa de Partes signs its cargos with a demo certificate of its own. */
  @Override
  public byte[] sign(String entityRuc, String entityName, byte[] pdf) {
    IssuedCertificate certificate = entityKeys.computeIfAbsent(entityRuc, ruc -> {
      try {
        return entityKey(dir.resolve("entidad-" + ruc + ".p12"), "Mesa de Partes Virtual - " + entityName);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException("No se pudo preparar la clave de demostración de " + ruc, e);
      }
    });
    return PdfSigner.sign(pdf, certificate.privateKey(), certificate.chain(), "Cargo de recepción");
  }

  @Override
  public byte[] sign(String userId, byte[] pdf) {
    IssuedCertificate certificate = issued.computeIfAbsent(userId, id -> {
      User user = identity.createUserQuery().userId(id).singleResult();
      String name = user == null ? id : (user.getFirstName() + " " + user.getLastName()).trim();
      return authority.get().issue(name + " (" + id + ")");
    });
    return PdfSigner.sign(pdf, certificate.privateKey(), certificate.chain(), "Firma de demostración");
  }
}

package pe.gob.pcm.platform.document;

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
import pe.gob.pcm.platform.config.PlatformProperties;
import pe.gob.pcm.platform.signature.CertificateAuthority;
import pe.gob.pcm.platform.signature.IssuedCertificate;
import pe.gob.pcm.platform.signature.PdfSigner;

/**
 * Demo profile only: a demo certification authority kept under the data folder, trusted by the
 * verifier, so that demo users can sign their formats from the upload page. Never in production.
 */
@Component
@Profile("demo")
public class DemoPki implements DemoSigning, pe.gob.pcm.platform.tramite.CargoSigner {

  private static final char[] PASSWORD = "demo".toCharArray();

  private final CertificateAuthority authority;
  private final IdentityService identity;
  private final Map<String, IssuedCertificate> issued = new ConcurrentHashMap<>();
  private final Map<String, IssuedCertificate> entityKeys = new ConcurrentHashMap<>();

  public DemoPki(PlatformProperties properties, IdentityService identity) {
    this.identity = identity;
    Path dir = properties.dataDir().resolve("demo-pki");
    Path file = dir.resolve("ca-demo.p12");
    try {
      if (Files.exists(file)) {
        authority = CertificateAuthority.load(file, PASSWORD);
      } else {
        Files.createDirectories(file.getParent());
        authority = CertificateAuthority.create("CA de Demostración - Plataforma PCM (NO VÁLIDA)");
        authority.save(file, PASSWORD);
      }
      // Each demo entity's cargo-signing key, made on first start and kept beside the CA.
      for (PlatformProperties.HostedEntity entity : properties.hostedEntities()) {
        entityKeys.put(entity.ruc(), entityKey(dir.resolve("entidad-" + entity.ruc() + ".p12"),
            "Mesa de Partes Virtual - " + entity.name()));
      }
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("No se pudo preparar la PKI de demostración en " + dir, e);
    }
  }

  private IssuedCertificate entityKey(Path file, String commonName)
      throws IOException, java.security.GeneralSecurityException {
    if (Files.exists(file)) {
      java.security.KeyStore store = CertificateAuthority.loadKeyStore(file, PASSWORD);
      java.security.cert.Certificate[] chain = store.getCertificateChain("entidad");
      X509Certificate[] x509 = java.util.Arrays.copyOf(chain, chain.length, X509Certificate[].class);
      return new IssuedCertificate((java.security.PrivateKey) store.getKey("entidad", PASSWORD), x509[0], x509);
    }
    IssuedCertificate key = authority.issue(commonName);
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("entidad", key.privateKey(), PASSWORD, key.chain());
    try (java.io.OutputStream out = Files.newOutputStream(file)) {
      store.store(out, PASSWORD);
    }
    return key;
  }

  public X509Certificate caCertificate() {
    return authority.certificate();
  }

  /** The entity's Mesa de Partes signs its cargos with a demo certificate of its own. */
  @Override
  public byte[] sign(String entityRuc, String entityName, byte[] pdf) {
    IssuedCertificate certificate = entityKeys.computeIfAbsent(entityRuc,
        key -> authority.issue("Mesa de Partes Virtual - " + entityName));
    return PdfSigner.sign(pdf, certificate.privateKey(), certificate.chain(), "Cargo de recepción");
  }

  @Override
  public byte[] sign(String userId, byte[] pdf) {
    IssuedCertificate certificate = issued.computeIfAbsent(userId, id -> {
      User user = identity.createUserQuery().userId(id).singleResult();
      String name = user == null ? id : (user.getFirstName() + " " + user.getLastName()).trim();
      return authority.issue(name + " (" + id + ")");
    });
    return PdfSigner.sign(pdf, certificate.privateKey(), certificate.chain(), "Firma de demostración");
  }
}

package pe.gob.pcm.platform.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.function.SingletonSupplier;

/**
 * Demo profile only: a demo certification authority kept under the data folder, trusted by the
 * verifier, with its CRL and OCSP answered in-process and a local time-stamping authority, so
 * that demo users can sign their formats from the upload page and the platform signs its cargos
 * at PAdES B-LT with zero setup. Never in production.
 */
@Component
@Profile("demo")
public class DemoPki {

  private static final char[] PASSWORD = "demo".toCharArray();

  private final Map<String, IssuedCertificate> issued = new ConcurrentHashMap<>();
  /** Each entity's cargo-signing key, made on its first cargo and kept beside the CA. */
  private final Map<String, IssuedCertificate> entityKeys = new ConcurrentHashMap<>();
  /** The URLs the demo certificates name for revocation (answered in-process, see serveRevocation). */
  private final String crlUrl;
  private final String ocspUrl;
  /** The demo TSA, its key issued by the demo CA on first use and kept beside it. */
  private final SingletonSupplier<TimestampAuthority> tsa;
  private final Path dir;
  private final Path authorityFile;
  /** The CA's certificate, what the verifier needs at startup. */
  private final X509Certificate caCertificate;
  /**
   * The CA with its private key, read from its PKCS#12 store only when a certificate is first
   * issued: opening the store (two PBKDF2 derivations) is not a cost of every start.
   */
  private final SingletonSupplier<CertificateAuthority> authority;

  public DemoPki(@Value("${platform.data-dir:./data}") Path dataDir,
      @Value("${platform.signature.demo-pki-url:http://localhost:${server.port:8080}}") String baseUrl) {
    String base = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.strip();
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.crlUrl = base + "/pki/demo/ca.crl";
    this.ocspUrl = base + "/pki/demo/ocsp";
    this.dir = dataDir.resolve("demo-pki");
    this.tsa = SingletonSupplier.of(this::loadTimestampAuthority);
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
      CertificateAuthority ready = made == null ? null : made.publishRevocationAt(crlUrl, ocspUrl);
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
    return loaded.publishRevocationAt(crlUrl, ocspUrl);
  }

  private TimestampAuthority loadTimestampAuthority() {
    try {
      return new TimestampAuthority(keyFile(dir.resolve("tsa-demo.p12"), "TSA de Demostración - Plataforma PCM (NO VÁLIDA)",
          true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("No se pudo preparar la TSA de demostración", e);
    }
  }

  /** The demo's RFC 3161 time-stamping authority (in-process DSS TSP source). */
  public eu.europa.esig.dss.spi.x509.tsp.TSPSource timestampAuthority() {
    return (digestAlgorithm, digest) -> tsa.get().getTimeStampResponse(digestAlgorithm, digest);
  }

  /** Answers the demo CA's CRL and OCSP URLs in-process (the CA's key is read on first use). */
  public void serveRevocation(SignatureTrust trust) {
    trust.serveLocally(crlUrl, ocspUrl, () -> authority.get());
  }

  /** The demo CA's current CRL (DER), as /pki/demo/ca.crl serves it. */
  public byte[] crl() {
    return authority.get().crl();
  }

  /** The demo CA's OCSP answer (DER) to an OCSP request (DER), as /pki/demo/ocsp serves it. */
  public byte[] ocsp(byte[] request) {
    return authority.get().ocsp(request);
  }

  /** The demo TSA's RFC 3161 answer to a time-stamp query, as /pki/demo/tsa serves it. */
  public byte[] timestamp(byte[] query) throws IOException {
    return tsa.get().respond(query);
  }

  public String crlUrl() {
    return crlUrl;
  }

  public String ocspUrl() {
    return ocspUrl;
  }

  private IssuedCertificate entityKey(Path file, String commonName)
      throws IOException, java.security.GeneralSecurityException {
    return keyFile(file, commonName, false);
  }

  /**
   * A key issued by the demo CA and kept in {@code file}; one from before the demo published its
   * revocation data (no CRL distribution point) is replaced, so that its signatures can be checked.
   */
  private IssuedCertificate keyFile(Path file, String commonName, boolean timestamping)
      throws IOException, java.security.GeneralSecurityException {
    if (Files.exists(file)) {
      java.security.KeyStore store = CertificateAuthority.loadKeyStore(file, PASSWORD);
      java.security.cert.Certificate[] chain = store.getCertificateChain("entidad");
      X509Certificate[] x509 = java.util.Arrays.copyOf(chain, chain.length, X509Certificate[].class);
      if (x509[0].getExtensionValue(org.bouncycastle.asn1.x509.Extension.cRLDistributionPoints.getId()) != null
          && x509[x509.length - 1].equals(caCertificate)) {
        return new IssuedCertificate((java.security.PrivateKey) store.getKey("entidad", PASSWORD), x509[0], x509);
      }
    }
    IssuedCertificate key = timestamping ? authority.get().issueTimestampAuthority(commonName)
        : authority.get().issue(commonName);
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

  /** The entity's Mesa de Partes cargo-signing key: a demo certificate of its own. */
  public IssuedCertificate entityKey(String entityRuc, String entityName) {
    return entityKeys.computeIfAbsent(entityRuc, ruc -> {
      try {
        return entityKey(dir.resolve("entidad-" + ruc + ".p12"), "Mesa de Partes Virtual - " + entityName);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException("No se pudo preparar la clave de demostración de " + ruc, e);
      }
    });
  }

  /** A demo user's signing certificate, named {@code displayName}, made on first use (not kept). */
  public IssuedCertificate userKey(String userId, String displayName) {
    return issued.computeIfAbsent(userId, id -> authority.get().issue(displayName));
  }
}

package pe.gob.pcm.platform.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certification authority for the demo profile and the tests: it issues signing
 * certificates so that signed formats can be produced without a real accredited CA.
 */
public final class CertificateAuthority {

  private static final String ALIAS = "ca";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PrivateKey privateKey;
  private final X509Certificate certificate;

  private CertificateAuthority(PrivateKey privateKey, X509Certificate certificate) {
    this.privateKey = privateKey;
    this.certificate = certificate;
  }

  public static CertificateAuthority create(String commonName) {
    try {
      KeyPair keys = rsa();
      X500Name name = name(commonName);
      Instant now = Instant.now();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
          Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))),
          name, keys.getPublic());
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
      return new CertificateAuthority(keys.getPrivate(), sign(builder, keys.getPrivate()));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("No se pudo crear la autoridad de certificación", e);
    }
  }

  /** A two-year signing certificate for {@code commonName}, issued by this authority. */
  public IssuedCertificate issue(String commonName) {
    try {
      KeyPair keys = rsa();
      Instant now = Instant.now();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
          Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(730))),
          name(commonName), keys.getPublic());
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
      builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
      X509Certificate issued = sign(builder, privateKey);
      return new IssuedCertificate(keys.getPrivate(), issued, new X509Certificate[] {issued, certificate});
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("No se pudo emitir el certificado", e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  /** A PKCS#12 store holding only this authority's certificate, as a trust anchor. */
  public KeyStore trustStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry(ALIAS, certificate);
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public void saveTrustStore(Path file, char[] password) throws IOException {
    write(trustStore(), file, password);
  }

  /** Saves the authority with its private key (PKCS#12), to survive restarts. */
  public void save(Path file, char[] password) throws IOException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, privateKey, password, new Certificate[] {certificate});
      write(store, file, password);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static CertificateAuthority load(Path file, char[] password) throws IOException {
    KeyStore store = loadKeyStore(file, password);
    try {
      return new CertificateAuthority((PrivateKey) store.getKey(ALIAS, password),
          (X509Certificate) store.getCertificate(ALIAS));
    } catch (GeneralSecurityException e) {
      throw new IOException("Almacén de la autoridad ilegible: " + file, e);
    }
  }

  public static KeyStore loadKeyStore(Path file, char[] password) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      return store;
    } catch (GeneralSecurityException e) {
      throw new IOException("Almacén de certificados ilegible: " + file, e);
    }
  }

  private static void write(KeyStore store, Path file, char[] password) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      store.store(out, password);
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
  }

  private static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048, RANDOM);
    return generator.generateKeyPair();
  }

  private static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.CN, commonName).addRDN(BCStyle.O, "Plataforma PCM").addRDN(BCStyle.C, "PE")
        .build();
  }

  private static BigInteger serial() {
    return new BigInteger(64, RANDOM).abs().add(BigInteger.ONE);
  }
}

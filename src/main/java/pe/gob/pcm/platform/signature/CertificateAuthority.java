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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
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
 * A small certification authority for the demo profile and the tests: it issues signing and
 * time-stamping certificates, revokes them, and publishes its CRL and OCSP answers (served by
 * whoever hosts it: the platform's demo endpoints, or the tests' local HTTP server), so that
 * signed formats can be produced and verified without a real accredited CA.
 */
public final class CertificateAuthority {

  private static final String ALIAS = "ca";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PrivateKey privateKey;
  private final X509Certificate certificate;
  /** Serial number → revocation time of the certificates this authority revoked (not persisted). */
  private final Map<BigInteger, Instant> revoked = new ConcurrentHashMap<>();
  /** Where issued certificates say this authority publishes its CRL and answers OCSP (may be null). */
  private volatile String crlUrl;
  private volatile String ocspUrl;

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

  /**
   * From now on, certificates issued here name {@code crlUrl} (CRL distribution point) and
   * {@code ocspUrl} (authority information access), so that verifiers can check revocation.
   * Either may be null.
   */
  public CertificateAuthority publishRevocationAt(String crlUrl, String ocspUrl) {
    this.crlUrl = crlUrl;
    this.ocspUrl = ocspUrl;
    return this;
  }

  public String crlUrl() {
    return crlUrl;
  }

  public String ocspUrl() {
    return ocspUrl;
  }

  /** A two-year signing certificate for {@code commonName}, issued by this authority. */
  public IssuedCertificate issue(String commonName) {
    Instant now = Instant.now();
    return issue(commonName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(730)));
  }

  /** A signing certificate valid from {@code notBefore} to {@code notAfter} (tests: expired ones). */
  public IssuedCertificate issue(String commonName, Instant notBefore, Instant notAfter) {
    return issue(commonName, notBefore, notAfter, false);
  }

  /** A certificate for a time-stamping authority (RFC 3161), issued by this authority. */
  public IssuedCertificate issueTimestampAuthority(String commonName) {
    Instant now = Instant.now();
    return issue(commonName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), true);
  }

  private IssuedCertificate issue(String commonName, Instant notBefore, Instant notAfter, boolean timestamping) {
    try {
      KeyPair keys = rsa();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
          Date.from(notBefore), Date.from(notAfter), name(commonName), keys.getPublic());
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      if (timestamping) {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
      } else {
        builder.addExtension(Extension.keyUsage, true,
            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      }
      builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
      builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
      String crl = crlUrl;
      if (crl != null) {
        GeneralNames where = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crl));
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(where), null, null)}));
      }
      String ocsp = ocspUrl;
      if (ocsp != null) {
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
            AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocsp)));
      }
      X509Certificate issued = sign(builder, privateKey);
      return new IssuedCertificate(keys.getPrivate(), issued, new X509Certificate[] {issued, certificate});
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("No se pudo emitir el certificado", e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** Revokes a certificate this authority issued, effective {@code at} (may be in the past). */
  public void revoke(X509Certificate issued, Instant at) {
    revoked.put(issued.getSerialNumber(), at);
  }

  /** This authority's current CRL (DER), valid for one day, listing what it revoked. */
  public byte[] crl() {
    try {
      Instant now = Instant.now();
      X509v2CRLBuilder builder = new X509v2CRLBuilder(
          X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), Date.from(now.minusSeconds(60)));
      builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
      revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), CRLReason.keyCompromise));
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
      builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
      X509CRLHolder crl = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(privateKey));
      return crl.getEncoded();
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("No se pudo emitir la CRL", e);
    }
  }

  /**
   * Answers an OCSP request (DER) about certificates this authority issued, signed by the
   * authority itself. A malformed request gets a "malformedRequest" response.
   */
  public byte[] ocsp(byte[] request) {
    try {
      OCSPReq ocspRequest;
      try {
        ocspRequest = new OCSPReq(request);
      } catch (IOException | RuntimeException e) {
        return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
      }
      DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
      BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(certificate.getPublicKey(),
          digests.get(CertificateID.HASH_SHA1));
      Date now = new Date();
      Date next = Date.from(Instant.now().plus(Duration.ofHours(12)));
      X509CertificateHolder issuer = new JcaX509CertificateHolder(certificate);
      for (Req one : ocspRequest.getRequestList()) {
        CertificateID id = one.getCertID();
        CertificateStatus status = CertificateStatus.GOOD;
        if (!id.matchesIssuer(issuer, digests)) {
          status = new UnknownStatus();
        } else {
          Instant at = revoked.get(id.getSerialNumber());
          if (at != null) {
            status = new RevokedStatus(Date.from(at), CRLReason.keyCompromise);
          }
        }
        builder.addResponse(id, status, now, next, null);
      }
      Extension nonce = ocspRequest.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
      if (nonce != null) {
        builder.setResponseExtensions(new Extensions(nonce));
      }
      BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(privateKey),
          new X509CertificateHolder[] {issuer}, now);
      return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    } catch (GeneralSecurityException | IOException | OperatorCreationException | OCSPException e) {
      throw new IllegalStateException("No se pudo responder la consulta OCSP", e);
    }
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

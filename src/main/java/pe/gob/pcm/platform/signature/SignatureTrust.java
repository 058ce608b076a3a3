package pe.gob.pcm.platform.signature;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.function.Supplier;

/**
 * What DSS needs to judge a certificate, built once and shared by the signer and the verifier:
 * the trusted certificates (the configured trust store: Peru's IOFE roots in production, the demo
 * CA in the demo), and the online CRL and OCSP sources, whose data loaders answer the in-JVM
 * authorities' URLs locally and reach anything else over HTTP with short timeouts.
 *
 * <p>Certificates are never fetched from their AIA "CA issuers" URL: a signature must carry its
 * chain up to a trusted root (every signing software does), and the platform must not block on
 * the internet while it answers a SOAP request.
 */
public final class SignatureTrust {

  /** Default network timeout of CRL/OCSP requests. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
  private final LocalFirstDataLoader crlLoader;
  private final LocalFirstDataLoader ocspLoader;
  private final OnlineCRLSource crlSource;
  private final OnlineOCSPSource ocspSource;

  public SignatureTrust(KeyStore anchors, Duration timeout) {
    try {
      for (String alias : Collections.list(anchors.aliases())) {
        if (anchors.getCertificate(alias) instanceof X509Certificate certificate) {
          trusted.addCertificate(new CertificateToken(certificate));
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Almacén de confianza ilegible", e);
    }
    crlLoader = new LocalFirstDataLoader(withTimeouts(new CommonsDataLoader(), timeout));
    ocspLoader = new LocalFirstDataLoader(withTimeouts(new OCSPDataLoader(), timeout));
    crlSource = new OnlineCRLSource(crlLoader);
    ocspSource = new OnlineOCSPSource(ocspLoader);
  }

  public SignatureTrust(KeyStore anchors) {
    this(anchors, DEFAULT_TIMEOUT);
  }

  private static CommonsDataLoader withTimeouts(CommonsDataLoader loader, Duration timeout) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    loader.setTimeoutConnection(millis);
    loader.setTimeoutConnectionRequest(millis);
    loader.setTimeoutResponse(millis);
    loader.setTimeoutSocket(millis);
    return loader;
  }

  /** Serves an in-JVM authority's CRL and OCSP URLs without the network. */
  public SignatureTrust serveLocally(CertificateAuthority authority) {
    return serveLocally(authority.crlUrl(), authority.ocspUrl(), () -> authority);
  }

  /** The same, for an authority read on first use (the demo CA's key). */
  public SignatureTrust serveLocally(String crlUrl, String ocspUrl, Supplier<CertificateAuthority> authority) {
    crlLoader.serve(crlUrl, ignored -> authority.get().crl());
    ocspLoader.serve(ocspUrl, request -> authority.get().ocsp(request));
    return this;
  }

  public boolean trusts(X509Certificate certificate) {
    return trusted.isTrusted(new CertificateToken(certificate));
  }

  public int trustedCount() {
    return trusted.getNumberOfCertificates();
  }

  /**
   * A certificate verifier for one signing or validation. Missing revocation data is not an
   * error here: the validation policy judges it (and the signer falls back from LT to T).
   */
  CommonCertificateVerifier verifier() {
    CommonCertificateVerifier verifier = new CommonCertificateVerifier();
    verifier.setTrustedCertSources(trusted);
    verifier.setCrlSource(crlSource);
    verifier.setOcspSource(ocspSource);
    verifier.setAIASource(null);
    verifier.setCheckRevocationForUntrustedChains(false);
    verifier.setAlertOnMissingRevocationData(new SilentOnStatusAlert());
    verifier.setAlertOnRevokedCertificate(new SilentOnStatusAlert());
    verifier.setAlertOnInvalidTimestamp(new SilentOnStatusAlert());
    verifier.setAlertOnNoRevocationAfterBestSignatureTime(new SilentOnStatusAlert());
    verifier.setAlertOnUncoveredPOE(new SilentOnStatusAlert());
    verifier.setAlertOnExpiredCertificate(new SilentOnStatusAlert());
    verifier.setAlertOnNotYetValidCertificate(new SilentOnStatusAlert());
    return verifier;
  }
}

package pe.gob.pcm.platform.signature;

import eu.europa.esig.dss.alert.ExceptionOnStatusAlert;
import eu.europa.esig.dss.alert.exception.AlertException;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a PDF as PAdES (ETSI.CAdES.detached, SHA-256) with the EU's DSS, as an incremental update
 * so that earlier signatures stay valid:
 * <ul>
 *   <li>PAdES-BASELINE-T when it has a time-stamping authority ({@code platform.signature.tsa-url},
 *       or the demo's local TSA): the signature carries an RFC 3161 timestamp, proof that it
 *       existed at that time;</li>
 *   <li>then extended to PAdES-BASELINE-LT when the certificates' revocation data (CRL/OCSP) can
 *       be fetched: the document then carries what a verifier needs years later (DSS dictionary);
 *       if it cannot be fetched the signature stays at B-T (logged);</li>
 *   <li>PAdES-BASELINE-B only with no TSA ({@link #BASELINE_B}: the tests' signer).</li>
 * </ul>
 */
public final class PdfSigner {

  private static final Logger log = LoggerFactory.getLogger(PdfSigner.class);
  /** A signer without TSA nor revocation sources: PAdES-BASELINE-B. */
  public static final PdfSigner BASELINE_B = new PdfSigner(null, null);
  /** Room for the CMS: signer chain, signature value and timestamp token with its chain. */
  private static final int CONTENT_SIZE = 20_000;

  private final TSPSource tsp;
  private final SignatureTrust trust;

  /** {@code tsp} null: B-B; {@code trust} null: no LT extension. */
  public PdfSigner(TSPSource tsp, SignatureTrust trust) {
    this.tsp = tsp;
    this.trust = trust;
  }

  /** The level this signer aims at: B, T, or LT (T when revocation data is missing). */
  public SignatureLevel targetLevel() {
    return tsp == null ? SignatureLevel.PAdES_BASELINE_B
        : trust == null ? SignatureLevel.PAdES_BASELINE_T : SignatureLevel.PAdES_BASELINE_LT;
  }

  /** Convenience for the B-B signer (tests, callers with no TSA). */
  public static byte[] sign(byte[] pdf, PrivateKey key, X509Certificate[] chain, String reason) {
    return BASELINE_B.signPdf(pdf, key, chain, reason);
  }

  public byte[] signPdf(byte[] pdf, PrivateKey key, X509Certificate[] chain, String reason) {
    try {
      CommonCertificateVerifier verifier = trust != null ? trust.verifier() : new CommonCertificateVerifier();
      PAdESService service = new PAdESService(verifier);
      if (tsp != null) {
        service.setTspSource(tsp);
      }
      List<CertificateToken> tokens = Arrays.stream(chain).map(CertificateToken::new).toList();
      PAdESSignatureParameters parameters = new PAdESSignatureParameters();
      parameters.setSignatureLevel(tsp == null ? SignatureLevel.PAdES_BASELINE_B : SignatureLevel.PAdES_BASELINE_T);
      parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
      parameters.setSigningCertificate(tokens.get(0));
      parameters.setCertificateChain(tokens);
      parameters.setReason(reason);
      parameters.setSignerName(PdfSignatureVerifier.commonName(chain[0]));
      parameters.setAppName("Plataforma PCM");
      parameters.setContentSize(CONTENT_SIZE);
      parameters.bLevel().setSigningDate(new Date());
      DSSDocument document = new InMemoryDocument(pdf);
      ToBeSigned data = service.getDataToSign(document, parameters);
      SignatureAlgorithm algorithm = SignatureAlgorithm.getAlgorithm(
          EncryptionAlgorithm.forKey(key), DigestAlgorithm.SHA256);
      Signature jca = Signature.getInstance(algorithm.getJCEId());
      jca.initSign(key);
      jca.update(data.getBytes());
      DSSDocument signed = service.signDocument(document, parameters, new SignatureValue(algorithm, jca.sign()));
      if (tsp != null && trust != null) {
        signed = extendToLongTerm(signed, parameters);
      }
      return DSSUtils.toByteArray(signed);
    } catch (GeneralSecurityException | DSSException | IllegalArgumentException e) {
      throw new IllegalStateException("No se pudo firmar el PDF: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("No se pudo firmar el PDF: " + e.getMessage(), e.getCause());
    }
  }

  /** B-T → B-LT: adds the chain's revocation data (DSS dictionary), or keeps B-T if it is missing. */
  private DSSDocument extendToLongTerm(DSSDocument signed, PAdESSignatureParameters signing) {
    CommonCertificateVerifier strict = trust.verifier();
    strict.setAlertOnMissingRevocationData(new ExceptionOnStatusAlert());
    strict.setAlertOnRevokedCertificate(new ExceptionOnStatusAlert());
    PAdESService service = new PAdESService(strict);
    service.setTspSource(tsp);
    PAdESSignatureParameters extension = new PAdESSignatureParameters();
    extension.setSignatureLevel(SignatureLevel.PAdES_BASELINE_LT);
    extension.setDigestAlgorithm(signing.getDigestAlgorithm());
    try {
      return service.extendDocument(signed, extension);
    } catch (AlertException | DSSException | IllegalStateException e) {
      log.warn("Firma PAdES dejada en B-T: no se obtuvieron los datos de revocación para B-LT ({})", e.getMessage());
      return signed;
    }
  }
}

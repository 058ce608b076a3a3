package pe.gob.pcm.platform.signature;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.service.http.commons.TimestampDataLoader;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import pe.gob.pcm.platform.support.LocalPkiServer;
import pe.gob.pcm.platform.support.TestPki;

/**
 * PAdES made and verified with DSS against a PKI made here: a CA whose CRL and OCSP responder,
 * and a TSA, are served over HTTP on 127.0.0.1 ({@link LocalPkiServer}).
 */
class PadesSignatureTest {

  static final LocalPkiServer SERVER = LocalPkiServer.get();
  static final CertificateAuthority CA = SERVER.publish(CertificateAuthority.create("CA de Pruebas PAdES"));
  static final TimestampAuthority TSA = new TimestampAuthority(CA.issueTimestampAuthority("TSA de Pruebas PAdES"));
  static final String TSA_URL = SERVER.serve(TSA);
  static final SignatureTrust TRUST = new SignatureTrust(CA.trustStore(), Duration.ofSeconds(3));
  static final PdfSignatureVerifier VERIFIER = new PdfSignatureVerifier(TRUST);
  /** Through the TSA's URL, as production is configured (platform.signature.tsa-url). */
  static final PdfSigner SIGNER = new PdfSigner(onlineTsa(TSA_URL), TRUST);
  static final PdfSigner SIGNER_T_ONLY = new PdfSigner(onlineTsa(TSA_URL), null);

  static OnlineTSPSource onlineTsa(String url) {
    return new OnlineTSPSource(url, new TimestampDataLoader());
  }

  static byte[] sign(PdfSigner signer, byte[] pdf, IssuedCertificate who) {
    return signer.signPdf(pdf, who.privateKey(), who.chain(), "Prueba");
  }

  @Test
  void aSignatureWithTimestampAndRevocationDataIsValidAtLevelLt() {
    IssuedCertificate rosa = CA.issue("Rosa Quispe Mamani");
    int before = SERVER.tsaRequests();

    SignatureVerification result = VERIFIER.verify(sign(SIGNER, TestPki.unsignedPdf("Formato A-3"), rosa));

    assertThat(result.status()).as(result.message()).isEqualTo(SignatureStatus.VALID);
    assertThat(SERVER.tsaRequests()).isGreaterThan(before);
    assertThat(result.signatures()).hasSize(1);
    SignatureCheck check = result.signatures().get(0);
    assertThat(check.signerName()).isEqualTo("Rosa Quispe Mamani");
    assertThat(check.level()).isEqualTo("LT");
    assertThat(check.timestampTime()).isBetween(Instant.now().minusSeconds(120), Instant.now());
    assertThat(result.message()).startsWith("Firma válida de Rosa Quispe Mamani (PAdES LT, sellada en tiempo el ");
  }

  @Test
  void aTimestampedSignatureWithoutLongTermDataIsBT() {
    IssuedCertificate signer = CA.issue("Firmante Sellado");

    SignatureVerification result = VERIFIER.verify(sign(SIGNER_T_ONLY, TestPki.unsignedPdf("sellado"), signer));

    assertThat(result.status()).as(result.message()).isEqualTo(SignatureStatus.VALID);
    assertThat(result.signatures().get(0).level()).isEqualTo("T");
    assertThat(result.signatures().get(0).timestampTime()).isNotNull();
  }

  @Test
  void aSecondSignatureDoesNotBreakTheFirst() {
    byte[] once = sign(SIGNER, TestPki.unsignedPdf("Acta"), CA.issue("Jefe de TI"));
    byte[] twice = sign(SIGNER, once, CA.issue("Jefa de Trámite"));

    SignatureVerification result = VERIFIER.verify(twice);

    assertThat(result.status()).as(result.message()).isEqualTo(SignatureStatus.VALID);
    assertThat(result.signatures()).extracting(SignatureCheck::signerName).containsExactly("Jefe de TI", "Jefa de Trámite");
    assertThat(result.signatures()).allMatch(SignatureCheck::valid);
    assertThat(result.signatures().get(0).revision()).isLessThan(result.signatures().get(1).revision());
    assertThat(result.signerName()).isEqualTo("Jefe de TI; Jefa de Trámite");
  }

  @Test
  void aCertificateRevokedBeforeSigningIsRefused() {
    IssuedCertificate stolen = CA.issue("Clave Robada");
    CA.revoke(stolen.certificate(), Instant.now().minus(Duration.ofHours(2)));

    SignatureVerification result = VERIFIER.verify(sign(SIGNER, TestPki.unsignedPdf("robado"), stolen));

    assertThat(result.status()).as(result.message()).isEqualTo(SignatureStatus.REVOKED);
    assertThat(result.message()).contains("fue revocado el");
  }

  @Test
  void aCertificateRevokedAfterATimestampedSignatureKeepsItValid() throws Exception {
    IssuedCertificate later = CA.issue("Revocado Después");
    byte[] pdf = sign(SIGNER_T_ONLY, TestPki.unsignedPdf("antes"), later);
    Thread.sleep(1100);
    CA.revoke(later.certificate(), Instant.now());

    SignatureVerification result = VERIFIER.verify(pdf);

    assertThat(result.status()).as(result.message()).isEqualTo(SignatureStatus.VALID);
    assertThat(result.message()).contains("revocado después");
  }

  @Test
  void withoutTimestampARevocationAfterSigningCannotBeToldFromOneBefore() throws Exception {
    IssuedCertificate later = CA.issue("Sin Sello Revocado");
    byte[] pdf = sign(PdfSigner.BASELINE_B, TestPki.unsignedPdf("sin sello"), later);
    Thread.sleep(1100);
    CA.revoke(later.certificate(), Instant.now());

    SignatureVerification result = VERIFIER.verify(pdf);

    assertThat(result.status()).as(result.message()).isEqualTo(SignatureStatus.REVOKED);
  }

  @Test
  void anExpiredCertificateIsRefused() {
    IssuedCertificate expired = CA.issue("Certificado Vencido",
        Instant.now().minus(Duration.ofDays(800)), Instant.now().minus(Duration.ofDays(70)));

    SignatureVerification result = VERIFIER.verify(sign(SIGNER, TestPki.unsignedPdf("vencido"), expired));

    assertThat(result.status()).as(result.message()).isEqualTo(SignatureStatus.CERTIFICATE_EXPIRED);
    assertThat(result.message()).contains("no estaba vigente");
  }

  @Test
  void aSignerFromAnUntrustedAuthorityIsRefused() {
    CertificateAuthority other = SERVER.publish(CertificateAuthority.create("CA Ajena"));

    SignatureVerification result = VERIFIER.verify(sign(SIGNER, TestPki.unsignedPdf("ajeno"), other.issue("Ajeno")));

    assertThat(result.status()).as(result.message()).isEqualTo(SignatureStatus.UNTRUSTED_SIGNER);
    assertThat(result.message()).contains("no proviene de una entidad de certificación de confianza");
  }

  @Test
  void aTimestampFromAnUntrustedTsaIsRefused() {
    CertificateAuthority other = CertificateAuthority.create("CA de TSA Ajena");
    PdfSigner stranger = new PdfSigner(new TimestampAuthority(other.issueTimestampAuthority("TSA Ajena")), null);

    SignatureVerification result = VERIFIER.verify(sign(stranger, TestPki.unsignedPdf("tsa ajena"), CA.issue("Firmante")));

    assertThat(result.status()).as(result.message()).isEqualTo(SignatureStatus.INVALID_SIGNATURE);
    assertThat(result.message()).contains("sello de tiempo");
  }

  @Test
  void aPageChangedAfterSigningIsModifiedAfterSigning() throws IOException {
    byte[] signed = sign(SIGNER, TestPki.unsignedPdf("Importe: S/ 100"), CA.issue("Firmante Honesto"));
    byte[] changed = TestPki.changePage(signed, "Importe corregido: S/ 900");

    SignatureVerification result = VERIFIER.verify(changed);

    assertThat(result.status()).as(result.message()).isEqualTo(SignatureStatus.MODIFIED_AFTER_SIGNING);
    assertThat(result.message()).contains("modificado después de la firma");
  }

  @Test
  void contentChangedInsideTheSignedBytesIsAnInvalidSignature() {
    byte[] pdf = sign(SIGNER, TestPki.unsignedPdf("Texto original firmado"), CA.issue("Firmante"));
    int at = PdfSignatureVerifierTest.indexOf(pdf, "Texto original".getBytes(StandardCharsets.US_ASCII));
    pdf[at] = 'X';

    SignatureVerification result = VERIFIER.verify(pdf);

    assertThat(result.status()).as(result.message()).isEqualTo(SignatureStatus.INVALID_SIGNATURE);
    assertThat(result.message()).contains("no coincide");
  }

  @Test
  void theLongTermSignatureCarriesItsRevocationDataInTheDocument() throws IOException {
    byte[] pdf = sign(SIGNER, TestPki.unsignedPdf("LT"), CA.issue("Firmante LT"));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      var dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
      assertThat(dss).isNotNull();
      assertThat(dss.getCOSArray(COSName.getPDFName("CRLs")) != null
          || dss.getCOSArray(COSName.getPDFName("OCSPs")) != null).isTrue();
    }
    // valid with no CA service at all: the verifier finds the revocation data in the document
    SignatureTrust unreachable = new SignatureTrust(CA.trustStore(), Duration.ofMillis(300))
        .serveLocally(CA.crlUrl(), CA.ocspUrl(), () -> {
          throw new IllegalStateException("servicio de revocación caído");
        });
    int crls = SERVER.crlRequests();
    int ocsps = SERVER.ocspRequests();
    SignatureVerification result = new PdfSignatureVerifier(unreachable).verify(pdf);
    assertThat(result.status()).as(result.message()).isEqualTo(SignatureStatus.VALID);
    assertThat(result.signatures().get(0).level()).isEqualTo("LT");
    assertThat(SERVER.crlRequests()).isEqualTo(crls);
    assertThat(SERVER.ocspRequests()).isEqualTo(ocsps);
  }

  @Test
  void withoutAnyRevocationAnswerTheSignatureCannotBeConfirmed() {
    CertificateAuthority silent = CertificateAuthority.create("CA Muda")
        .publishRevocationAt("http://127.0.0.1:9/crl", "http://127.0.0.1:9/ocsp");
    SignatureTrust trust = new SignatureTrust(silent.trustStore(), Duration.ofMillis(500));
    IssuedCertificate signer = silent.issue("Firmante Sin Revocación");
    byte[] pdf = PdfSigner.sign(TestPki.unsignedPdf("muda"), signer.privateKey(), signer.chain(), "x");

    SignatureVerification result = new PdfSignatureVerifier(trust).verify(pdf);

    assertThat(result.status()).as(result.message()).isEqualTo(SignatureStatus.REVOCATION_UNKNOWN);
    assertThat(result.message()).contains("No se pudo comprobar si el certificado");
  }
}

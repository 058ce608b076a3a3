package pe.gob.pcm.platform.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pe.gob.pcm.platform.support.LocalPkiServer;
import pe.gob.pcm.platform.support.TestPki;

/** The verifier against PDFs made here: signed by a test CA, unsigned, altered, untrusted. */
class PdfSignatureVerifierTest {

  static final CertificateAuthority CA =
      LocalPkiServer.get().publish(CertificateAuthority.create("CA de Pruebas del Verificador"));
  static final IssuedCertificate SIGNER = CA.issue("Rosa Quispe Mamani");
  final PdfSignatureVerifier verifier = new PdfSignatureVerifier(CA.trustStore());

  byte[] signed(String text) {
    return PdfSigner.sign(TestPki.unsignedPdf(text), SIGNER.privateKey(), SIGNER.chain(), "Prueba");
  }

  @Test
  void acceptsAPdfSignedByATrustedCertificate() {
    SignatureVerification result = verifier.verify(signed("Formato A-3"));

    assertThat(result.status()).isEqualTo(SignatureStatus.VALID);
    assertThat(result.signerName()).isEqualTo("Rosa Quispe Mamani");
    assertThat(result.signingTime()).isNotNull();
    assertThat(result.message()).startsWith("Firma válida de Rosa Quispe Mamani (PAdES B, firmada según el firmante el ");
  }

  @Test
  void reportsAnUnsignedPdf() {
    assertThat(verifier.verify(TestPki.unsignedPdf("sin firma")).status()).isEqualTo(SignatureStatus.UNSIGNED);
  }

  @Test
  void reportsSomethingThatIsNotAPdf() {
    assertThat(verifier.verify("hola".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(SignatureStatus.NOT_A_PDF);
    assertThat(verifier.verify(new byte[0]).status()).isEqualTo(SignatureStatus.NOT_A_PDF);
    assertThat(verifier.verify(null).status()).isEqualTo(SignatureStatus.NOT_A_PDF);
    byte[] broken = Arrays.copyOf(signed("truncado"), 400);
    assertThat(verifier.verify(broken).status()).isIn(SignatureStatus.NOT_A_PDF, SignatureStatus.UNSIGNED);
  }

  @Test
  void reportsContentChangedInsideTheSignedBytes() {
    byte[] pdf = signed("Texto original firmado");
    int at = indexOf(pdf, "Texto original".getBytes(StandardCharsets.US_ASCII));
    assertThat(at).isPositive();
    pdf[at] = 'X';

    SignatureVerification result = verifier.verify(pdf);

    assertThat(result.status()).isEqualTo(SignatureStatus.INVALID_SIGNATURE);
    assertThat(result.message()).contains("no coincide");
  }

  @Test
  void reportsAPageChangedByAnUpdateAfterSigning() {
    SignatureVerification result = verifier.verify(TestPki.changePage(signed("Documento"), "Otro texto"));

    assertThat(result.status()).as(result.message()).isEqualTo(SignatureStatus.MODIFIED_AFTER_SIGNING);
    assertThat(result.message()).contains("modificado después de la firma de Rosa Quispe Mamani");
  }

  @Test
  void reportsAnObjectRedefinedByAnUpdateAfterSigning() {
    byte[] pdf = signed("Documento");
    byte[] extra = "\n1 0 obj\n<< >>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] appended = Arrays.copyOf(pdf, pdf.length + extra.length);
    System.arraycopy(extra, 0, appended, pdf.length, extra.length);

    SignatureVerification result = verifier.verify(appended);

    assertThat(result.status()).as(result.message()).isEqualTo(SignatureStatus.MODIFIED_AFTER_SIGNING);
  }

  @Test
  void reportsASignerFromAnUntrustedAuthority() {
    IssuedCertificate stranger = CertificateAuthority.create("Otra CA").issue("Firmante Ajeno");
    byte[] pdf = PdfSigner.sign(TestPki.unsignedPdf("ajeno"), stranger.privateKey(), stranger.chain(), "x");

    SignatureVerification result = verifier.verify(pdf);

    assertThat(result.status()).isEqualTo(SignatureStatus.UNTRUSTED_SIGNER);
    assertThat(result.signerName()).isEqualTo("Firmante Ajeno");
  }

  @Test
  void theAuthoritySurvivesSavingAndLoading(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ca.p12");
    CA.save(file, "clave".toCharArray());

    CertificateAuthority loaded = LocalPkiServer.get().publish(CertificateAuthority.load(file, "clave".toCharArray()));
    IssuedCertificate later = loaded.issue("Emitido Después");
    byte[] pdf = PdfSigner.sign(TestPki.unsignedPdf("después"), later.privateKey(), later.chain(), "x");

    assertThat(loaded.certificate()).isEqualTo(CA.certificate());
    assertThat(verifier.verify(pdf).status()).isEqualTo(SignatureStatus.VALID);
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

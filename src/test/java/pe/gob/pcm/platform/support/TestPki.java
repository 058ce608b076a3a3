package pe.gob.pcm.platform.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;
import pe.gob.pcm.platform.signature.CertificateAuthority;
import pe.gob.pcm.platform.signature.IssuedCertificate;
import pe.gob.pcm.platform.signature.PdfSigner;

/**
 * A PKI made by the tests themselves: a trusted test CA (written as the platform's trust store
 * before the context starts) and a second CA nobody trusts. Makes signed and unsigned PDFs.
 */
public final class TestPki {

  private static final char[] PASSWORD = "cambiame".toCharArray();
  private static final CertificateAuthority TRUSTED = CertificateAuthority.create("CA de Pruebas de la Plataforma");
  private static final CertificateAuthority UNTRUSTED = CertificateAuthority.create("CA Desconocida");
  private static final Map<String, IssuedCertificate> SIGNERS = new HashMap<>();
  private static final Path TRUST_STORE = Path.of("target", "test-pki", "truststore.p12");

  private TestPki() {}

  /** Points {@code platform.signature.trust-store} at the test CA before the context starts. */
  public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      try {
        Files.createDirectories(TRUST_STORE.getParent());
        TRUSTED.saveTrustStore(TRUST_STORE, PASSWORD);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
          "platform.signature.trust-store=" + TRUST_STORE.toAbsolutePath(),
          "platform.signature.trust-store-password=" + new String(PASSWORD));
    }
  }

  /** A one-page PDF with the given text, not signed. */
  public static byte[] unsignedPdf(String text) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      // uncompressed, so that tests can alter the signed text byte by byte
      try (PDPageContentStream content = new PDPageContentStream(document, page,
          PDPageContentStream.AppendMode.OVERWRITE, false)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 720);
        content.showText(text);
        content.endText();
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF signed by a certificate the test CA issued to {@code signer}. */
  public static byte[] signedPdf(String text, String signer) {
    IssuedCertificate certificate;
    synchronized (SIGNERS) {
      certificate = SIGNERS.computeIfAbsent(signer, TRUSTED::issue);
    }
    return PdfSigner.sign(unsignedPdf(text), certificate.privateKey(), certificate.chain(), "Firma de prueba");
  }

  /** Signs an existing PDF (an acta the platform generated) as {@code signer}, trusted by the platform. */
  public static byte[] sign(byte[] pdf, String signer) {
    IssuedCertificate certificate;
    synchronized (SIGNERS) {
      certificate = SIGNERS.computeIfAbsent(signer, TRUSTED::issue);
    }
    return PdfSigner.sign(pdf, certificate.privateKey(), certificate.chain(), "Firma de prueba");
  }

  /** A PDF validly signed, but by a CA the platform does not trust. */
  public static byte[] untrustedSignedPdf(String text) {
    IssuedCertificate certificate = UNTRUSTED.issue("Firmante Desconocido");
    return PdfSigner.sign(unsignedPdf(text), certificate.privateKey(), certificate.chain(), "Firma de prueba");
  }

  /** A signed PDF with bytes appended after signing: an incremental change the signature does not cover. */
  public static byte[] modifiedAfterSigning(String text, String signer) {
    byte[] signed = signedPdf(text, signer);
    byte[] extra = "\n% cambio posterior a la firma\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] result = java.util.Arrays.copyOf(signed, signed.length + extra.length);
    System.arraycopy(extra, 0, result, signed.length, extra.length);
    return result;
  }
}

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
import pe.gob.pcm.platform.signature.PdfSignatureVerifier;
import pe.gob.pcm.platform.signature.PdfSigner;
import pe.gob.pcm.platform.signature.SignatureTrust;
import pe.gob.pcm.platform.signature.TimestampAuthority;

/**
 * A PKI made by the tests themselves: a trusted test CA (written as the platform's trust store
 * before the context starts) whose CRL and OCSP responder are served over HTTP on 127.0.0.1, a
 * TSA it certified (served too: the platform's {@code platform.signature.tsa-url} in the tests),
 * and a second CA nobody trusts. Makes signed (PAdES B-LT) and unsigned PDFs.
 */
public final class TestPki {

  private static final char[] PASSWORD = "cambiame".toCharArray();
  private static final LocalPkiServer SERVER = LocalPkiServer.get();
  private static final CertificateAuthority TRUSTED =
      SERVER.publish(CertificateAuthority.create("CA de Pruebas de la Plataforma"));
  private static final CertificateAuthority UNTRUSTED = SERVER.publish(CertificateAuthority.create("CA Desconocida"));
  private static final TimestampAuthority TSA =
      new TimestampAuthority(TRUSTED.issueTimestampAuthority("TSA de Pruebas de la Plataforma"));
  private static final String TSA_URL = SERVER.serve(TSA);
  private static final SignatureTrust TRUST = new SignatureTrust(TRUSTED.trustStore());
  /** How the tests' "people" sign: B-T with the test TSA, extended to B-LT. */
  private static final PdfSigner SIGNER = new PdfSigner(TSA, TRUST);
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
          "platform.signature.trust-store-password=" + new String(PASSWORD),
          "platform.signature.tsa-url=" + TSA_URL);
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
    return SIGNER.signPdf(unsignedPdf(text), certificate.privateKey(), certificate.chain(), "Firma de prueba");
  }

  /** Signs an existing PDF (an acta the platform generated) as {@code signer}, trusted by the platform. */
  public static byte[] sign(byte[] pdf, String signer) {
    IssuedCertificate certificate;
    synchronized (SIGNERS) {
      certificate = SIGNERS.computeIfAbsent(signer, TRUSTED::issue);
    }
    return SIGNER.signPdf(pdf, certificate.privateKey(), certificate.chain(), "Firma de prueba");
  }

  /** A PDF validly signed, but by a CA the platform does not trust. */
  public static byte[] untrustedSignedPdf(String text) {
    IssuedCertificate certificate = UNTRUSTED.issue("Firmante Desconocido");
    return SIGNER.signPdf(unsignedPdf(text), certificate.privateKey(), certificate.chain(), "Firma de prueba");
  }

  /** The test CA (to issue or revoke certificates in a test). */
  public static CertificateAuthority authority() {
    return TRUSTED;
  }

  /** A verifier trusting the test CA, as the platform does in the tests. */
  public static PdfSignatureVerifier verifier() {
    return new PdfSignatureVerifier(TRUST);
  }

  /**
   * A signed PDF whose page was changed afterwards by an incremental update (new text drawn over
   * it): the signature still verifies over its own revision, but the document is not what was signed.
   */
  public static byte[] modifiedAfterSigning(String text, String signer) {
    return changePage(signedPdf(text, signer), "Texto agregado después de la firma");
  }

  /** Draws {@code text} on the first page, saved as an incremental update. */
  public static byte[] changePage(byte[] pdf, String text) {
    try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = document.getPage(0);
      try (PDPageContentStream content = new PDPageContentStream(document, page,
          PDPageContentStream.AppendMode.APPEND, false)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      page.getCOSObject().setNeedToBeUpdated(true);
      document.getPages().getCOSObject().setNeedToBeUpdated(true);
      document.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

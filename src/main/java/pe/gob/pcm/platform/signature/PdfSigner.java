package pe.gob.pcm.platform.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Calendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF with a detached CMS signature (adbe.pkcs7.detached, SHA-256 with RSA), saved as an
 * incremental update so that earlier signatures stay valid. Used by the demo profile's
 * "sign with the demo certificate" option and by the tests.
 */
public final class PdfSigner {

  private PdfSigner() {}

  public static byte[] sign(byte[] pdf, PrivateKey key, X509Certificate[] chain, String reason) {
    try (PDDocument document = Loader.loadPDF(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16_384)) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
      signature.setName(chain[0].getSubjectX500Principal().getName());
      signature.setReason(reason);
      signature.setSignDate(Calendar.getInstance());
      document.addSignature(signature, content -> {
        try {
          CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
          generator.addSignerInfoGenerator(
              new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                  .build(new JcaContentSignerBuilder("SHA256withRSA").build(key), chain[0]));
          generator.addCertificates(new JcaCertStore(Arrays.asList(chain)));
          return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false)
              .getEncoded();
        } catch (IOException e) {
          throw e;
        } catch (Exception e) {
          throw new IOException("No se pudo firmar el PDF", e);
        }
      });
      document.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("No se pudo firmar el PDF: " + e.getMessage(), e);
    }
  }
}

package pe.gob.pcm.platform.signature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Verifies the digital signature of a PDF (PAdES basic / CMS detached): present, covering the
 * whole file, cryptographically valid, and made with a certificate that chains to a trusted
 * authority at signing time. Never throws on bad input: every outcome is a result.
 *
 * <p>Revocation (OCSP/CRL) is not checked: these machines reach no CA service. A production
 * deployment with network access to the accredited CAs should add it (future work).
 */
public class PdfSignatureVerifier {

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  private final Set<TrustAnchor> anchors;

  public PdfSignatureVerifier(KeyStore trustStore) {
    Set<TrustAnchor> found = new HashSet<>();
    try {
      for (String alias : Collections.list(trustStore.aliases())) {
        if (trustStore.getCertificate(alias) instanceof X509Certificate certificate) {
          found.add(new TrustAnchor(certificate, null));
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Almacén de confianza ilegible", e);
    }
    this.anchors = Set.copyOf(found);
  }

  public SignatureVerification verify(byte[] pdf) {
    if (pdf == null || !startsWithPdfMagic(pdf)) {
      return SignatureVerification.of(SignatureStatus.NOT_A_PDF, "El archivo no es un PDF.");
    }
    PDSignature signature;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDSignature> signatures = document.getSignatureDictionaries();
      if (signatures.isEmpty()) {
        return SignatureVerification.of(SignatureStatus.UNSIGNED, "El documento no tiene firma digital.");
      }
      signature = widest(signatures);
    } catch (IOException | RuntimeException e) {
      return SignatureVerification.of(SignatureStatus.NOT_A_PDF, "El archivo no es un PDF legible.");
    }
    return verify(pdf, signature);
  }

  private SignatureVerification verify(byte[] pdf, PDSignature signature) {
    int[] range = signature.getByteRange();
    if (range == null || range.length != 4 || range[0] != 0 || range[1] < 0 || range[2] < range[1]
        || range[3] < 0 || (long) range[2] + range[3] > pdf.length) {
      return SignatureVerification.of(SignatureStatus.INVALID_SIGNATURE,
          "La firma digital no es válida: su rango de bytes es incorrecto.");
    }
    X509Certificate signer;
    Instant signingTime;
    List<X509Certificate> certificates = new ArrayList<>();
    try {
      byte[] signedContent = signature.getSignedContent(pdf);
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent),
          signature.getContents(pdf));
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
      for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
        certificates.add(converter.getCertificate(holder));
      }
      SignerInformation info = cms.getSignerInfos().getSigners().stream().findFirst().orElse(null);
      if (info == null) {
        return SignatureVerification.of(SignatureStatus.INVALID_SIGNATURE,
            "La firma digital no es válida: no identifica al firmante.");
      }
      @SuppressWarnings("unchecked")
      var matches = cms.getCertificates().getMatches(info.getSID());
      if (matches.isEmpty()) {
        return SignatureVerification.of(SignatureStatus.INVALID_SIGNATURE,
            "La firma digital no es válida: no incluye el certificado del firmante.");
      }
      signer = converter.getCertificate((X509CertificateHolder) matches.iterator().next());
      signingTime = signingTime(info, signature);
      try {
        if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signer))) {
          return invalid(signer, signingTime);
        }
      } catch (CMSVerifierCertificateNotValidException e) {
        return new SignatureVerification(SignatureStatus.UNTRUSTED_SIGNER, commonName(signer), signingTime,
            "El certificado del firmante (" + commonName(signer) + ") no estaba vigente al firmar.");
      } catch (CMSException e) {
        return invalid(signer, signingTime);
      }
    } catch (IOException | CMSException | GeneralSecurityException
        | org.bouncycastle.operator.OperatorCreationException | RuntimeException e) {
      return SignatureVerification.of(SignatureStatus.INVALID_SIGNATURE,
          "La firma digital no es válida: no se pudo leer.");
    }
    String name = commonName(signer);
    if ((long) range[2] + range[3] != pdf.length) {
      return new SignatureVerification(SignatureStatus.MODIFIED_AFTER_SIGNING, name, signingTime,
          "El documento fue modificado después de ser firmado por " + name + ".");
    }
    if (!chainsToTrustedAuthority(signer, certificates, signingTime)) {
      return new SignatureVerification(SignatureStatus.UNTRUSTED_SIGNER, name, signingTime,
          "El certificado del firmante (" + name
              + ") no proviene de una entidad de certificación de confianza.");
    }
    return new SignatureVerification(SignatureStatus.VALID, name, signingTime,
        "Firma digital válida de " + name + ".");
  }

  private static SignatureVerification invalid(X509Certificate signer, Instant signingTime) {
    return new SignatureVerification(SignatureStatus.INVALID_SIGNATURE, commonName(signer), signingTime,
        "La firma digital no es válida: el contenido firmado no coincide con el documento.");
  }

  private boolean chainsToTrustedAuthority(X509Certificate signer, List<X509Certificate> certificates,
      Instant at) {
    if (anchors.isEmpty()) {
      return false;
    }
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(signer);
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(at));
      parameters.addCertStore(CertStore.getInstance("Collection",
          new CollectionCertStoreParameters(certificates)));
      CertPathBuilder.getInstance("PKIX").build(parameters);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The signature covering the most bytes: the last one applied. */
  private static PDSignature widest(List<PDSignature> signatures) {
    PDSignature best = signatures.get(signatures.size() - 1);
    long bestEnd = -1;
    for (PDSignature s : signatures) {
      int[] r = s.getByteRange();
      long end = r != null && r.length == 4 ? (long) r[2] + r[3] : -1;
      if (end > bestEnd) {
        bestEnd = end;
        best = s;
      }
    }
    return best;
  }

  private static Instant signingTime(SignerInformation info, PDSignature signature) {
    if (info.getSignedAttributes() != null) {
      Attribute attribute = info.getSignedAttributes().get(CMSAttributes.signingTime);
      if (attribute != null && attribute.getAttrValues().size() > 0) {
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        return Time.getInstance(value).getDate().toInstant();
      }
    }
    return signature.getSignDate() != null ? signature.getSignDate().toInstant() : Instant.now();
  }

  static String commonName(X509Certificate certificate) {
    X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    RDN[] cn = name.getRDNs(BCStyle.CN);
    return cn.length > 0 ? IETFUtils.valueToString(cn[0].getFirst().getValue())
        : certificate.getSubjectX500Principal().getName();
  }

  private static boolean startsWithPdfMagic(byte[] content) {
    // Some producers put a few bytes before the header; PDF readers accept it within 1 KB.
    int limit = Math.min(content.length - PDF_MAGIC.length, 1024);
    outer:
    for (int i = 0; i <= limit; i++) {
      for (int j = 0; j < PDF_MAGIC.length; j++) {
        if (content[i + j] != PDF_MAGIC[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}

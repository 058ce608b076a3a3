package pe.gob.pcm.platform.signature;

import eu.europa.esig.dss.diagnostic.CertificateRevocationWrapper;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies every digital signature of a PDF with the EU's DSS (ETSI EN 319 102-1 validation,
 * DSS's default policy): integrity, the signer's chain up to the configured trust store,
 * revocation by OCSP or CRL (at the time the signature is proven to exist: its timestamp, when
 * there is a valid one), the timestamp itself, and the revision each signature covers.
 * Incremental updates after a signature that only add signatures, validation data (DSS/VRI) or
 * timestamps are allowed; anything else (a page, an annotation, any other object changed) makes
 * the document "modificado después de la firma". Never throws on bad input: every outcome is a
 * result, in Spanish.
 */
public class PdfSignatureVerifier {

  private static final Logger log = LoggerFactory.getLogger(PdfSignatureVerifier.class);
  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
      .withZone(ZoneId.of("America/Lima"));

  private final SignatureTrust trust;
  /** DSS's default validation policy, parsed once (JAXB): shared, read-only. */
  private final ValidationPolicy policy;

  public PdfSignatureVerifier(SignatureTrust trust) {
    this.trust = trust;
    this.policy = ValidationPolicyLoader.fromDefaultValidationPolicy().create();
  }

  /** Trusting the given store's certificates, with revocation fetched over the network. */
  public PdfSignatureVerifier(KeyStore trustStore) {
    this(new SignatureTrust(trustStore));
  }

  public SignatureTrust trust() {
    return trust;
  }

  public SignatureVerification verify(byte[] pdf) {
    if (pdf == null || !startsWithPdfMagic(pdf)) {
      return SignatureVerification.of(SignatureStatus.NOT_A_PDF, "El archivo no es un PDF.");
    }
    try (PDDocument document = Loader.loadPDF(pdf)) {
      if (document.getSignatureDictionaries().isEmpty()) {
        return SignatureVerification.of(SignatureStatus.UNSIGNED, "El documento no tiene firma digital.");
      }
    } catch (IOException | RuntimeException e) {
      return SignatureVerification.of(SignatureStatus.NOT_A_PDF, "El archivo no es un PDF legible.");
    }
    Reports reports;
    try {
      PDFDocumentValidator validator = new PDFDocumentValidator(new InMemoryDocument(pdf));
      validator.setCertificateVerifier(trust.verifier());
      reports = validator.validateDocument(policy);
    } catch (RuntimeException e) {
      log.info("DSS no pudo validar el PDF: {}", e.toString());
      return SignatureVerification.of(SignatureStatus.INVALID_SIGNATURE,
          "La firma digital no es válida: no se pudo leer.");
    }
    List<SignatureWrapper> signatures = new ArrayList<>(reports.getDiagnosticData().getSignatures());
    if (signatures.isEmpty()) {
      return SignatureVerification.of(SignatureStatus.UNSIGNED, "El documento no tiene firma digital.");
    }
    signatures.sort(Comparator.comparingLong(PdfSignatureVerifier::signedEnd));
    List<Long> revisionEnds = revisionEnds(pdf);
    boolean trailingJunk = trailingJunk(pdf, signedEnd(signatures.get(signatures.size() - 1)));
    List<SignatureCheck> checks = new ArrayList<>();
    for (SignatureWrapper signature : signatures) {
      checks.add(check(checks.size() + 1, signature, reports.getSimpleReport(), revisionEnds, trailingJunk));
    }
    return summary(checks);
  }

  private static SignatureVerification summary(List<SignatureCheck> checks) {
    String signers = checks.stream().map(SignatureCheck::signerName).collect(Collectors.joining("; "));
    SignatureCheck first = checks.get(0);
    SignatureCheck problem = checks.stream().filter(c -> !c.valid()).findFirst().orElse(null);
    Instant last = checks.get(checks.size() - 1).signingTime();
    if (problem == null) {
      String message = checks.stream().map(SignatureCheck::message).collect(Collectors.joining(" "));
      return new SignatureVerification(SignatureStatus.VALID, signers, last, message, checks);
    }
    String message = checks.size() == 1 ? problem.message()
        : "Firma " + problem.position() + " de " + checks.size() + ": " + problem.message();
    return new SignatureVerification(problem.status(), signers, first.signingTime(), message, checks);
  }

  private SignatureCheck check(int position, SignatureWrapper signature, SimpleReport simple, List<Long> revisionEnds,
      boolean trailingJunk) {
    CertificateWrapper signer = signature.getSigningCertificate();
    String name = signer != null && signer.getCommonName() != null ? signer.getCommonName()
        : signature.getPDFRevision() != null && signature.getPDFRevision().getSignerName() != null
            ? signature.getPDFRevision().getSignerName() : "firmante desconocido";
    String serial = signer == null ? null : signer.getSubjectSerialNumber();
    Instant claimed = instant(signature.getClaimedSigningTime());
    TimestampWrapper timestamp = signature.getSignatureTimestamps().stream()
        .filter(PdfSignatureVerifier::validTimestamp)
        .min(Comparator.comparing(TimestampWrapper::getProductionTime)).orElse(null);
    Instant stamped = timestamp == null ? null : timestamp.getProductionTime().toInstant();
    boolean badTimestamp = timestamp == null && !signature.getSignatureTimestamps().isEmpty();
    String level = level(simple.getSignatureFormat(signature.getId()), stamped != null);
    long end = signedEnd(signature);
    int revision = (int) revisionEnds.stream().filter(e -> e <= end).count();
    int revisions = revisionEnds.size();
    CertificateRevocationWrapper revocation = signer == null ? null : signer.getCertificateRevocationData().stream()
        .filter(CertificateRevocationWrapper::isRevoked).findFirst().orElse(null);
    Instant revokedAt = revocation == null ? null : instant(revocation.getRevocationDate());

    Indication indication = simple.getIndication(signature.getId());
    SubIndication sub = simple.getSubIndication(signature.getId());
    SignatureStatus status;
    String message;
    String when = stamped != null ? ", sellada en tiempo el " + WHEN.format(stamped)
        : claimed != null ? ", firmada según el firmante el " + WHEN.format(claimed) : "";
    if (!signature.isSignatureIntact() || !signature.isBLevelTechnicallyValid()
        || sub == SubIndication.HASH_FAILURE || sub == SubIndication.SIG_CRYPTO_FAILURE) {
      status = SignatureStatus.INVALID_SIGNATURE;
      message = "La firma digital de " + name
          + " no es válida: el contenido firmado no coincide con el documento (fue alterado).";
    } else if (trailingJunk || modifiedAfter(signature.getPDFRevision())) {
      status = SignatureStatus.MODIFIED_AFTER_SIGNING;
      message = "El documento fue modificado después de la firma de " + name
          + ": se cambió su contenido, no solo se agregaron firmas o sellos de tiempo.";
    } else if (!signature.isTrustedChain() || sub == SubIndication.NO_CERTIFICATE_CHAIN_FOUND
        || sub == SubIndication.NO_CERTIFICATE_CHAIN_FOUND_NO_POE) {
      status = SignatureStatus.UNTRUSTED_SIGNER;
      message = "El certificado del firmante (" + name
          + ") no proviene de una entidad de certificación de confianza.";
    } else if (badTimestamp) {
      status = SignatureStatus.INVALID_SIGNATURE;
      message = "La firma de " + name + " tiene un sello de tiempo que no es válido o no proviene de una"
          + " autoridad de sellado de tiempo de confianza.";
    } else if (indication == Indication.TOTAL_PASSED || indication == Indication.PASSED) {
      status = SignatureStatus.VALID;
      message = "Firma válida de " + name + " (PAdES " + level + when + ")"
          + (revokedAt != null ? "; su certificado fue revocado después, el " + WHEN.format(revokedAt) : "")
          + ".";
    } else if (revokedAt != null || sub == SubIndication.REVOKED || sub == SubIndication.REVOKED_NO_POE
        || sub == SubIndication.REVOKED_CA_NO_POE) {
      status = SignatureStatus.REVOKED;
      message = "El certificado del firmante (" + name + ") fue revocado"
          + (revokedAt != null ? " el " + WHEN.format(revokedAt) : "")
          + (stamped != null ? ", antes del sello de tiempo de la firma (" + WHEN.format(stamped) + ")"
              : ", y no hay un sello de tiempo que pruebe que la firma es anterior")
          + ".";
    } else if (sub == SubIndication.OUT_OF_BOUNDS_NO_POE || sub == SubIndication.OUT_OF_BOUNDS_NOT_REVOKED
        || sub == SubIndication.EXPIRED || sub == SubIndication.NOT_YET_VALID
        || outsideValidity(signer, stamped != null ? stamped : claimed)) {
      status = SignatureStatus.CERTIFICATE_EXPIRED;
      message = "El certificado del firmante (" + name + ") no estaba vigente al firmar"
          + (signer != null ? " (vigente del " + WHEN.format(signer.getNotBefore().toInstant()) + " al "
              + WHEN.format(signer.getNotAfter().toInstant()) + ")" : "") + ".";
    } else if (sub == SubIndication.TRY_LATER || signer != null && !signer.isRevocationDataAvailable()) {
      status = SignatureStatus.REVOCATION_UNKNOWN;
      message = "No se pudo comprobar si el certificado del firmante (" + name + ") fue revocado: no"
          + " respondió el servicio de revocación (CRL/OCSP) de su entidad de certificación. Intente más tarde.";
    } else {
      status = SignatureStatus.INVALID_SIGNATURE;
      message = "La firma digital de " + name + " no es válida (" + indication + (sub != null ? " / " + sub : "")
          + ": " + simple.getAdESValidationErrors(signature.getId()).stream()
              .map(m -> m.getValue()).collect(Collectors.joining("; ")) + ").";
    }
    return new SignatureCheck(position, name, serial, claimed, stamped, level, status, message,
        revision, revisions, revokedAt);
  }

  /** Anything but signatures, form fill of signature fields, DSS/VRI or timestamps, after signing. */
  private static boolean modifiedAfter(PDFRevisionWrapper revision) {
    if (revision == null) {
      return false;
    }
    return !revision.getPdfUndefinedChanges().isEmpty()
        || !revision.getPdfAnnotationChanges().isEmpty()
        || !revision.getPdfPageDifferenceConcernedPages().isEmpty()
        || !revision.getPdfVisualDifferenceConcernedPages().isEmpty()
        || !revision.getPdfAnnotationsOverlapConcernedPages().isEmpty();
  }

  private static boolean outsideValidity(CertificateWrapper signer, Instant at) {
    return signer != null && at != null && signer.getNotAfter() != null && signer.getNotBefore() != null
        && (at.isAfter(signer.getNotAfter().toInstant()) || at.isBefore(signer.getNotBefore().toInstant()));
  }

  /**
   * Bytes after the last signature that are not an incremental update (no cross-reference):
   * DSS does not see them as a revision, but a lenient PDF reader may read the objects in them.
   */
  private static boolean trailingJunk(byte[] pdf, long lastSignedEnd) {
    if (lastSignedEnd >= pdf.length || lastSignedEnd < 0) {
      return false;
    }
    String tail = new String(pdf, (int) lastSignedEnd, pdf.length - (int) lastSignedEnd, StandardCharsets.ISO_8859_1);
    return !tail.isBlank() && !tail.contains("startxref");
  }

  private static boolean validTimestamp(TimestampWrapper timestamp) {
    return timestamp.isMessageImprintDataFound() && timestamp.isMessageImprintDataIntact()
        && timestamp.isSignatureValid() && timestamp.isTrustedChain();
  }

  private static String level(SignatureLevel format, boolean stamped) {
    if (format == null) {
      return stamped ? "T" : "B";
    }
    String name = format.name();
    for (String level : new String[] {"LTA", "LT", "T", "B"}) {
      if (name.endsWith("_" + level)) {
        return level;
      }
    }
    return format.toString();
  }

  private static long signedEnd(SignatureWrapper signature) {
    PDFRevisionWrapper revision = signature.getPDFRevision();
    List<BigInteger> range = revision == null ? null : revision.getSignatureByteRange();
    if (range == null || range.size() != 4) {
      return Long.MAX_VALUE;
    }
    return range.get(2).longValue() + range.get(3).longValue();
  }

  /** Offsets just after each "%%EOF" marker: the ends of the file's revisions. */
  private static List<Long> revisionEnds(byte[] pdf) {
    List<Long> ends = new ArrayList<>();
    outer:
    for (int i = 0; i <= pdf.length - EOF_MARKER.length; i++) {
      for (int j = 0; j < EOF_MARKER.length; j++) {
        if (pdf[i + j] != EOF_MARKER[j]) {
          continue outer;
        }
      }
      long end = i + EOF_MARKER.length;
      // the end of line after %%EOF belongs to the revision
      while (end < pdf.length && (pdf[(int) end] == '\r' || pdf[(int) end] == '\n')) {
        end++;
      }
      ends.add(end);
    }
    return ends;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
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

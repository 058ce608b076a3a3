package pe.gob.pcm.platform.signature;

import java.time.Instant;

/**
 * One signature of a PDF, as judged by the verifier.
 *
 * @param position 1 for the first signature applied, 2 for the next...
 * @param signerName the signing certificate's common name
 * @param signerSerialNumber the subject's serialNumber attribute (in Peru's certificates, the
 *     DNI or RUC), or null
 * @param claimedSigningTime the time the signer's software claims (not proof)
 * @param timestampTime the time of a valid signature timestamp (proof of existence), or null
 * @param level PAdES baseline level: B, T, LT or LTA (or the DSS format for other kinds)
 * @param revision the PDF revision (incremental save, 1 = original file) this signature covers
 * @param revisions how many revisions the file has
 * @param revokedAt when the signer's certificate was revoked, if it was
 */
public record SignatureCheck(
    int position,
    String signerName,
    String signerSerialNumber,
    Instant claimedSigningTime,
    Instant timestampTime,
    String level,
    SignatureStatus status,
    String message,
    int revision,
    int revisions,
    Instant revokedAt) {

  public boolean valid() {
    return status == SignatureStatus.VALID;
  }

  /** The time the signature is known to have existed: its timestamp, else the claimed time. */
  public Instant signingTime() {
    return timestampTime != null ? timestampTime : claimedSigningTime;
  }
}

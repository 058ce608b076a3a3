package pe.gob.pcm.platform.signature;

import java.time.Instant;
import java.util.List;

/**
 * What the verifier found, with a sentence in Spanish for the person who decides or must fix it.
 * {@code status} is VALID only when every signature is; otherwise it is the first problem found,
 * in signing order. {@code signerName} names every signer, in order, separated by "; ".
 */
public record SignatureVerification(
    SignatureStatus status, String signerName, Instant signingTime, String message,
    List<SignatureCheck> signatures) {

  public SignatureVerification {
    signatures = signatures == null ? List.of() : List.copyOf(signatures);
  }

  public SignatureVerification(SignatureStatus status, String signerName, Instant signingTime, String message) {
    this(status, signerName, signingTime, message, List.of());
  }

  public boolean valid() {
    return status == SignatureStatus.VALID;
  }

  static SignatureVerification of(SignatureStatus status, String message) {
    return new SignatureVerification(status, null, null, message, List.of());
  }
}

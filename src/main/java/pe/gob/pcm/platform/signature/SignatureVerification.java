package pe.gob.pcm.platform.signature;

import java.time.Instant;

/** What the verifier found, with a sentence in Spanish for the person who must fix it. */
public record SignatureVerification(
    SignatureStatus status, String signerName, Instant signingTime, String message) {

  public boolean valid() {
    return status == SignatureStatus.VALID;
  }

  static SignatureVerification of(SignatureStatus status, String message) {
    return new SignatureVerification(status, null, null, message);
  }
}

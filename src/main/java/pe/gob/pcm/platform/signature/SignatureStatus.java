package pe.gob.pcm.platform.signature;

/** Outcome of checking a PDF's digital signature (one signature, or the whole document). */
public enum SignatureStatus {
  VALID,
  /** Not a readable PDF at all. */
  NOT_A_PDF,
  UNSIGNED,
  /** The CMS does not verify: unreadable, wrong digest, wrong signature value, or a bad timestamp. */
  INVALID_SIGNATURE,
  /**
   * Something other than signatures, validation data (DSS) or timestamps was added or changed
   * after the signature (an incremental update that alters pages, annotations or other objects).
   */
  MODIFIED_AFTER_SIGNING,
  /** The signer's certificate does not chain to a trusted authority. */
  UNTRUSTED_SIGNER,
  /** The signer's certificate was revoked before the signature is known to have existed. */
  REVOKED,
  /** The signer's certificate was not valid (expired or not yet valid) when signing. */
  CERTIFICATE_EXPIRED,
  /** No CRL/OCSP answer could be had to tell whether the signer's certificate is revoked. */
  REVOCATION_UNKNOWN
}

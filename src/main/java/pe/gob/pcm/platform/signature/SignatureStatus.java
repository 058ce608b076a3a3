package pe.gob.pcm.platform.signature;

/** Outcome of checking a PDF's digital signature. */
public enum SignatureStatus {
  VALID,
  /** Not a readable PDF at all. */
  NOT_A_PDF,
  UNSIGNED,
  /** The CMS does not verify: unreadable, wrong digest, or wrong signature value. */
  INVALID_SIGNATURE,
  /** The signature does not cover the whole file: something was added or changed after signing. */
  MODIFIED_AFTER_SIGNING,
  /** The signer's certificate does not chain to a trusted authority, or was not valid when signing. */
  UNTRUSTED_SIGNER
}

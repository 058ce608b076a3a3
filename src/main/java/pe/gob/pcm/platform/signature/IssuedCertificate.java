package pe.gob.pcm.platform.signature;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A signing certificate with its key and its chain (signer first). */
public record IssuedCertificate(PrivateKey privateKey, X509Certificate certificate, X509Certificate[] chain) {}

package pe.gob.pcm.platform.signature;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo PKI over HTTP, at the addresses its certificates name (platform.signature.demo-pki-url):
 * the CA certificate, its CRL, its OCSP responder and the demo TSA, so that a validator outside the
 * platform (Adobe Reader, the EU DSS demonstration, a remote SGD) can check the demo's signatures
 * as it would check the IOFE's. Inside, the platform answers the same URLs without HTTP
 * (LocalFirstDataLoader). Open, as every CRL and OCSP responder is; demo profile only.
 */
@RestController
@Profile("demo")
@Hidden
@RequestMapping("/pki/demo")
public class DemoPkiController {

  /** An OCSP request or a time-stamp query is a few hundred bytes; anything much larger is not one. */
  static final int MAX_REQUEST = 64 * 1024;

  private final DemoPki pki;

  public DemoPkiController(DemoPki pki) {
    this.pki = pki;
  }

  @GetMapping(value = "/ca.crt", produces = "application/pkix-cert")
  public byte[] certificate() throws CertificateEncodingException {
    return pki.caCertificate().getEncoded();
  }

  @GetMapping(value = "/ca.crl", produces = "application/pkix-crl")
  public byte[] crl() {
    return pki.crl();
  }

  @PostMapping(value = "/ocsp", consumes = "application/ocsp-request", produces = "application/ocsp-response")
  public ResponseEntity<byte[]> ocsp(@RequestBody byte[] request) {
    if (request.length > MAX_REQUEST) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.TEXT_PLAIN)
          .body("Solicitud OCSP demasiado grande.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/ocsp-response"))
        .body(pki.ocsp(request));
  }

  @PostMapping(value = "/tsa", consumes = "application/timestamp-query", produces = "application/timestamp-reply")
  public ResponseEntity<byte[]> timestamp(@RequestBody byte[] query) {
    if (query.length > MAX_REQUEST) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.TEXT_PLAIN)
          .body("Solicitud de sello de tiempo demasiado grande.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    byte[] reply;
    try {
      reply = pki.timestamp(query);
    } catch (IOException | RuntimeException notAQuery) {
      return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
          .body("No es una solicitud de sello de tiempo RFC 3161.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/timestamp-reply")).body(reply);
  }
}

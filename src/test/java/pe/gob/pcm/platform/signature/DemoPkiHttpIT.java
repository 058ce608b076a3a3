package pe.gob.pcm.platform.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * The demo PKI as a validator outside the platform reaches it, over real HTTP: the CA certificate,
 * a CRL signed by it, an OCSP answer for a certificate it issued, and an RFC 3161 time stamp; bad
 * requests get an answer, not an error page.
 */
@PlatformTest
class DemoPkiHttpIT {

  @LocalServerPort int port;
  @Autowired DemoPki pki;
  final HttpClient client = HttpClient.newHttpClient();

  HttpResponse<byte[]> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> post(String path, String type, byte[] body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theCaItsCrlItsOcspAndItsTsaAnswerOverHttp() throws Exception {
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    HttpResponse<byte[]> ca = get("/pki/demo/ca.crt");
    assertThat(ca.statusCode()).isEqualTo(200);
    X509Certificate caCertificate = (X509Certificate) x509.generateCertificate(new ByteArrayInputStream(ca.body()));
    assertThat(caCertificate).isEqualTo(pki.caCertificate());

    HttpResponse<byte[]> crl = get("/pki/demo/ca.crl");
    assertThat(crl.statusCode()).isEqualTo(200);
    assertThat(crl.headers().firstValue("Content-Type").orElse("")).startsWith("application/pkix-crl");
    X509CRL list = (X509CRL) x509.generateCRL(new ByteArrayInputStream(crl.body()));
    list.verify(caCertificate.getPublicKey());

    // an entity's signing certificate, issued by the demo CA: good, answered and signed by the CA
    // a key of its own: an entity key is kept with the name it was first made with, which other tests read
    X509Certificate issued = pki.userKey("prueba.pki.http", "Prueba PKI HTTP").certificate();
    assertThat(list.isRevoked(issued)).isFalse();
    CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
        new JcaX509CertificateHolder(caCertificate), issued.getSerialNumber());
    HttpResponse<byte[]> ocsp = post("/pki/demo/ocsp", "application/ocsp-request",
        new OCSPReqBuilder().addRequest(id).build().getEncoded());
    assertThat(ocsp.statusCode()).isEqualTo(200);
    OCSPResp answer = new OCSPResp(ocsp.body());
    assertThat(answer.getStatus()).isEqualTo(OCSPRespBuilder.SUCCESSFUL);
    BasicOCSPResp basic = (BasicOCSPResp) answer.getResponseObject();
    assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(caCertificate.getPublicKey()))).isTrue();
    assertThat(basic.getResponses()[0].getCertID().getSerialNumber()).isEqualTo(issued.getSerialNumber());
    assertThat(basic.getResponses()[0].getCertStatus()).isNull(); // null = good
    // not an OCSP request: a "malformed request" answer, not an error page
    HttpResponse<byte[]> malformed = post("/pki/demo/ocsp", "application/ocsp-request", "hola".getBytes());
    assertThat(new OCSPResp(malformed.body()).getStatus()).isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);

    byte[] digest = MessageDigest.getInstance("SHA-256").digest("documento".getBytes());
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    var query = generator.generate(NISTObjectIdentifiers.id_sha256, digest, BigInteger.valueOf(System.nanoTime()));
    HttpResponse<byte[]> stamped = post("/pki/demo/tsa", "application/timestamp-query", query.getEncoded());
    assertThat(stamped.statusCode()).isEqualTo(200);
    TimeStampResponse reply = new TimeStampResponse(stamped.body());
    reply.validate(query);
    assertThat(reply.getTimeStampToken().getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
    assertThat(post("/pki/demo/tsa", "application/timestamp-query", "hola".getBytes()).statusCode()).isEqualTo(400);
  }
}

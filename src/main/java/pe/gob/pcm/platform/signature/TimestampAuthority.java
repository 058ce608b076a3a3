package pe.gob.pcm.platform.signature;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A small RFC 3161 time-stamping authority made with BouncyCastle: the demo's TSA (its
 * certificate issued by the demo CA) and the tests'. It answers DER time-stamp requests (what an
 * HTTP TSA receives) and is also a DSS {@link TSPSource}, so the platform's own signatures get
 * their timestamp in-process, with no network and no setup. Not for production: there, point
 * {@code platform.signature.tsa-url} at an accredited TSA.
 */
public final class TimestampAuthority implements TSPSource {

  private static final long serialVersionUID = 1L;
  /** The TSA policy of these demo/test timestamps (an arbitrary private OID, not a real policy). */
  private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final transient IssuedCertificate key;

  public TimestampAuthority(IssuedCertificate key) {
    this.key = key;
  }

  public IssuedCertificate key() {
    return key;
  }

  /** Answers a DER-encoded {@code TimeStampReq} with a DER-encoded {@code TimeStampResp}. */
  public byte[] respond(byte[] request) throws IOException {
    try {
      TimeStampRequest parsed = new TimeStampRequest(request);
      TimeStampResponseGenerator responder = new TimeStampResponseGenerator(generator(), TSPAlgorithms.ALLOWED);
      TimeStampResponse response = responder.generateGrantedResponse(parsed,
          new BigInteger(64, RANDOM).abs().add(BigInteger.ONE), new Date());
      return response.getEncoded();
    } catch (TSPException e) {
      throw new IOException("Solicitud de sello de tiempo no válida", e);
    }
  }

  @Override
  public TimestampBinary getTimeStampResponse(DigestAlgorithm digestAlgorithm, byte[] digest) throws DSSException {
    try {
      TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
      requests.setCertReq(true);
      TimeStampRequest request = requests.generate(new ASN1ObjectIdentifier(digestAlgorithm.getOid()), digest,
          new BigInteger(64, RANDOM).abs());
      TimeStampResponse response = new TimeStampResponse(respond(request.getEncoded()));
      response.validate(request);
      return new TimestampBinary(response.getTimeStampToken().getEncoded());
    } catch (IOException | TSPException e) {
      throw new DSSException("No se pudo sellar en tiempo: " + e.getMessage(), e);
    }
  }

  private TimeStampTokenGenerator generator() {
    try {
      var signerInfo = new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", key.privateKey(), key.certificate());
      TimeStampTokenGenerator generator = new TimeStampTokenGenerator(signerInfo,
          new JcaDigestCalculatorProviderBuilder().build().get(
              new org.bouncycastle.asn1.x509.AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
          POLICY);
      generator.addCertificates(new JcaCertStore(Arrays.asList(key.chain())));
      return generator;
    } catch (Exception e) {
      throw new IllegalStateException("TSA local mal configurada", e);
    }
  }
}

package pe.gob.pcm.platform.tramite.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TestPki;
import pe.gob.pcm.platform.tramite.TramiteTestEnvelopes;

/**
 * wsiotramite behind mutual TLS, as docs/deployment.md configures it: the test makes a CA (the
 * PIDE's), the server's certificate and a client certificate, and a second CA nobody trusts;
 * the platform starts with {@code platform.tramite.mutual-tls}. A call with the PIDE's client
 * certificate is received; without one, or with one of another CA, the handshake fails; on the
 * plain port wsiotramite refuses (403) and stores nothing; the TLS port serves nothing else.
 */
@PlatformTest
class MutualTlsIT {

  /** This context's own engine (see OnboardingIT): its connectors differ from the shared context's. */
  static final String ENGINE = "tlsmutuo"; // no hyphen: Camunda would ignore the name and take "default"
  static final char[] PASSWORD = "cambiame".toCharArray();
  static final Path DIR = Path.of("target", "test-mtls");
  static final Pki PIDE = new Pki("CA de la PIDE (prueba)");
  static final Pki STRANGER = new Pki("CA desconocida");
  static final Path SERVER = DIR.resolve("servidor.p12");
  static final Path TRUST = DIR.resolve("ca-pide.p12");
  static final KeyStore CLIENT = PIDE.keyStore("PIDE cliente (prueba)", false);
  static final KeyStore STRANGER_CLIENT = STRANGER.keyStore("Otro cliente", false);

  static {
    try {
      Files.createDirectories(DIR);
      save(PIDE.keyStore("localhost", true), SERVER);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca-pide", PIDE.certificate);
      save(trust, TRUST);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void mutualTls(DynamicPropertyRegistry registry) {
    registry.add("camunda.bpm.process-engine-name", () -> ENGINE);
    registry.add("platform.tramite.mutual-tls.enabled", () -> "true");
    registry.add("platform.tramite.mutual-tls.port", () -> "0");
    registry.add("platform.tramite.mutual-tls.key-store", () -> SERVER.toAbsolutePath().toString());
    registry.add("platform.tramite.mutual-tls.key-store-password", () -> new String(PASSWORD));
    registry.add("platform.tramite.mutual-tls.trust-store", () -> TRUST.toAbsolutePath().toString());
    registry.add("platform.tramite.mutual-tls.trust-store-password", () -> new String(PASSWORD));
  }

  @LocalServerPort int plainPort;
  @Autowired org.camunda.bpm.engine.ProcessEngine ownEngine;
  @Autowired MutualTlsConnector connector;
  @Autowired RuntimeService runtime;

  @Test
  void thisContextRunsItsOwnEngine() {
    assertThat(ownEngine.getName()).as("an engine named 'default' would replace the shared context's in Camunda's"
        + " static registry, where every context's REST API looks it up").isEqualTo(ENGINE);
  }

  @Test
  void thePidesClientCertificateIsAcceptedAndTheDocumentReceived() throws Exception {
    String cuo = TramiteTestEnvelopes.newCuo();
    HttpResponse<String> answer = post(client(CLIENT), "https://localhost:" + connector.localPort() + "/wsiotramite/Tramite",
        TramiteTestEnvelopes.reception(cuo, "20168999926", "20601234565", TestPki.unsignedPdf("Oficio " + cuo)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("<vcodres>0000</vcodres>");
    assertThat(stored(cuo)).isEqualTo(1);
  }

  @Test
  void withoutAClientCertificateOrWithAnotherCasTheHandshakeFails() {
    String url = "https://localhost:" + connector.localPort() + "/wsiotramite/Tramite";
    String cuo = TramiteTestEnvelopes.newCuo();
    String envelope = TramiteTestEnvelopes.reception(cuo, "20168999926", "20601234565", TestPki.unsignedPdf("Oficio " + cuo));
    assertThatThrownBy(() -> post(client(null), url, envelope)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> post(client(STRANGER_CLIENT), url, envelope)).isInstanceOf(IOException.class);
    assertThat(stored(cuo)).isZero();
  }

  @Test
  void onThePlainPortWsIoTramiteIsRefusedAndNothingStored() throws Exception {
    String cuo = TramiteTestEnvelopes.newCuo();
    HttpResponse<String> answer = post(HttpClient.newHttpClient(), "http://localhost:" + plainPort + "/wsiotramite/Tramite",
        TramiteTestEnvelopes.reception(cuo, "20168999926", "20601234565", TestPki.unsignedPdf("Oficio " + cuo)));
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("Se requiere TLS mutuo con un certificado de cliente emitido por la CA de la PIDE");
    assertThat(stored(cuo)).isZero();
  }

  @Test
  void theMutualTlsPortServesOnlyWsIoTramite() throws Exception {
    HttpResponse<String> other = client(CLIENT).send(HttpRequest.newBuilder(
        URI.create("https://localhost:" + connector.localPort() + "/api/entidades")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).isEqualTo(404);
    HttpResponse<String> wsdl = client(CLIENT).send(HttpRequest.newBuilder(
        URI.create("https://localhost:" + connector.localPort() + "/wsiotramite/Tramite?wsdl")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(wsdl.statusCode()).isEqualTo(200);
    assertThat(wsdl.body()).contains("recepcionarTramiteResponse");
  }

  private long stored(String cuo) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("%" + cuo + "%").count();
  }

  private static HttpResponse<String> post(HttpClient client, String url, String envelope) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
        .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A client that trusts the PIDE's CA (which issued the server's certificate), with the given key. */
  private static HttpClient client(KeyStore key) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", PIDE.certificate);
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    KeyManagerFactory keyManagers = null;
    if (key != null) {
      keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(key, PASSWORD);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), new SecureRandom());
    return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
  }

  private static void save(KeyStore store, Path file) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, PASSWORD);
    }
  }

  /** A CA issuing TLS certificates: server (serverAuth, localhost and 127.0.0.1) or client (clientAuth). */
  static final class Pki {
    final PrivateKey key;
    final X509Certificate certificate;

    Pki(String name) {
      try {
        KeyPair keys = rsa();
        X500Name subject = new X500Name("CN=" + name + ", O=Pruebas, C=PE");
        var builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(Instant.now().minusSeconds(3600)),
            Date.from(Instant.now().plus(Duration.ofDays(30))), subject, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        this.key = keys.getPrivate();
        this.certificate = sign(builder, key);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    KeyStore keyStore(String commonName, boolean server) {
      try {
        KeyPair keys = rsa();
        var builder = new JcaX509v3CertificateBuilder(certificate, serial(), Date.from(Instant.now().minusSeconds(3600)),
            Date.from(Instant.now().plus(Duration.ofDays(30))), new X500Name("CN=" + commonName + ", O=Pruebas, C=PE"),
            keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false,
            new ExtendedKeyUsage(server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
        if (server) {
          builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        X509Certificate issued = sign(builder, key);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("clave", keys.getPrivate(), PASSWORD, new Certificate[] {issued, certificate});
        return store;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key) throws Exception {
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
    }

    private static KeyPair rsa() throws Exception {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    }

    private static BigInteger serial() {
      return new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
    }
  }
}

package pe.gob.pcm.platform.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pe.gob.pcm.platform.support.TestPki;

class DemoPkiTest {

  @TempDir Path data;

  private DemoPki start() {
    // the identity service is only asked for a user's name, not for cargos
    return new DemoPki(data, null);
  }

  private static SignatureTrust trust(DemoPki pki) throws Exception {
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    anchors.setCertificateEntry("demo-ca", pki.caCertificate());
    SignatureTrust trust = new SignatureTrust(anchors);
    pki.serveRevocation(trust);
    return trust;
  }

  private PdfSignatureVerifier trusting(DemoPki pki) throws Exception {
    return new PdfSignatureVerifier(trust(pki));
  }

  /** As the demo wires it: the demo TSA, the demo CA's revocation data answered in-process. */
  private static DemoSigner signer(DemoPki pki) throws Exception {
    return new DemoSigner(pki, new PdfSigner(pki.timestampAuthority(), trust(pki)), null);
  }

  @Test
  void aRestartTrustsTheSameAuthorityAndSignsWithIt() throws Exception {
    DemoPki first = start();
    Path pki = data.resolve("demo-pki");
    assertThat(pki.resolve("ca-demo.p12")).exists();
    assertThat(pki.resolve("ca-demo.crt")).exists();

    DemoPki restarted = start();

    assertThat(restarted.caCertificate()).isEqualTo(first.caCertificate());
    byte[] cargo = signer(restarted).sign("20601234565", "Municipalidad de Prueba", TestPki.unsignedPdf("Cargo"));
    SignatureVerification verified = trusting(first).verify(cargo);
    assertThat(verified.status()).as(verified.message()).isEqualTo(SignatureStatus.VALID);
    // PAdES B-LT with zero setup: the demo TSA's timestamp, the demo CA's CRL/OCSP in the document
    assertThat(verified.signatures().get(0).level()).isEqualTo("LT");
    assertThat(verified.signatures().get(0).timestampTime()).isNotNull();
    assertThat(pki.resolve("tsa-demo.p12")).exists();
    assertThat(pki.resolve("entidad-20601234565.p12")).exists();
    // the entity's key survives a restart: the same certificate signs its next cargo
    byte[] again = signer(start()).sign("20601234565", "Municipalidad de Prueba", TestPki.unsignedPdf("Cargo 2"));
    assertThat(trusting(first).verify(again).valid()).isTrue();
  }

  @Test
  void anEntityKeyFromBeforeTheRevocationDataIsReplaced() throws Exception {
    DemoPki pki = start();
    // a key as the demo issued them before it published a CRL: no distribution point
    CertificateAuthority old = CertificateAuthority.load(data.resolve("demo-pki").resolve("ca-demo.p12"),
        "demo".toCharArray());
    IssuedCertificate legacy = old.issue("Mesa de Partes Virtual - Antigua");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("entidad", legacy.privateKey(), "demo".toCharArray(), legacy.chain());
    try (var out = Files.newOutputStream(data.resolve("demo-pki").resolve("entidad-20601234565.p12"))) {
      store.store(out, "demo".toCharArray());
    }

    IssuedCertificate key = pki.entityKey("20601234565", "Antigua");

    assertThat(key.certificate()).isNotEqualTo(legacy.certificate());
    assertThat(key.certificate().getExtensionValue("2.5.29.31")).isNotNull();
  }

  @Test
  void aDataFolderFromBeforeTheCertificateFileGetsIt() throws Exception {
    DemoPki first = start();
    Files.delete(data.resolve("demo-pki").resolve("ca-demo.crt"));

    DemoPki restarted = start();

    assertThat(restarted.caCertificate()).isEqualTo(first.caCertificate());
    assertThat(data.resolve("demo-pki").resolve("ca-demo.crt")).exists();
  }

  @Test
  void aKeyStoreThatDoesNotMatchTheTrustedCertificateIsRefused() throws Exception {
    start();
    CertificateAuthority.create("Otra CA").save(data.resolve("demo-pki").resolve("ca-demo.p12"),
        "demo".toCharArray());

    DemoPki restarted = start();

    assertThatThrownBy(() -> restarted.entityKey("20601234565", "Municipalidad"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no corresponde a su certificado");
  }
}

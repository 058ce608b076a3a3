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

  private PdfSignatureVerifier trusting(DemoPki pki) throws Exception {
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    anchors.setCertificateEntry("demo-ca", pki.caCertificate());
    return new PdfSignatureVerifier(anchors);
  }

  @Test
  void aRestartTrustsTheSameAuthorityAndSignsWithIt() throws Exception {
    DemoPki first = start();
    Path pki = data.resolve("demo-pki");
    assertThat(pki.resolve("ca-demo.p12")).exists();
    assertThat(pki.resolve("ca-demo.crt")).exists();

    DemoPki restarted = start();

    assertThat(restarted.caCertificate()).isEqualTo(first.caCertificate());
    byte[] cargo = restarted.sign("20601234565", "Municipalidad de Prueba", TestPki.unsignedPdf("Cargo"));
    assertThat(trusting(first).verify(cargo).valid()).isTrue();
    assertThat(pki.resolve("entidad-20601234565.p12")).exists();
    // the entity's key survives a restart: the same certificate signs its next cargo
    byte[] again = start().sign("20601234565", "Municipalidad de Prueba", TestPki.unsignedPdf("Cargo 2"));
    assertThat(trusting(first).verify(again).valid()).isTrue();
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

    assertThatThrownBy(() -> restarted.sign("20601234565", "Municipalidad", TestPki.unsignedPdf("Cargo")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no corresponde a su certificado");
  }
}

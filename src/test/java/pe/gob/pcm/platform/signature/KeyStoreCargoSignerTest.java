package pe.gob.pcm.platform.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pe.gob.pcm.platform.support.LocalPkiServer;
import pe.gob.pcm.platform.support.TestPki;

class KeyStoreCargoSignerTest {

  @Test
  void signsWithTheEntitysKeyFoundUnderItsRuc(@TempDir Path dir) throws Exception {
    CertificateAuthority ca = LocalPkiServer.get().publish(CertificateAuthority.create("CA de Pruebas de Cargos"));
    IssuedCertificate entity = ca.issue("Mesa de Partes - Municipalidad de Prueba");
    Path file = dir.resolve("cargos.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("20601234565", entity.privateKey(), "clave".toCharArray(), entity.chain());
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, "clave".toCharArray());
    }

    SignatureTrust trust = new SignatureTrust(ca.trustStore());
    TimestampAuthority tsa = new TimestampAuthority(ca.issueTimestampAuthority("TSA de Cargos"));
    byte[] signed = new KeyStoreCargoSigner(file.toString(), "clave", new PdfSigner(tsa, trust))
        .sign("20601234565", "Municipalidad de Prueba", TestPki.unsignedPdf("cargo"));

    var result = new PdfSignatureVerifier(trust).verify(signed);
    assertThat(result.status()).as(result.message()).isEqualTo(SignatureStatus.VALID);
    assertThat(result.signatures().get(0).level()).isEqualTo("LT");
    assertThat(result.signerName()).isEqualTo("Mesa de Partes - Municipalidad de Prueba");
  }

  @Test
  void saysWhatIsMissingWhenTheEntityHasNoKey() {
    KeyStoreCargoSigner signer = new KeyStoreCargoSigner("", "", PdfSigner.BASELINE_B);

    assertThatThrownBy(() -> signer.sign("20601234565", "Municipalidad", TestPki.unsignedPdf("cargo")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("alias 20601234565")
        .hasMessageContaining("platform.tramite.cargo-key-store");
  }
}

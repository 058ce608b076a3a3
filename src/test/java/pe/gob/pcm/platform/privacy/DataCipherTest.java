package pe.gob.pcm.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DataCipherTest {

  static final String K1 = key("primera-clave-de-prueba-32-bytes");
  static final String K2 = key("segunda-clave-de-prueba-32-bytes");
  static final String OTHER_K1 = key("clave-distinta-con-el-mismo-id!!");

  static String key(String material) {
    assertThat(material.getBytes(StandardCharsets.UTF_8)).hasSize(32);
    return Base64.getEncoder().encodeToString(material.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void sealsWithTheCurrentKeyIdAndARandomNonceAndOpensBack() {
    DataCipher cipher = DataCipher.fromSpec("k1:" + K1, "k1");

    String a = cipher.seal("45678912");
    String b = cipher.seal("45678912");

    assertThat(a).startsWith("v1:k1:").doesNotContain("45678912");
    assertThat(a).isNotEqualTo(b);
    // 12-byte nonce + 8-byte text + 16-byte tag
    assertThat(Base64.getDecoder().decode(a.substring("v1:k1:".length()))).hasSize(12 + 8 + 16);
    assertThat(cipher.open(a)).isEqualTo("45678912");
    assertThat(cipher.open(b)).isEqualTo("45678912");
    assertThat(cipher.open(cipher.seal("rquispe@muniejemplo.gob.pe ñ"))).isEqualTo("rquispe@muniejemplo.gob.pe ñ");
    assertThat(cipher.seal(null)).isNull();
    assertThat(cipher.open(null)).isNull();
  }

  @Test
  void refusesATamperedValue() {
    DataCipher cipher = DataCipher.fromSpec("k1:" + K1, "k1");
    String sealed = cipher.seal("987654321");
    byte[] raw = Base64.getDecoder().decode(sealed.substring(6));

    for (int i : new int[] {0, 12, raw.length - 1}) { // nonce, ciphertext, tag
      byte[] changed = raw.clone();
      changed[i] ^= 1;
      String tampered = "v1:k1:" + Base64.getEncoder().encodeToString(changed);
      assertThatThrownBy(() -> cipher.open(tampered))
          .isInstanceOf(DataCipher.DataIntegrityException.class)
          .hasMessageContaining("integridad");
    }
    byte[] truncated = java.util.Arrays.copyOf(raw, raw.length - 1);
    assertThatThrownBy(() -> cipher.open("v1:k1:" + Base64.getEncoder().encodeToString(truncated)))
        .isInstanceOf(DataCipher.DataIntegrityException.class);
  }

  @Test
  void refusesAValueSealedWithAnotherKeyUnderTheSameIdAndAnUnknownKeyId() {
    String sealed = DataCipher.fromSpec("k1:" + K1, "k1").seal("45678912");

    assertThatThrownBy(() -> DataCipher.fromSpec("k1:" + OTHER_K1, "k1").open(sealed))
        .isInstanceOf(DataCipher.DataIntegrityException.class).hasMessageContaining("clave equivocada");
    assertThatThrownBy(() -> DataCipher.fromSpec("k2:" + K2, "k2").open(sealed))
        .isInstanceOf(DataCipher.DataIntegrityException.class).hasMessageContaining("'k1'");
  }

  @Test
  void theKeyIdIsAuthenticatedToo() {
    DataCipher both = DataCipher.fromSpec("k1:" + K1 + ",k2:" + K1, "k1");
    String sealed = both.seal("45678912");

    // same key material under another id: the associated data differs, so it is refused
    assertThatThrownBy(() -> both.open("v1:k2:" + sealed.substring(6)))
        .isInstanceOf(DataCipher.DataIntegrityException.class);
  }

  @Test
  void refusesPlainText() {
    DataCipher cipher = DataCipher.fromSpec("k1:" + K1, "k1");

    assertThatThrownBy(() -> cipher.open("45678912"))
        .isInstanceOf(DataCipher.DataIntegrityException.class).hasMessageContaining("no está cifrado");
  }

  @Test
  void afterRotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
    String old = DataCipher.fromSpec("k1:" + K1, "k1").seal("45678912");
    DataCipher rotated = DataCipher.fromSpec("k1:" + K1 + ",k2:" + K2, "k2");

    assertThat(rotated.open(old)).isEqualTo("45678912");
    assertThat(rotated.isCurrent(old)).isFalse();
    String fresh = rotated.seal("45678912");
    assertThat(fresh).startsWith("v1:k2:");
    assertThat(rotated.isCurrent(fresh)).isTrue();
    // without PLATFORM_DATA_KEY_CURRENT the last key listed seals
    assertThat(DataCipher.fromSpec("k1:" + K1 + ",k2:" + K2, "").currentKeyId()).isEqualTo("k2");
  }

  @Test
  void refusesBadKeyConfiguration() {
    assertThatThrownBy(() -> DataCipher.fromSpec("", "")).hasMessageContaining("No hay claves");
    assertThatThrownBy(() -> DataCipher.fromSpec("k1:%%no-es-base64%%", "k1")).hasMessageContaining("Base64");
    assertThatThrownBy(() -> DataCipher.fromSpec("k1:" + Base64.getEncoder().encodeToString(new byte[16]), "k1"))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> DataCipher.fromSpec("k1:" + K1, "k9")).hasMessageContaining("'k9'");
    assertThatThrownBy(() -> DataCipher.fromSpec("k1:" + K1 + ",k1:" + K2, "k1")).hasMessageContaining("dos veces");
    assertThatThrownBy(() -> DataCipher.fromSpec("k:1:" + K1, "k")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void outsideTheDemoTheKeysAreRequiredAndTheDemoKeyIsRefused() {
    StandardEnvironment none = new StandardEnvironment();
    none.setActiveProfiles("postgres");
    assertThatThrownBy(() -> new DataKeyCheck().postProcessEnvironment(none, new SpringApplication()))
        .hasMessageContaining("PLATFORM_DATA_KEYS");

    StandardEnvironment demoKey = new StandardEnvironment();
    demoKey.setActiveProfiles("postgres");
    demoKey.getPropertySources().addFirst(new MapPropertySource("t",
        Map.of("platform.privacy.keys", DataKeyCheck.DEMO_KEY)));
    assertThatThrownBy(() -> new DataKeyCheck().postProcessEnvironment(demoKey, new SpringApplication()))
        .hasMessageContaining("pública");

    StandardEnvironment own = new StandardEnvironment();
    own.setActiveProfiles("postgres");
    own.getPropertySources().addFirst(new MapPropertySource("t", Map.of("platform.privacy.keys", "k1:" + K1)));
    new DataKeyCheck().postProcessEnvironment(own, new SpringApplication());

    StandardEnvironment demo = new StandardEnvironment();
    demo.setDefaultProfiles("demo");
    new DataKeyCheck().postProcessEnvironment(demo, new SpringApplication());
    // the demo key is a valid AES-256 key
    assertThat(DataCipher.fromSpec(DataKeyCheck.DEMO_KEY, "demo").currentKeyId()).isEqualTo("demo");
  }
}

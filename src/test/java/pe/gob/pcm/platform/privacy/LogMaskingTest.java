package pe.gob.pcm.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogMaskingTest {

  @Test
  void masksDniMobileAndEmail() {
    assertThat(LogMasking.mask("DNI 45678678, celular 987654321, correo juan.perez@dominio.gob.pe."))
        .isEqualTo("DNI 4****678, celular 9*****321, correo j***@dominio.gob.pe.");
    assertThat(LogMasking.mask("(DNI 45678912)")).isEqualTo("(DNI 4****912)");
    assertThat(LogMasking.mask("{\"message\":\"dni=45678912\"}")).isEqualTo("{\"message\":\"dni=4****912\"}");
  }

  @Test
  void leavesRucsCuosIdsAndOtherNumbersReadable() {
    String text = "RUC 20601234565 CUO 0000000123 pi 12345678-aaaa-bbbb-cccc-123456789012"
        + " bk COLABORA-20601234565-20260101 puerto 8080 monto 3.14159265 fijo 812345678 t=2026-01-05";
    assertThat(LogMasking.mask(text)).isEqualTo(text);
  }
}

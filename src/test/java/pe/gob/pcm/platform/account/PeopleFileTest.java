package pe.gob.pcm.platform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.gob.pcm.platform.validation.InvalidInputException;

/** Reading the people import file: rows numbered as the spreadsheet shows them, RFC 4180 quoting. */
class PeopleFileTest {

  @Test
  void csvLinesKeepTheSpreadsheetsRowNumbersAndQuotedFields() {
    String csv = "\uFEFF Roles ,usuario,nombres,apellidos,correo\r\n"
        + "mesa-partes;ti,jperez,Juan,\"Pérez, \"\"el de Mesa\"\"\",jperez@muni.gob.pe\r\n"
        + ",,,,\r\n"
        + "ogpp,arojas,\"Ana\nMaría\",Rojas,arojas@muni.gob.pe\n"
        + "ti,lccori,Luis,Ccori,lccori@muni.gob.pe";
    List<PeopleFile.Line> lines = PeopleFile.read("p.csv", csv.getBytes(StandardCharsets.UTF_8), 10);
    assertThat(lines).containsExactly(
        new PeopleFile.Line(2, "jperez", "Juan", "Pérez, \"el de Mesa\"", "jperez@muni.gob.pe", "mesa-partes;ti"),
        new PeopleFile.Line(4, "arojas", "Ana\nMaría", "Rojas", "arojas@muni.gob.pe", "ogpp"),
        new PeopleFile.Line(5, "lccori", "Luis", "Ccori", "lccori@muni.gob.pe", "ti"));
    assertThat(PeopleFile.splitRoles(" mesa-partes ; ti;;")).containsExactly("mesa-partes", "ti");
  }

  @Test
  void aFileThatCannotBeReadIsRefusedOnTheFieldArchivo() {
    assertThatThrownBy(() -> PeopleFile.read("p.csv", "usuario,nombres\n\"abierto,x\n".getBytes(StandardCharsets.UTF_8), 10))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("archivo");
            assertThat(error.reason()).isEqualTo("la fila 2 abre comillas que no se cierran");
          });
        });
    assertThatThrownBy(() -> PeopleFile.read("p.csv",
        "usuario,nombres,apellidos,correo,roles,cargo\n".getBytes(StandardCharsets.UTF_8), 10))
        .hasMessageContaining("la columna «cargo» no es de la plantilla");
    assertThatThrownBy(() -> PeopleFile.read("viejo.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0}, 10))
        .hasMessageContaining("Excel 97-2003");
    String two = "usuario,nombres,apellidos,correo,roles\na1,A,B,a@b.pe,ti\na2,A,B,a@b.pe,ti\n";
    assertThat(PeopleFile.read("p.csv", two.getBytes(StandardCharsets.UTF_8), 2)).hasSize(2);
    assertThatThrownBy(() -> PeopleFile.read("p.csv", two.getBytes(StandardCharsets.UTF_8), 1))
        .hasMessageContaining("más de 1 personas");
  }
}

package pe.gob.pcm.platform.tramite.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Base64;
import java.util.Random;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;

/** StrictBase64 accepts exactly what XML Schema's base64Binary (the schema it replaces) accepts. */
class StrictBase64Test {

  static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  @Test
  void decodesWhatTheEncoderWroteWithOrWithoutLineBreaks() {
    Random rnd = new Random(7);
    for (int n = 0; n < 300; n++) {
      byte[] bytes = new byte[rnd.nextInt(200)];
      rnd.nextBytes(bytes);
      assertThat(StrictBase64.parse(Base64.getEncoder().encodeToString(bytes))).isEqualTo(bytes);
      assertThat(StrictBase64.parse(" " + Base64.getMimeEncoder(8, "\r\n".getBytes()).encodeToString(bytes) + "\n\t"))
          .isEqualTo(bytes);
    }
    assertThat(StrictBase64.print(new byte[] {1, 2, 3})).isEqualTo("AQID");
  }

  @Test
  void refusesNamingWhatIsWrong() {
    assertThatThrownBy(() -> StrictBase64.parse("%%%%esto no es base64%%%%"))
        .hasMessage("contenido Base64 no válido: el carácter '%' (posición 1) no pertenece al alfabeto Base64");
    assertThatThrownBy(() -> StrictBase64.parse("JVBERi0")).hasMessageContaining("no un múltiplo de 4");
    assertThatThrownBy(() -> StrictBase64.parse("AB=C")).hasMessageContaining("después del relleno");
    assertThatThrownBy(() -> StrictBase64.parse("QR==")).hasMessageContaining("bits sobrantes");
    assertThatThrownBy(() -> StrictBase64.parse("JVBER i0x L\u00e9Q=")).hasMessageContaining("'é' (posición 12)");
  }

  /** Thousands of seeded strings near the alphabet: both checks agree on every one. */
  @Test
  void agreesWithXmlSchemaOnEveryCase() throws Exception {
    Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(
        new StringReader("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'>"
            + "<xs:element name='b' type='xs:base64Binary'/></xs:schema>")));
    Validator validator = schema.newValidator();
    String symbols = ALPHABET + "==== \n\t\r-_.%é";
    Random rnd = new Random(20261206);
    int accepted = 0;
    for (int n = 0; n < 5000; n++) {
      StringBuilder text = new StringBuilder();
      if (rnd.nextBoolean()) {
        byte[] bytes = new byte[rnd.nextInt(12)];
        rnd.nextBytes(bytes);
        text.append(Base64.getEncoder().encodeToString(bytes));
        for (int k = rnd.nextInt(3); k > 0 && text.length() > 0; k--) {
          text.setCharAt(rnd.nextInt(text.length()), symbols.charAt(rnd.nextInt(symbols.length())));
        }
      } else {
        for (int k = rnd.nextInt(12); k > 0; k--) {
          text.append(symbols.charAt(rnd.nextInt(symbols.length())));
        }
      }
      String value = text.toString();
      boolean schemaAccepts;
      try {
        validator.validate(new StreamSource(new StringReader("<b>" + value.replace("\r", "&#13;") + "</b>")));
        schemaAccepts = true;
      } catch (org.xml.sax.SAXException | RuntimeException e) {
        // the JDK's Xerces fails with an index error on characters beyond ASCII: a refusal too
        schemaAccepts = false;
      }
      boolean ours;
      try {
        StrictBase64.parse(value);
        ours = true;
      } catch (IllegalArgumentException e) {
        ours = false;
      }
      assertThat(ours).as("«%s»", value).isEqualTo(schemaAccepts);
      accepted += ours ? 1 : 0;
    }
    // both kinds of case occur
    assertThat(accepted).isBetween(500, 4500);
  }
}

package pe.gob.pcm.platform.tramite.soap;

import pe.gob.pcm.platform.tramite.Envelopes;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import pe.gob.pcm.platform.support.TestPki;

/**
 * The validation schema reads the contract's Base64 fields as text, and nothing else changes:
 * what the field may hold (characters only) is what xsd:string allowed.
 */
class ContractSchemaTest {

  private static final Schema SCHEMA = ContractSchema.withBase64AsText("wsdl/wsiotramite.wsdl");

  private static Element body(String pdfElement) throws Exception {
    Map<String, String> fields = Envelopes.validDocument(Envelopes.newCuo(), TestPki.unsignedPdf("Oficio"));
    fields.remove("bpdfdoc");
    fields.put("vurldocanx", "§PDF§");
    String envelope = Envelopes.recepcionar(fields, List.of())
        .replace("<vurldocanx>§PDF§</vurldocanx>", pdfElement);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(envelope)));
    return (Element) document.getElementsByTagNameNS("http://ws.wsiotramite.segdi.gob.pe/", "recepcionarTramiteResponse").item(0);
  }

  private static void validate(String pdfElement) throws Exception {
    SCHEMA.newValidator().validate(new DOMSource(body(pdfElement)));
  }

  @Test
  void thePdfFieldHoldsText() {
    assertThatCode(() -> validate("<bpdfdoc>JVBERi0xLjQK</bpdfdoc>")).doesNotThrowAnyException();
    assertThatCode(() -> validate("<bpdfdoc><![CDATA[JVBERi0x]]>LjQK<!-- comentario --></bpdfdoc>"))
        .doesNotThrowAnyException();
    assertThatCode(() -> validate("<bpdfdoc/>")).doesNotThrowAnyException();
    // what the text says is StrictBase64's to judge, as it was with xsd:string
    assertThatCode(() -> validate("<bpdfdoc>no es base64 %</bpdfdoc>")).doesNotThrowAnyException();
  }

  @Test
  void thePdfFieldRefusesElementsAndAttributesAsXsdStringDid() {
    assertThatThrownBy(() -> validate("<bpdfdoc>JVBE<parte>Ri0x</parte>LjQK</bpdfdoc>"))
        .isInstanceOf(SAXParseException.class).hasMessageContaining("cvc-");
    assertThatThrownBy(() -> validate("<bpdfdoc codificacion=\"base64\">JVBERi0xLjQK</bpdfdoc>"))
        .isInstanceOf(SAXParseException.class).hasMessageContaining("cvc-");
  }

  @Test
  void theRestOfTheContractIsUnchanged() {
    assertThatThrownBy(() -> validate("<bpdfdoc>JVBERi0xLjQK</bpdfdoc><bpdfdoc>JVBERi0xLjQK</bpdfdoc>"))
        .isInstanceOf(SAXParseException.class).hasMessageContaining("cvc-");
  }
}

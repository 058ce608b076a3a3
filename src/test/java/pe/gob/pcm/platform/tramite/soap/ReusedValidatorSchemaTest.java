package pe.gob.pcm.platform.tramite.soap;

import pe.gob.pcm.platform.tramite.Envelopes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.ValidatorHandler;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import pe.gob.pcm.platform.support.TestPki;

/** Each thread gets its validator again only once the last document it validated has ended. */
class ReusedValidatorSchemaTest {

  private final ReusedValidatorSchema schema =
      new ReusedValidatorSchema(ContractSchema.withBase64AsText("wsdl/wsiotramite.wsdl"));

  private static final ErrorHandler STRICT = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXParseException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXParseException {
      throw e;
    }
  };

  /** The recepcionarTramiteResponse element of a valid envelope, with a replacement applied. */
  private static String request(String from, String to) throws Exception {
    Map<String, String> fields = Envelopes.validDocument(Envelopes.newCuo(), TestPki.unsignedPdf("Oficio"));
    String envelope = Envelopes.recepcionar(fields, List.of());
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(envelope)));
    StringWriter body = new StringWriter();
    TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document
        .getElementsByTagNameNS("http://ws.wsiotramite.segdi.gob.pe/", "recepcionarTramiteResponse").item(0)),
        new StreamResult(body));
    String xml = body.toString();
    assertThat(xml).contains(from);
    return xml.replace(from, to);
  }

  private static void validate(ValidatorHandler validator, String xml) throws Exception {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(true);
    XMLReader reader = factory.newSAXParser().getXMLReader();
    validator.setErrorHandler(STRICT);
    reader.setContentHandler(validator);
    reader.parse(new InputSource(new StringReader(xml)));
  }

  @Test
  void aThreadGetsItsValidatorAgainOnceTheDocumentEnded() throws Exception {
    String valid = request("<vcuo>", "<vcuo>");
    ValidatorHandler first = schema.newValidatorHandler();
    validate(first, valid);
    assertThat(first.getErrorHandler()).as("forgets the last message's error handler").isNotSameAs(STRICT);

    ValidatorHandler second = schema.newValidatorHandler();
    assertThat(second).isSameAs(first);
    // still validates after a document: a wrong type is refused
    assertThatThrownBy(() -> validate(second, request("<snumanx>0</snumanx>", "<snumanx>dos</snumanx>")))
        .isInstanceOf(SAXParseException.class).hasMessageContaining("'dos'");
  }

  @Test
  void aValidatorLeftInTheMiddleOfADocumentIsNotUsedAgain() throws Exception {
    ValidatorHandler refused = schema.newValidatorHandler();
    assertThatThrownBy(() -> validate(refused, request("<snumanx>0</snumanx>", "<snumanx>dos</snumanx>")))
        .isInstanceOf(SAXParseException.class);

    ValidatorHandler next = schema.newValidatorHandler();
    assertThat(next).isNotSameAs(refused);
    assertThatCode(() -> validate(next, request("<vcuo>", "<vcuo>"))).doesNotThrowAnyException();
    assertThat(schema.newValidatorHandler()).isSameAs(next);
  }

  @Test
  void aValidatorInUseIsNotHandedOutTwice() throws Exception {
    ValidatorHandler outer = schema.newValidatorHandler();
    ValidatorHandler inner = schema.newValidatorHandler();
    assertThat(inner).isNotSameAs(outer);
    validate(inner, request("<vcuo>", "<vcuo>"));
    validate(outer, request("<vcuo>", "<vcuo>"));
  }

  @Test
  void threadsDoNotShareValidators() throws Exception {
    ValidatorHandler mine = schema.newValidatorHandler();
    validate(mine, request("<vcuo>", "<vcuo>"));
    ValidatorHandler other = CompletableFuture.supplyAsync(schema::newValidatorHandler).get();
    assertThat(other).isNotSameAs(mine);
    assertThat(schema.newValidatorHandler()).isSameAs(mine);
  }
}

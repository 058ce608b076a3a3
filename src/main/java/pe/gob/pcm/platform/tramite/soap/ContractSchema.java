package pe.gob.pcm.platform.tramite.soap;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The schema wsiotramite's messages are validated against: the contract's own, read from the
 * published WSDL, with one change: its {@code xsd:base64Binary} elements are read as text, since
 * {@link StrictBase64} checks and decodes them once, as strictly as XML Schema would. Everything
 * else (names, order, occurrences, the other types) is the contract's, unchanged.
 *
 * <p>"Text" is written as an empty complex type with mixed content rather than {@code xsd:string}:
 * both accept exactly the same (characters only; no child element, no attribute), but for a
 * simple type the validator copies the whole text into a buffer to check it at the end tag,
 * which for a 100 KB PDF (133 KB of Base64, in chunks, in a growing buffer) was a fifth of the
 * CPU of an intake on PostgreSQL (docs/performance.md); mixed content is not buffered.
 */
final class ContractSchema {

  private static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";

  private ContractSchema() {}

  static Schema withBase64AsText(String wsdlClasspathLocation) {
    try (InputStream in = new ClassPathResource(wsdlClasspathLocation).getInputStream()) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Document wsdl = factory.newDocumentBuilder().parse(in);
      Element definitions = wsdl.getDocumentElement();
      List<Source> schemas = new ArrayList<>();
      NodeList types = definitions.getElementsByTagNameNS(WSDL_NS, "types");
      for (int t = 0; t < types.getLength(); t++) {
        NodeList found = ((Element) types.item(t)).getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema");
        for (int s = 0; s < found.getLength(); s++) {
          Element schema = (Element) found.item(s);
          inheritNamespaces(definitions, schema);
          textForBase64(schema);
          schemas.add(new DOMSource(schema, wsdlClasspathLocation));
        }
      }
      if (schemas.isEmpty()) {
        throw new IllegalStateException(wsdlClasspathLocation + " no tiene esquema en <types>");
      }
      SchemaFactory schemaFactory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      schemaFactory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      schemaFactory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      return schemaFactory.newSchema(schemas.toArray(Source[]::new));
    } catch (IOException | ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("No se pudo leer el esquema de " + wsdlClasspathLocation, e);
    }
  }

  /** An inline schema uses the prefixes the WSDL declares on its root element. */
  private static void inheritNamespaces(Element definitions, Element schema) {
    NamedNodeMap attributes = definitions.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())
          && !schema.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute.getLocalName())) {
        schema.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute.getName(), attribute.getValue());
      }
    }
  }

  private static void textForBase64(Element schema) {
    NodeList elements = schema.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "element");
    for (int i = 0; i < elements.getLength(); i++) {
      Element element = (Element) elements.item(i);
      String type = element.getAttribute("type");
      int colon = type.indexOf(':');
      String prefix = colon < 0 ? null : type.substring(0, colon);
      if (type.substring(colon + 1).equals("base64Binary")
          && XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(element.lookupNamespaceURI(prefix))) {
        element.removeAttribute("type");
        Element text = element.getOwnerDocument().createElementNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "complexType");
        text.setAttribute("mixed", "true");
        text.appendChild(element.getOwnerDocument().createElementNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "sequence"));
        org.w3c.dom.Node after = element.getFirstChild();
        while (after != null && !(after instanceof Element)) {
          after = after.getNextSibling();
        }
        if (after != null && "annotation".equals(after.getLocalName())) {
          after = after.getNextSibling();
        }
        element.insertBefore(text, after);
      }
    }
  }
}

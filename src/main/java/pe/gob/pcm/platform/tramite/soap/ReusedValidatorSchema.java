package pe.gob.pcm.platform.tramite.soap;

import javax.xml.validation.Schema;
import javax.xml.validation.TypeInfoProvider;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * The contract's schema, handing each thread the same validator again once its last message has
 * been validated. JAXB asks the schema for a new validator for every message it reads; the JDK's
 * builds one afresh each time (its scanner, schema loader and settings; cost in
 * docs/performance.md). A validator starts over at each document's start
 * ({@code startDocument}), so a thread may use the same one for its next message. One that was
 * left in the middle of a message (the message was refused mid-way) is not used again: the thread
 * gets a new one. After a message the validator forgets its error handler and locator, which
 * point at that message.
 */
final class ReusedValidatorSchema extends Schema {

  private final Schema schema;
  private final ThreadLocal<Reused> lastOfThread = new ThreadLocal<>();

  ReusedValidatorSchema(Schema schema) {
    this.schema = schema;
  }

  @Override
  public Validator newValidator() {
    return schema.newValidator();
  }

  @Override
  public ValidatorHandler newValidatorHandler() {
    Reused handler = lastOfThread.get();
    if (handler == null || handler.inUse) {
      handler = new Reused(schema.newValidatorHandler());
      lastOfThread.set(handler);
    }
    handler.inUse = true;
    return handler;
  }

  /** A validator that becomes free again when its document ends. */
  static final class Reused extends ValidatorHandler {

    private final ValidatorHandler validator;
    private boolean inUse;

    Reused(ValidatorHandler validator) {
      this.validator = validator;
    }

    @Override
    public void endDocument() throws SAXException {
      try {
        validator.endDocument();
      } finally {
        validator.setErrorHandler(null);
        validator.setDocumentLocator(null);
        inUse = false;
      }
    }

    @Override
    public void setContentHandler(ContentHandler receiver) {
      validator.setContentHandler(receiver);
    }

    @Override
    public ContentHandler getContentHandler() {
      return validator.getContentHandler();
    }

    @Override
    public void setErrorHandler(ErrorHandler errorHandler) {
      validator.setErrorHandler(errorHandler);
    }

    @Override
    public ErrorHandler getErrorHandler() {
      return validator.getErrorHandler();
    }

    @Override
    public void setResourceResolver(LSResourceResolver resourceResolver) {
      validator.setResourceResolver(resourceResolver);
    }

    @Override
    public LSResourceResolver getResourceResolver() {
      return validator.getResourceResolver();
    }

    @Override
    public TypeInfoProvider getTypeInfoProvider() {
      return validator.getTypeInfoProvider();
    }

    @Override
    public boolean getFeature(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
      return validator.getFeature(name);
    }

    @Override
    public void setFeature(String name, boolean value) throws SAXNotRecognizedException, SAXNotSupportedException {
      validator.setFeature(name, value);
    }

    @Override
    public Object getProperty(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
      return validator.getProperty(name);
    }

    @Override
    public void setProperty(String name, Object object) throws SAXNotRecognizedException, SAXNotSupportedException {
      validator.setProperty(name, object);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      validator.setDocumentLocator(locator);
    }

    @Override
    public void startDocument() throws SAXException {
      validator.startDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
      validator.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
      validator.endPrefixMapping(prefix);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
      validator.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      validator.endElement(uri, localName, qName);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      validator.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
      validator.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
      validator.processingInstruction(target, data);
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
      validator.skippedEntity(name);
    }
  }
}

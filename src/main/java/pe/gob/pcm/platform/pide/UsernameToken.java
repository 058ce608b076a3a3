package pe.gob.pcm.platform.pide;

import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The WS-Security UsernameToken of the OASIS UsernameToken Profile 1.0 with a plain-text password
 * ({@code wsse:Security/wsse:UsernameToken/wsse:Username + wsse:Password Type=#PasswordText}),
 * the header the PIDE credentials travel in (docs/credenciales-pide.md): written by the platform's
 * outgoing calls ({@link Writer}) and read by the local PIDE ({@link Reader}). Two interceptors
 * of CXF's own API instead of WSS4J: this one header is all the credentials need, and a secret
 * stored only as a hash cannot be checked against a digest (PasswordDigest needs the secret).
 */
public final class UsernameToken {

  public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
  public static final String PASSWORD_TEXT =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
  public static final QName SECURITY = new QName(WSSE, "Security");
  /** The message property where {@link Reader} leaves what the caller presented. */
  public static final String PRESENTED = UsernameToken.class.getName() + ".presented";

  private UsernameToken() {}

  /** What a caller presented; both null when it sent no UsernameToken. */
  public record Presented(String username, String password) {
    public static final Presented NONE = new Presented(null, null);
  }

  /** Adds the credential's header to every outgoing message of a client. */
  public static final class Writer extends AbstractSoapInterceptor {
    private final String username;
    private final String password;

    public Writer(String username, String password) {
      super(Phase.PRE_PROTOCOL);
      this.username = username;
      this.password = password;
    }

    @Override
    public void handleMessage(SoapMessage message) {
      try {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().newDocument();
        Element security = document.createElementNS(WSSE, "wsse:Security");
        Element token = document.createElementNS(WSSE, "wsse:UsernameToken");
        Element user = document.createElementNS(WSSE, "wsse:Username");
        user.setTextContent(username);
        Element secret = document.createElementNS(WSSE, "wsse:Password");
        secret.setAttribute("Type", PASSWORD_TEXT);
        secret.setTextContent(password);
        token.appendChild(user);
        token.appendChild(secret);
        security.appendChild(token);
        message.getHeaders().add(new SoapHeader(SECURITY, security));
      } catch (ParserConfigurationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Reads the caller's UsernameToken, if any, into {@link #PRESENTED}; declares the Security
   * header understood (senders such as WSS4J mark it mustUnderstand). Deciding is the service's.
   */
  public static final class Reader extends AbstractSoapInterceptor {
    public Reader() {
      super(Phase.PRE_PROTOCOL);
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
      return Set.of(SECURITY);
    }

    @Override
    public void handleMessage(SoapMessage message) {
      Presented presented = Presented.NONE;
      List<Header> headers = message.getHeaders();
      for (Header header : headers) {
        if (SECURITY.equals(header.getName()) && header.getObject() instanceof Element security) {
          Element token = child(security, "UsernameToken");
          if (token != null) {
            Element password = child(token, "Password");
            String type = password == null ? "" : password.getAttribute("Type");
            boolean plainText = type.isEmpty() || PASSWORD_TEXT.equals(type);
            presented = new Presented(text(child(token, "Username")), plainText ? text(password) : null);
          }
        }
      }
      message.put(PRESENTED, presented);
    }

    private static Element child(Element parent, String localName) {
      for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
        if (node instanceof Element element && WSSE.equals(element.getNamespaceURI())
            && localName.equals(element.getLocalName())) {
          return element;
        }
      }
      return null;
    }

    private static String text(Element element) {
      return element == null ? null : element.getTextContent().strip();
    }
  }
}

package pe.gob.pcm.platform.tramite.soap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second Tomcat connector of {@code platform.tramite.mutual-tls}: TLS with the client's
 * certificate required and verified against the PIDE's CA during the handshake (a caller without
 * one does not get past it). Only wsiotramite is served on it; wsiotramite is served only on it.
 */
final class MutualTlsConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  /** Set by Tomcat on a request whose client certificate was verified. */
  static final String CLIENT_CERTIFICATE = "jakarta.servlet.request.X509Certificate";

  private final TramiteProperties.MutualTls settings;
  private volatile Connector connector;

  MutualTlsConnector(TramiteProperties.MutualTls settings) {
    this.settings = settings;
    require(settings.keyStore(), "platform.tramite.mutual-tls.key-store");
    require(settings.trustStore(), "platform.tramite.mutual-tls.trust-store");
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    Connector tls = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
    tls.setPort(settings.port());
    tls.setScheme("https");
    tls.setSecure(true);
    Http11NioProtocol protocol = (Http11NioProtocol) tls.getProtocolHandler();
    protocol.setSSLEnabled(true);
    SSLHostConfig host = new SSLHostConfig();
    host.setCertificateVerification("required");
    host.setTruststoreFile(settings.trustStore());
    host.setTruststorePassword(settings.trustStorePassword());
    host.setTruststoreType("PKCS12");
    host.setProtocols("TLSv1.2+TLSv1.3");
    SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
    certificate.setCertificateKeystoreFile(settings.keyStore());
    certificate.setCertificateKeystorePassword(settings.keyStorePassword());
    certificate.setCertificateKeystoreType("PKCS12");
    host.addCertificate(certificate);
    protocol.addSslHostConfig(host);
    factory.addAdditionalTomcatConnectors(tls);
    connector = tls;
  }

  /** The port it listens on, once started (the configured one, or the one picked for 0). */
  int localPort() {
    Connector started = connector;
    return started == null ? -1 : started.getLocalPort();
  }

  /** Refuses anything but wsiotramite on the mutual-TLS port (404). */
  OncePerRequestFilter onlyWsIoTramite() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (request.getLocalPort() == localPort() && !request.getRequestURI().startsWith("/wsiotramite/")) {
          response.sendError(HttpServletResponse.SC_NOT_FOUND);
          return;
        }
        chain.doFilter(request, response);
      }
    };
  }

  private static void require(String file, String property) {
    if (!StringUtils.hasText(file) || !Files.isReadable(Path.of(file))) {
      throw new IllegalStateException("TLS mutuo de wsiotramite: falta o no se puede leer " + property + " (" + file + ")");
    }
  }
}

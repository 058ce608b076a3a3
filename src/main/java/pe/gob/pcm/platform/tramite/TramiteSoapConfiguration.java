package pe.gob.pcm.platform.tramite;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.xml.ws.Endpoint;
import java.io.IOException;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Publishes wsiotramite at {@code /wsiotramite/Tramite} with the contract's own WSDL (not one
 * derived from Java), and bounds what a caller can make the XML parser do.
 */
@Configuration
public class TramiteSoapConfiguration {

  /** A 20 MB PDF in Base64 plus metadata. */
  static final long MAX_MESSAGE_BYTES = 30L * 1024 * 1024;

  @Bean
  Endpoint wsiotramiteEndpoint(Bus bus, WsIoTramiteEndpoint implementation) {
    EndpointImpl endpoint = new EndpointImpl(bus, implementation);
    endpoint.setWsdlLocation("classpath:wsdl/wsiotramite.wsdl");
    endpoint.setProperties(Map.of(
        // CXF's parser already refuses DTDs (no XXE, no entity expansion); these bound the rest.
        "org.apache.cxf.stax.maxElementDepth", 32,
        "org.apache.cxf.stax.maxElementCount", 10_000L,
        "org.apache.cxf.stax.maxAttributeCount", 50,
        "org.apache.cxf.stax.maxTextLength", (int) MAX_MESSAGE_BYTES,
        "faultStackTraceEnabled", false,
        "exceptionMessageCauseEnabled", false));
    endpoint.publish("/Tramite");
    return endpoint;
  }

  /** Caller allow-list (the PIDE's addresses in production) and a size bound before parsing. */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> wsiotramiteGate(TramiteProperties properties) {
    OncePerRequestFilter gate = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
          FilterChain chain) throws ServletException, IOException {
        if (!properties.allowedCallers().isEmpty()
            && !properties.allowedCallers().contains(request.getRemoteAddr())) {
          response.sendError(HttpServletResponse.SC_FORBIDDEN, "Origen no autorizado");
          return;
        }
        if (request.getContentLengthLong() > MAX_MESSAGE_BYTES) {
          response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Mensaje demasiado grande");
          return;
        }
        chain.doFilter(request, response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(gate);
    registration.addUrlPatterns("/wsiotramite/*");
    registration.setOrder(5);
    return registration;
  }
}

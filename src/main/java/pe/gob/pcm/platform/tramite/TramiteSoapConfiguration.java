package pe.gob.pcm.platform.tramite;

import jakarta.xml.ws.Endpoint;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
  FilterRegistrationBean<SoapGate> wsiotramiteGate(TramiteProperties properties,
      pe.gob.pcm.platform.metrics.PlatformMeters meters) {
    FilterRegistrationBean<SoapGate> registration = new FilterRegistrationBean<>(
        new SoapGate(properties.allowedCallers(), MAX_MESSAGE_BYTES, meters));
    registration.addUrlPatterns("/wsiotramite/*");
    registration.setOrder(5);
    return registration;
  }
}

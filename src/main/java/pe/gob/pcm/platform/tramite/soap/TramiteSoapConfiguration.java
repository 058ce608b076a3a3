package pe.gob.pcm.platform.tramite.soap;

import jakarta.xml.ws.Endpoint;
import java.util.HashMap;
import java.util.Map;
import javax.xml.validation.Schema;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.logging.FaultListener;
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
  /** The deepest element of a valid message is at depth 6 (Envelope/Body/op/request/lstanexos/field). */
  static final int MAX_ELEMENT_DEPTH = 32;
  static final long MAX_ELEMENT_COUNT = 10_000L;
  /** recepcionRequest has 21 fields plus one lstanexos per annex. */
  static final int MAX_CHILD_ELEMENTS = 1_000;
  static final int MAX_ATTRIBUTE_COUNT = 50;
  static final int MAX_ATTRIBUTE_SIZE = 8 * 1024;

  @Bean
  Endpoint wsiotramiteEndpoint(Bus bus, WsIoTramiteEndpoint implementation,
      pe.gob.pcm.platform.metrics.PlatformMeters meters) {
    EndpointImpl endpoint = new EndpointImpl(bus, implementation);
    endpoint.setWsdlLocation("classpath:wsdl/wsiotramite.wsdl");
    Map<String, Object> properties = new HashMap<>();
    // CXF's parser already refuses DTDs (no XXE, no entity expansion); these bound the rest.
    properties.put("org.apache.cxf.stax.maxElementDepth", MAX_ELEMENT_DEPTH);
    properties.put("org.apache.cxf.stax.maxElementCount", MAX_ELEMENT_COUNT);
    properties.put("org.apache.cxf.stax.maxChildElements", MAX_CHILD_ELEMENTS);
    properties.put("org.apache.cxf.stax.maxAttributeCount", MAX_ATTRIBUTE_COUNT);
    properties.put("org.apache.cxf.stax.maxAttributeSize", MAX_ATTRIBUTE_SIZE);
    properties.put("org.apache.cxf.stax.maxTextLength", (int) MAX_MESSAGE_BYTES);
    properties.put("org.apache.cxf.stax.maxXMLCharacters", MAX_MESSAGE_BYTES);
    // The contract's schema, element for element: a duplicated field, a wrong type or a field
    // out of place is refused instead of silently read (JAXB alone keeps the last duplicate);
    // its Base64 fields are checked by StrictBase64 (below).
    properties.put("schema-validation-enabled", "IN");
    properties.put("faultStackTraceEnabled", false);
    properties.put("exceptionMessageCauseEnabled", false);
    properties.put(FaultListener.class.getName(), new SoapFaults.QuietListener());
    endpoint.setProperties(properties);
    endpoint.getInInterceptors().add(new SoapFaults.RequireOperation());
    endpoint.getOutFaultInterceptors().add(new SoapFaults.SpanishReason(meters));
    endpoint.publish("/Tramite");
    // validation against the contract's schema, its Base64 fields read as text: StrictBase64
    // checks them as strictly and decodes them once (CXF takes the schema from the service model);
    // each thread reuses its validator from one message to the next (ReusedValidatorSchema)
    Schema schema = new ReusedValidatorSchema(ContractSchema.withBase64AsText("wsdl/wsiotramite.wsdl"));
    endpoint.getServer().getEndpoint().getService().getServiceInfos()
        .forEach(info -> info.setProperty(Schema.class.getName(), schema));
    return endpoint;
  }

  /** Caller allow-list (the PIDE's addresses in production) and a size bound before parsing. */
  @Bean
  FilterRegistrationBean<SoapGate> wsiotramiteGate(TramiteProperties properties,
      pe.gob.pcm.platform.metrics.PlatformMeters meters) {
    FilterRegistrationBean<SoapGate> registration = new FilterRegistrationBean<>(
        new SoapGate(properties.allowedCallers(), MAX_MESSAGE_BYTES, meters, properties.mutualTls().enabled()));
    registration.addUrlPatterns("/wsiotramite/*");
    registration.setOrder(5);
    return registration;
  }

  /** wsiotramite's mutual-TLS connector (platform.tramite.mutual-tls.enabled; docs/deployment.md). */
  @Bean
  @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(prefix = "platform.tramite.mutual-tls",
      name = "enabled", havingValue = "true")
  MutualTlsConnector wsiotramiteMutualTls(TramiteProperties properties) {
    return new MutualTlsConnector(properties.mutualTls());
  }

  @Bean
  @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(prefix = "platform.tramite.mutual-tls",
      name = "enabled", havingValue = "true")
  FilterRegistrationBean<OncePerRequestFilter> wsiotramiteMutualTlsPortGate(MutualTlsConnector connector) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(connector.onlyWsIoTramite());
    registration.addUrlPatterns("/*");
    registration.setOrder(4);
    return registration;
  }
}

package pe.gob.pcm.platform.pide.local;

import jakarta.xml.ws.Endpoint;
import org.apache.cxf.Bus;
import jakarta.annotation.PreDestroy;
import org.apache.cxf.bus.extension.ExtensionManagerBus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.servlet.CXFServlet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import pe.gob.pcm.platform.pide.PideClients;
import pe.gob.pcm.platform.pide.PideDirectory;
import pe.gob.pcm.platform.pide.PideProperties;
import pe.gob.pcm.platform.pide.PideServiceCode;
import pe.gob.pcm.platform.pide.UsernameToken;
import pe.gob.pcm.platform.pide.credential.PideCredentials;
import pe.gob.pcm.platform.mgd.MgdRules;

/**
 * A PIDE on this server ({@code /pide/PcmIMgdTramite}, {@code /pide/PcmCuo}), on in the demo so
 * that the demo entities can exchange documents on one machine. Its own CXF bus and servlet keep
 * it apart from the entity's {@code /wsiotramite}.
 */
@Configuration
@ConditionalOnProperty(prefix = "platform.pide.local", name = "enabled", havingValue = "true")
public class LocalPideConfiguration {

  /** Not a bean: a second Bus bean would displace the CXF starter's default bus. */
  private final Bus localPideBus = new ExtensionManagerBus();

  @PreDestroy
  void shutdown() {
    localPideBus.shutdown(true);
  }

  @Bean
  ServletRegistrationBean<CXFServlet> localPideServlet() {
    CXFServlet servlet = new CXFServlet();
    servlet.setBus(localPideBus);
    ServletRegistrationBean<CXFServlet> registration = new ServletRegistrationBean<>(servlet, "/pide/*");
    registration.setName("pide-local");
    registration.setLoadOnStartup(1);
    return registration;
  }

  @Bean
  Endpoint localPideTramiteEndpoint(PideDirectory directory,
      PideClients clients, MgdRules rules, LocalPideAvailability availability, PideCredentials credentials,
      PideProperties properties) {
    return publish(localPideBus, new LocalPideTramite(directory, clients, rules, availability,
        guard(credentials, properties)), "classpath:wsdl/PcmIMgdTramite.wsdl", "/PcmIMgdTramite");
  }

  @Bean
  Endpoint localPideEntidadEndpoint(PideDirectory directory, LocalPideAvailability availability,
      PideCredentials credentials, PideProperties properties) {
    return publish(localPideBus, new LocalPideEntidad(directory, availability, guard(credentials, properties)),
        "classpath:wsdl/PcmIMgdEntidad.wsdl", "/PcmIMgdEntidad");
  }

  @Bean
  Endpoint localPideCuoEndpoint(JdbcTemplate jdbc, TransactionTemplate transaction,
      LocalPideAvailability availability, PideCredentials credentials, PideProperties properties) {
    return publish(localPideBus, new LocalPideCuo(jdbc, transaction, availability, guard(credentials, properties)),
        "classpath:wsdl/PcmCuo.wsdl", "/PcmCuo");
  }

  /**
   * The credentials configured for the hosted entities ({@code platform.pide.credentials}) are
   * the ones this PIDE issued them: stored once (their hash), so that the platform's own calls
   * pass its door. A stored one (or a revoked one) is left as it is.
   */
  @Bean
  org.springframework.boot.ApplicationRunner localPideCredentialSeed(PideCredentials credentials,
      PideProperties properties) {
    return args -> {
      for (PideProperties.Credential credential : properties.credentials()) {
        PideServiceCode service = PideServiceCode.parse(credential.service());
        if (service != null && credential.ruc() != null && credential.secret() != null && !credential.secret().isBlank()) {
          credentials.seed(credential.ruc().strip(), service, credential.usernameOrDefault(), credential.secret());
        }
      }
    };
  }

  private static LocalPideGuard guard(PideCredentials credentials, PideProperties properties) {
    return new LocalPideGuard(credentials, properties.local().requireCredentials());
  }

  private static Endpoint publish(Bus bus, Object implementor, String wsdl, String path) {
    EndpointImpl endpoint = new EndpointImpl(bus, implementor);
    endpoint.setWsdlLocation(wsdl);
    endpoint.getInInterceptors().add(new UsernameToken.Reader());
    endpoint.publish(path);
    return endpoint;
  }
}

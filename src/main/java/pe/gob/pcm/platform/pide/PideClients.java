package pe.gob.pcm.platform.pide;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import pe.gob.pcm.platform.metrics.PlatformMeters;
import pe.gob.pide.pcm.webservice.PcmCuoPortType;
import pe.gob.segdi.wsiopidetramite.ws.PcmIMgdTramitePortType;
import pe.gob.segdi.wsiotramite.ws.Tramite;

/**
 * SOAP clients for the PIDE (generated from the contract's WSDLs at build time) and for an
 * entity's wsiotramite, with the configured endpoints and timeouts. One proxy per service and
 * address, built once: building one means building CXF's service model, and a CXF proxy is
 * safe to share across threads as long as no call changes its request context (none does).
 */
@Component
public class PideClients {

  private final PideProperties properties;
  private final ServerAddress server;
  private final PlatformMeters meters;

  public PideClients(PideProperties properties, ServerAddress server, PlatformMeters meters) {
    this.properties = properties;
    this.server = server;
    this.meters = meters;
  }

  /** PcmIMgdTramite for the platform's own calls ({@code platform.pide.platform-ruc}). */
  public PcmIMgdTramitePortType tramite() {
    return tramite(properties.platformRuc());
  }

  /** PcmIMgdTramite as the entity: its ENVIO_DOCUMENTOS credential in every call. */
  public PcmIMgdTramitePortType tramite(String entityRuc) {
    return client("tramite", PcmIMgdTramitePortType.class, url(properties.tramiteUrl(), "/pide/PcmIMgdTramite"),
        entityRuc, PideServiceCode.ENVIO_DOCUMENTOS);
  }

  /** PcmIMgdEntidad for the platform's own calls, with its ENTIDADES_CATEGORIA credential. */
  public pe.gob.segdi.wsentidad.ws.PcmIMgdEntidadPortType entidad() {
    return client("entidad", pe.gob.segdi.wsentidad.ws.PcmIMgdEntidadPortType.class,
        url(properties.entidadUrl(), "/pide/PcmIMgdEntidad"), properties.platformRuc(),
        PideServiceCode.ENTIDADES_CATEGORIA);
  }

  /** PcmCuo for the platform's own calls ({@code platform.pide.platform-ruc}). */
  public PcmCuoPortType cuo() {
    return cuo(properties.platformRuc());
  }

  /** PcmCuo as the entity: its CUO credential in every call. */
  public PcmCuoPortType cuo(String entityRuc) {
    return client("cuo", PcmCuoPortType.class, url(properties.cuoUrl(), "/pide/PcmCuo"), entityRuc,
        PideServiceCode.CUO);
  }

  /** An entity's wsiotramite (what the PIDE calls); empty URL = this server's. */
  public Tramite wsiotramite(String url) {
    return client("wsiotramite", Tramite.class, url(url, "/wsiotramite/Tramite"), null, null);
  }

  public String cuoService() {
    return properties.cuoService();
  }

  /** A CUO for a document the entity sends (PcmCuo.getCUOEntidad with the configured service). */
  public String entityCuo(String entityRuc) {
    return cuo(entityRuc).getCUOEntidad(entityRuc, properties.cuoService());
  }

  /** A CUO for a test message from the given address (PcmCuo.getCUO). */
  public String testCuo(String callerIp) {
    return cuo().getCUO(callerIp);
  }

  /**
   * The retry cycle of the service tasks that call the PIDE ({@code platform.pide.retry-cycle}),
   * read by the models as {@code ${pideClients.retryCycle()}}: an outage longer than the cycle
   * leaves incidents, to be retried from Cockpit once the PIDE is back.
   */
  public String retryCycle() {
    return properties.retryCycle();
  }

  private String url(String configured, String localPath) {
    return StringUtils.hasText(configured) ? configured : server.base() + localPath;
  }

  private final java.util.Map<String, Object> proxies = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * One proxy per service, address and credential: the credential's header is added by an
   * interceptor of that proxy (a call never changes a shared proxy's request context). An entity
   * without a configured credential calls without one.
   */
  private <T> T client(String service, Class<T> type, String address, String entityRuc, PideServiceCode code) {
    PideProperties.Credential credential = entityRuc == null ? null
        : properties.credential(entityRuc, code).orElse(null);
    String key = type.getName() + " " + address + (credential == null ? "" : " " + credential.usernameOrDefault());
    return type.cast(proxies.computeIfAbsent(key,
        k -> measured(service, type, build(type, address, credential))));
  }

  /**
   * The port behind a proxy that times every call in plataforma.pide.llamadas: resultado ok (an
   * answer with code 0000, or without a code), otro-codigo (an answer with another code: -1, 0001, 0003…) or fallo
   * (no answer: the exception is passed on unchanged).
   */
  private <T> T measured(String service, Class<T> type, T port) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(port, args);
          }
          long start = System.nanoTime();
          String result = "fallo";
          try {
            Object answer = method.invoke(port, args);
            result = outcome(answer);
            return answer;
          } catch (InvocationTargetException e) {
            throw e.getCause();
          } finally {
            meters.pideCall(service, method.getName(), result, System.nanoTime() - start);
          }
        }));
  }

  private static String outcome(Object answer) {
    if (answer == null) {
      return "ok";
    }
    try {
      Object code = answer.getClass().getMethod("getVcodres").invoke(answer);
      return code == null || "0000".equals(code) ? "ok" : "otro-codigo";
    } catch (ReflectiveOperationException noCode) {
      return "ok";
    }
  }

  private <T> T build(Class<T> type, String address, PideProperties.Credential credential) {
    JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
    factory.setServiceClass(type);
    factory.setAddress(address);
    if (credential != null) {
      factory.getOutInterceptors().add(new UsernameToken.Writer(credential.usernameOrDefault(), credential.secret()));
    }
    @SuppressWarnings("unchecked")
    T port = (T) factory.create();
    Client client = ClientProxy.getClient(port);
    HTTPClientPolicy policy = new HTTPClientPolicy();
    policy.setConnectionTimeout(properties.connectTimeout().toMillis());
    policy.setReceiveTimeout(properties.receiveTimeout().toMillis());
    ((HTTPConduit) client.getConduit()).setClient(policy);
    return port;
  }

}

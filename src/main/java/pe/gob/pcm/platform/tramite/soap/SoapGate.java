package pe.gob.pcm.platform.tramite.soap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;
import pe.gob.pcm.platform.security.BoundedRequest;
import pe.gob.pcm.platform.metrics.PlatformMeters;

/**
 * In front of {@code /wsiotramite}: only the configured callers (the PIDE's addresses in
 * production; anyone when the list is empty) and no message over the size bound, answered with
 * a SOAP fault before anything is parsed (a declared Content-Length over the bound), or as soon as
 * the bound is crossed while reading (a chunked body).
 */
public class SoapGate extends OncePerRequestFilter {

  private final List<String> allowedCallers;
  private final long maxBytes;
  private final PlatformMeters meters;
  private final boolean clientCertificateRequired;

  public SoapGate(List<String> allowedCallers, long maxBytes) {
    this(allowedCallers, maxBytes, null);
  }

  /** With meters: each refusal counts in plataforma.soap.rechazos (motivo origen or tamano). */
  public SoapGate(List<String> allowedCallers, long maxBytes, PlatformMeters meters) {
    this(allowedCallers, maxBytes, meters, false);
  }

  /**
   * With {@code clientCertificateRequired} (platform.tramite.mutual-tls): a call that did not come
   * through the mutual-TLS connector with a verified client certificate is refused (motivo certificado).
   */
  public SoapGate(List<String> allowedCallers, long maxBytes, PlatformMeters meters, boolean clientCertificateRequired) {
    this.allowedCallers = List.copyOf(allowedCallers);
    this.maxBytes = maxBytes;
    this.meters = meters;
    this.clientCertificateRequired = clientCertificateRequired;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (clientCertificateRequired && !(request.getAttribute(MutualTlsConnector.CLIENT_CERTIFICATE)
        instanceof java.security.cert.X509Certificate[] chainOfCaller && chainOfCaller.length > 0)) {
      count("certificado");
      fault(response, HttpServletResponse.SC_FORBIDDEN,
          "Se requiere TLS mutuo con un certificado de cliente emitido por la CA de la PIDE");
      return;
    }
    if (!allowedCallers.isEmpty() && !allowedCallers.contains(request.getRemoteAddr())) {
      count("origen");
      fault(response, HttpServletResponse.SC_FORBIDDEN, "Origen no autorizado: " + request.getRemoteAddr());
      return;
    }
    if (request.getContentLengthLong() > maxBytes) {
      count("tamano");
      fault(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "Mensaje demasiado grande: el máximo es " + (maxBytes / (1024 * 1024)) + " MB");
      return;
    }
    // a body without Content-Length (chunked) is counted while it is read
    chain.doFilter(new BoundedRequest(request, maxBytes, "Mensaje demasiado grande"), response);
  }

  private void count(String reason) {
    if (meters != null) {
      // the operation is in the body, which a refused request never gets to have parsed
      meters.soapRefused("desconocida", reason);
    }
  }

  private static void fault(HttpServletResponse response, int status, String reason) throws IOException {
    response.setStatus(status);
    response.setContentType("text/xml;charset=UTF-8");
    response.getOutputStream().write(("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
        + "<soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>"
        + reason.replace("&", "&amp;").replace("<", "&lt;")
        + "</faultstring></soap:Fault></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8));
  }
}

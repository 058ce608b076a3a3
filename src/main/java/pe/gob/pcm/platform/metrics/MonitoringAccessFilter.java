package pe.gob.pcm.platform.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import pe.gob.pcm.platform.validation.Problems;
import pe.gob.pcm.platform.security.PlatformAuthenticationFilter;
import pe.gob.pcm.platform.security.PlatformUser;

/**
 * In front of {@code /actuator/*}: {@code /actuator/health}, its probes {@code /liveness} and
 * {@code /readiness}, and {@code /actuator/info} stay open (status only, for load balancers,
 * container health checks and orchestrators); everything else (prometheus,
 * the detailed health group) needs a platform user, as /api/** does (Basic or the webapp
 * session), who may read the metrics (see {@link MetricsAccess}): 401 without one, 403 otherwise.
 */
public class MonitoringAccessFilter extends OncePerRequestFilter {

  private static final Set<String> OPEN = Set.of("/actuator/health", "/actuator/health/liveness",
      "/actuator/health/readiness", "/actuator/info");

  private final PlatformAuthenticationFilter authentication;
  private final MetricsAccess access;
  private final ProcessGauges gauges;

  public MonitoringAccessFilter(PlatformAuthenticationFilter authentication, MetricsAccess access,
      ProcessGauges gauges) {
    this.authentication = authentication;
    this.access = access;
    this.gauges = gauges;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (OPEN.contains(path)) {
      chain.doFilter(request, response);
      return;
    }
    authentication.doFilter(request, response, (req, res) -> {
      PlatformUser user = (PlatformUser) req.getAttribute(PlatformUser.REQUEST_ATTRIBUTE);
      if (user == null || !access.mayRead(user)) {
        Problems.write(request, (HttpServletResponse) res, HttpServletResponse.SC_FORBIDDEN,
            "Solo la Gerencia, el monitoreo configurado y los administradores pueden leer las métricas.");
        return;
      }
      if (path.startsWith("/actuator/prometheus")) {
        gauges.refresh();
      }
      chain.doFilter(req, res);
    });
  }
}

package pe.gob.pcm.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;
import pe.gob.pcm.platform.validation.Problems;

/**
 * Authenticates the platform's own endpoints ({@code /api/**}, {@code /documentos/**}) the same
 * two ways Camunda does: HTTP Basic with a platform user, or the session of a user logged into
 * the webapps (so Tasklist users can upload from the browser without logging in again).
 * Session-authenticated writes must come from this site (Origin check) to stop cross-site
 * request forgery; Basic callers send their credentials explicitly and need no such check.
 */
public class PlatformAuthenticationFilter extends OncePerRequestFilter {

  private final ProcessEngine engine;
  /**
   * How long the groups and tenants kept in a session are trusted before they are read again,
   * in ms (0: never), as Camunda's webapps do ({@code camunda.bpm.webapp.auth.cache.*}): a
   * person removed from a group or deactivated loses its rights here too, not only in Tasklist.
   */
  private final long cacheTimeToLive;

  public PlatformAuthenticationFilter(ProcessEngine engine) {
    this(engine, 0);
  }

  public PlatformAuthenticationFilter(ProcessEngine engine, long cacheTimeToLive) {
    this.engine = engine;
    this.cacheTimeToLive = cacheTimeToLive;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    PlatformUser user = null;
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      user = fromBasic(header.substring(6).trim());
    } else {
      user = fromSession(request.getSession(false));
      if (user != null && isWrite(request) && !sameOrigin(request)) {
        Problems.write(request, response, HttpServletResponse.SC_FORBIDDEN,
            "Solicitud rechazada: debe enviarse desde la propia plataforma.");
        return;
      }
    }
    if (user == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"plataforma\"");
      Problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED,
          "Debe iniciar sesión (en Tasklist o con usuario y contraseña).");
      return;
    }
    request.setAttribute(PlatformUser.REQUEST_ATTRIBUTE, user);
    chain.doFilter(request, response);
  }

  private PlatformUser fromBasic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = decoded.substring(0, colon);
    IdentityService identity = engine.getIdentityService();
    if (!identity.checkPassword(userId, decoded.substring(colon + 1))) {
      return null;
    }
    UserAuthentication auth = AuthenticationUtil.createAuthentication(engine, userId);
    return auth == null ? null
        : new PlatformUser(userId, list(auth.getGroupIds()), list(auth.getTenantIds()));
  }

  private PlatformUser fromSession(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    if (auths != null && cacheTimeToLive > 0) {
      AuthenticationUtil.updateCache(auths, session, cacheTimeToLive);
      AuthenticationUtil.updateSession(session, auths);
    }
    Authentication auth = auths == null ? null
        : auths.getAuthenticationForProcessEngine(engine.getName());
    if (auth instanceof UserAuthentication user) {
      return new PlatformUser(user.getName(), list(user.getGroupIds()), list(user.getTenantIds()));
    }
    return null;
  }

  private static java.util.List<String> list(java.util.Collection<String> values) {
    return values == null ? java.util.List.of() : java.util.List.copyOf(values);
  }

  private static boolean isWrite(HttpServletRequest request) {
    String method = request.getMethod();
    return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
  }

  private static boolean sameOrigin(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      origin = request.getHeader("Referer");
    }
    if (origin == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String host = request.getHeader("Host");
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host != null && host.equalsIgnoreCase(authority);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

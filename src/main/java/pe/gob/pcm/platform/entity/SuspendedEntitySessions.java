package pe.gob.pcm.platform.entity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;
import pe.gob.pcm.platform.validation.Problems;
import pe.gob.pcm.platform.security.Role;

/**
 * Ends the open sessions of a suspended entity's users. Logging in is refused at once
 * ({@link EntityAwareIdentityProvider}); a session opened before the suspension is closed at its
 * next request to the webapps or the platform's pages and API (within the registry's cache time,
 * {@link HostedEntities}), answered 401 with the reason, so that Tasklist shows its login again.
 * The user's own entities (direct tenant memberships) are read once per session.
 */
public class SuspendedEntitySessions extends OncePerRequestFilter {

  static final String ENTITIES_ATTRIBUTE = SuspendedEntitySessions.class.getName() + ".entities";

  private final HostedEntities entities;
  private final IdentityService identity;

  public SuspendedEntitySessions(HostedEntities entities, IdentityService identity) {
    this.entities = entities;
    this.identity = identity;
  }

  /** The users of a session and their entities, as first seen. */
  record SessionEntities(String users, List<String> rucs) implements Serializable {}

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentications auths = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (auths == null || auths.getAuthentications().isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    List<String> users = auths.getAuthentications().stream().map(Authentication::getName).sorted().toList();
    String key = String.join(",", users);
    SessionEntities known = session.getAttribute(ENTITIES_ATTRIBUTE) instanceof SessionEntities s
        && s.users().equals(key) ? s : null;
    if (known == null) {
      List<String> rucs = users.stream()
          .flatMap(user -> identity.createTenantQuery().userMember(user).list().stream().map(Tenant::getId))
          // the requesters' shared tenant is no entity (and, not hosted, is never cached as one)
          .filter(ruc -> !Role.REQUESTER_TENANT.equals(ruc))
          .distinct().toList();
      known = new SessionEntities(key, rucs);
      session.setAttribute(ENTITIES_ATTRIBUTE, known);
    }
    String suspended = known.rucs().stream().filter(entities::isSuspended).findFirst().orElse(null);
    if (suspended == null) {
      chain.doFilter(request, response);
      return;
    }
    session.invalidate();
    String name = entities.name(suspended).orElse(suspended);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      // the own API answers Problem Details; the webapps keep the shape Camunda's pages read
      Problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED,
          "Sesión cerrada: la entidad " + name + " está suspendida en la plataforma.");
      return;
    }
    byte[] body = ("{\"type\":\"AuthenticationException\",\"mensaje\":\"Sesión cerrada: la entidad "
        + name.replace("\"", "'") + " está suspendida en la plataforma.\"}").getBytes(StandardCharsets.UTF_8);
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}

package pe.gob.pcm.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two gaps of Camunda's REST API (both {@code /engine-rest} and the webapps' {@code /camunda/api/engine})
 * when entities share one engine as tenants:
 * <ul>
 *   <li>Engine-wide figures ignore tenants: the metrics, the historic activity statistics of a
 *       definition and the cleanable-history reports count every entity's instances. They are for
 *       administrators ({@value Role#ADMIN_GROUP}) only; anyone else gets 403.</li>
 *   <li>An instance or task of another entity is refused with ENGINE-13034 ("belongs to no
 *       authenticated tenant"), which Camunda answers as HTTP 500 naming the id. It is answered
 *       404, and so is one that does not exist (Camunda's NullValueException "... doesn't
 *       exist", also a 500): the caller cannot tell them apart.</li>
 * </ul>
 */
public class EngineApiBoundaries extends OncePerRequestFilter {

  static final String HIDDEN_BY_TENANT = "belongs to no authenticated tenant";

  private static final Pattern ENGINE_API =
      Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)$");
  private static final List<Pattern> ADMIN_ONLY = List.of(
      Pattern.compile("/metrics(/.*)?"),
      Pattern.compile("/history/process-definition/[^/]+/statistics/?"),
      Pattern.compile("/history/(process|decision|case)-definition/cleanable-[a-z-]+-report(/count)?/?"),
      Pattern.compile("/history/batch/cleanable-batch-report(/count)?/?"));

  private final ProcessEngine engine;

  public EngineApiBoundaries(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Matcher api = ENGINE_API.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (!api.matches()) {
      chain.doFilter(request, response);
      return;
    }
    String resource = api.group(1);
    if (ADMIN_ONLY.stream().anyMatch(p -> p.matcher(resource).matches())) {
      List<String> groups = groupsOf(request);
      if (groups != null && !groups.contains(Role.ADMIN_GROUP)) {
        write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
            "Solo un administrador puede consultar cifras de todo el motor.");
        return;
      }
    }
    HiddenAsNotFound wrapped = new HiddenAsNotFound(response);
    chain.doFilter(request, wrapped);
    wrapped.finish();
  }

  /** The caller's groups: Camunda's REST filter has set them; the webapps keep them in the session. */
  private List<String> groupsOf(HttpServletRequest request) {
    Authentication current = engine.getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getGroupIds() == null ? List.of() : List.copyOf(current.getGroupIds());
    }
    HttpSession session = request.getSession(false);
    Authentications auths = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (auths != null && auths.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user) {
      return user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds());
    }
    return null; // not authenticated: Camunda answers 401 itself
  }

  private static void write(HttpServletResponse response, int status, String type, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    byte[] body = ("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Holds back a 500 answer until it is known whether it is a tenant refusal. */
  static final class HiddenAsNotFound extends HttpServletResponseWrapper {
    private ByteArrayOutputStream held;
    private ServletOutputStream stream;
    private PrintWriter writer;

    HiddenAsNotFound(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int status) {
      if (status == SC_INTERNAL_SERVER_ERROR && !isCommitted()) {
        held = new ByteArrayOutputStream();
      } else {
        super.setStatus(status);
      }
    }

    @Override
    public void setContentLength(int length) {
      if (held == null) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (held == null) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (held == null || !"Content-Length".equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (held == null) {
        return super.getOutputStream();
      }
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) {
            held.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            held.write(b, off, len);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException();
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (held == null) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (held == null) {
        super.flushBuffer();
      }
    }

    void finish() throws IOException {
      if (held == null) {
        return;
      }
      if (writer != null) {
        writer.flush();
      }
      byte[] body = held.toByteArray();
      held = null;
      String text = new String(body, StandardCharsets.UTF_8);
      if (text.contains(HIDDEN_BY_TENANT) || text.contains("\"NullValueException\"") && text.contains("doesn't exist")) {
        write((HttpServletResponse) getResponse(), SC_NOT_FOUND, "InvalidRequestException",
            "No encontrado: no existe o no pertenece a su entidad.");
      } else {
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.setStatus(SC_INTERNAL_SERVER_ERROR);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
      }
    }
  }
}

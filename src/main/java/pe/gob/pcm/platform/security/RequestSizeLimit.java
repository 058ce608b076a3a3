package pe.gob.pcm.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A size bound on request bodies of the REST APIs, before authentication: Camunda reads a JSON
 * body or a deployment's multipart whole into memory, so a body over the bound is refused (413)
 * when it declares its length, and cut off while read when it is chunked.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

  private final long maxBytes;

  public RequestSizeLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      byte[] answer = ("{\"type\":\"RequestTooLarge\",\"message\":\"La solicitud supera el"
          + " tamaño máximo de " + (maxBytes / (1024 * 1024)) + " MB.\"}").getBytes(StandardCharsets.UTF_8);
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      // the body is not read: the connection cannot carry another request after this one
      response.setHeader("Connection", "close");
      response.setContentType("application/json;charset=UTF-8");
      response.setContentLength(answer.length);
      response.getOutputStream().write(answer);
      return;
    }
    chain.doFilter(new BoundedRequest(request, maxBytes, "Solicitud demasiado grande"), response);
  }
}

package pe.gob.pcm.platform.tramite;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of {@code /wsiotramite}: only the configured callers (the PIDE's addresses in
 * production; anyone when the list is empty) and no message over the size bound, answered with
 * a SOAP fault before anything is parsed (a declared Content-Length over the bound), or as soon as
 * the bound is crossed while reading (a chunked body).
 */
public class SoapGate extends OncePerRequestFilter {

  private final List<String> allowedCallers;
  private final long maxBytes;

  public SoapGate(List<String> allowedCallers, long maxBytes) {
    this.allowedCallers = List.copyOf(allowedCallers);
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (!allowedCallers.isEmpty() && !allowedCallers.contains(request.getRemoteAddr())) {
      fault(response, HttpServletResponse.SC_FORBIDDEN, "Origen no autorizado: " + request.getRemoteAddr());
      return;
    }
    if (request.getContentLengthLong() > maxBytes) {
      fault(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "Mensaje demasiado grande: el máximo es " + (maxBytes / (1024 * 1024)) + " MB");
      return;
    }
    // a body without Content-Length (chunked) is counted while it is read
    chain.doFilter(new BoundedRequest(request, maxBytes), response);
  }

  /** Fails the read (and so the parse, with a SOAP fault) past the size bound. */
  static final class BoundedRequest extends HttpServletRequestWrapper {
    private final long maxBytes;
    private ServletInputStream bounded;

    BoundedRequest(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (bounded == null) {
        bounded = new BoundedStream(super.getInputStream(), maxBytes);
      }
      return bounded;
    }
  }

  static final class BoundedStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long maxBytes;
    private long read;

    BoundedStream(ServletInputStream in, long maxBytes) {
      this.in = in;
      this.maxBytes = maxBytes;
    }

    private int count(int n) throws IOException {
      if (n > 0) {
        read += n;
        if (read > maxBytes) {
          throw new IOException("Mensaje demasiado grande: el máximo es " + (maxBytes / (1024 * 1024)) + " MB");
        }
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return count(in.read(buffer, offset, length));
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
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

package pe.gob.pcm.platform.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A request whose body fails to read past a size bound: what a declared Content-Length check
 * cannot stop (a chunked body) is cut off while it is read, before it fills the memory.
 */
public final class BoundedRequest extends HttpServletRequestWrapper {

  private final long maxBytes;
  private final String refusal;
  private ServletInputStream bounded;

  /** {@code refusal}: the start of the error's message, e.g. "Mensaje demasiado grande". */
  public BoundedRequest(HttpServletRequest request, long maxBytes, String refusal) {
    super(request);
    this.maxBytes = maxBytes;
    this.refusal = refusal;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (bounded == null) {
      bounded = new BoundedStream(super.getInputStream());
    }
    return bounded;
  }

  private final class BoundedStream extends ServletInputStream {
    private final ServletInputStream in;
    private long read;

    BoundedStream(ServletInputStream in) {
      this.in = in;
    }

    private int count(int n) throws IOException {
      if (n > 0) {
        read += n;
        if (read > maxBytes) {
          throw new IOException(refusal + ": el máximo es " + (maxBytes / (1024 * 1024)) + " MB");
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
}

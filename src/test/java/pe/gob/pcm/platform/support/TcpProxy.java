package pe.gob.pcm.platform.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy the test controls, between the platform and a service (the PIDE). {@link #cut()}
 * closes the listening socket (new connections are refused) and resets every open connection,
 * as a network outage seen from the client; {@link #restore()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

  private final int port;
  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile ServerSocket server;

  public TcpProxy(int port, int targetPort) {
    this.port = port;
    this.targetPort = targetPort;
  }

  public int port() {
    return port;
  }

  /** Connections accepted and relayed so far. */
  public int accepted() {
    return accepted.get();
  }

  public synchronized TcpProxy restore() {
    if (server != null) {
      return this;
    }
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      server = socket;
      Thread acceptor = new Thread(() -> acceptLoop(socket), "proxy-accept-" + port);
      acceptor.setDaemon(true);
      acceptor.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public synchronized void cut() {
    ServerSocket socket = server;
    server = null;
    closeQuietly(socket);
    open.forEach(TcpProxy::reset);
    open.clear();
  }

  public boolean isUp() {
    return server != null;
  }

  @Override
  public void close() {
    cut();
  }

  private void acceptLoop(ServerSocket socket) {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException closed) {
        return;
      }
      Socket upstream = new Socket();
      try {
        upstream.connect(new InetSocketAddress("127.0.0.1", targetPort), 5000);
      } catch (IOException e) {
        reset(client);
        closeQuietly(upstream);
        continue;
      }
      accepted.incrementAndGet();
      open.add(client);
      open.add(upstream);
      pump(client, upstream);
      pump(upstream, client);
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16384];
      try (InputStream in = from.getInputStream()) {
        OutputStream out = to.getOutputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
        to.shutdownOutput();
      } catch (IOException ended) {
        closeQuietly(to);
      } finally {
        if (from.isClosed() || to.isClosed() || (from.isInputShutdown() && to.isOutputShutdown())) {
          open.remove(from);
          open.remove(to);
        }
      }
    }, "proxy-pump-" + port);
    thread.setDaemon(true);
    thread.start();
  }

  /** Close with RST, as a broken network does, rather than an orderly FIN. */
  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException ignored) {
      // already closed
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (IOException ignored) {
        // nothing to do
      }
    }
  }
}

package pe.gob.pcm.platform.pide;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** This server's own base URL, known once the web server has its (possibly random) port. */
@Component
public class ServerAddress {

  private volatile int port = 8080;

  @EventListener
  void onStarted(WebServerInitializedEvent event) {
    if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
      port = event.getWebServer().getPort();
    }
  }

  public String base() {
    return "http://127.0.0.1:" + port;
  }
}

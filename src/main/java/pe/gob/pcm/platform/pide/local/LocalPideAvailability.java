package pe.gob.pcm.platform.pide.local;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pe.gob.pcm.platform.security.PlatformUser;

/**
 * Takes the local PIDE down and up again, to rehearse an outage (retries, incidents, recovery)
 * in the demo and in tests. Administrators only: {@code PUT /api/pide-local/disponible?valor=false}.
 */
@RestController
@ConditionalOnProperty(prefix = "platform.pide.local", name = "enabled", havingValue = "true")
public class LocalPideAvailability {

  private final AtomicBoolean available = new AtomicBoolean(true);

  public boolean isAvailable() {
    return available.get();
  }

  public void setAvailable(boolean value) {
    available.set(value);
  }

  @GetMapping("/api/pide-local/disponible")
  public Map<String, Object> state() {
    return Map.of("disponible", available.get());
  }

  @PutMapping("/api/pide-local/disponible")
  public ResponseEntity<Map<String, Object>> change(
      @RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user, @RequestParam("valor") boolean value) {
    if (!user.isAdmin()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("mensaje", "Solo un administrador."));
    }
    available.set(value);
    return ResponseEntity.ok(Map.of("disponible", value));
  }
}

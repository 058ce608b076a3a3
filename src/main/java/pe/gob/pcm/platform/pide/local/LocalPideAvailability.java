package pe.gob.pcm.platform.pide.local;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pe.gob.pcm.platform.security.ApiAuthentication;
import pe.gob.pcm.platform.security.PlatformUser;
import pe.gob.pcm.platform.validation.ApiErrors;

/**
 * Takes the local PIDE down and up again, to rehearse an outage (retries, incidents, recovery)
 * in the demo and in tests. Administrators only: {@code PUT /api/pide-local/disponible?valor=false}.
 */
@RestController
@ConditionalOnProperty(prefix = "platform.pide.local", name = "enabled", havingValue = "true")
@Tag(name = "PIDE local (demostración)", description = "Solo con la PIDE local de la demostración"
    + " (platform.pide.local.enabled): apagarla y encenderla para ensayar una caída de la PIDE")
@SecurityRequirement(name = ApiAuthentication.BASIC)
@SecurityRequirement(name = ApiAuthentication.SESSION)
@ApiResponse(responseCode = "401", description = ApiAuthentication.UNAUTHENTICATED,
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
public class LocalPideAvailability {

  private final AtomicBoolean available = new AtomicBoolean(true);

  public boolean isAvailable() {
    return available.get();
  }

  public void setAvailable(boolean value) {
    available.set(value);
  }

  @GetMapping("/api/pide-local/disponible")
  @Operation(summary = "¿Está disponible la PIDE local?",
      description = "Si la PIDE local de la demostración responde o simula una caída.")
  @ApiResponse(responseCode = "200", description = "{\"disponible\": true|false}")
  public Map<String, Object> state() {
    return Map.of("disponible", available.get());
  }

  @PutMapping("/api/pide-local/disponible")
  @Operation(summary = "Apagar o encender la PIDE local",
      description = "Con valor=false la PIDE local deja de responder (los envíos se reintentan y terminan en"
          + " incidente); con valor=true vuelve. Solo un administrador.")
  @ApiResponse(responseCode = "200", description = "{\"disponible\": true|false}, el nuevo estado")
  @ApiResponse(responseCode = "400", description = "Falta «valor» o no es true ni false",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "403", description = "El usuario no es administrador"
      + ApiAuthentication.CROSS_SITE_WRITE,
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<Map<String, Object>> change(
      @RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "false para apagarla, true para encenderla", required = true)
      @RequestParam("valor") boolean value) {
    if (!user.isAdmin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Solo un administrador.");
    }
    available.set(value);
    return ResponseEntity.ok(Map.of("disponible", value));
  }
}

package pe.gob.pcm.platform.pide;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import pe.gob.pcm.platform.validation.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pe.gob.pcm.platform.security.ApiAuthentication;
import pe.gob.pcm.platform.validation.ApiErrors;

/** The PIDE's entities by category, for the platform's pages: {@code GET /api/pide/entidades?categoria=8}. */
@RestController
@Tag(name = "Directorio de la PIDE", description = "Las entidades conectadas a la PIDE, por categoría, para las"
    + " páginas de la plataforma")
@SecurityRequirement(name = ApiAuthentication.BASIC)
@SecurityRequirement(name = ApiAuthentication.SESSION)
@ApiResponse(responseCode = "401", description = ApiAuthentication.UNAUTHENTICATED,
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
public class PideEntitiesController {

  private final PideEntities entities;

  public PideEntitiesController(PideEntities entities) {
    this.entities = entities;
  }

  @GetMapping("/api/pide/entidades")
  @Operation(summary = "Entidades de la PIDE de una categoría",
      description = "RUC, nombre y categoría de cada entidad de la categoría, según el servicio de entidades por"
          + " categoría de la PIDE.")
  @ApiResponse(responseCode = "200", description = "Las entidades (lista de {ruc, nombre, categoria})")
  @ApiResponse(responseCode = "400", description = "La categoría no es de 1 a 8 (cuerpo {mensaje}); o falta, o no es"
      + " un número (cuerpo de error HTTP)",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<?> list(
      @Parameter(description = "Categoría de la PIDE, de 1 a 8", required = true)
      @RequestParam(name = "categoria") int category) {
    if (!PideEntities.CATEGORIES.containsKey(category)) {
      throw new InvalidInputException("categoria", "Categoría", "debe ser de 1 a 8 (" + PideEntities.CATEGORIES + ")");
    }
    List<Map<String, Object>> body = entities.byCategory(category).stream()
        .map(e -> Map.<String, Object>of("ruc", e.ruc(), "nombre", e.name(), "categoria", e.category()))
        .toList();
    return ResponseEntity.ok(body);
  }
}

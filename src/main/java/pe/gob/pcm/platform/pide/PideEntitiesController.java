package pe.gob.pcm.platform.pide;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The PIDE's entities by category, for the platform's pages: {@code GET /api/pide/entidades?categoria=8}. */
@RestController
public class PideEntitiesController {

  private final PideEntities entities;

  public PideEntitiesController(PideEntities entities) {
    this.entities = entities;
  }

  @GetMapping("/api/pide/entidades")
  public ResponseEntity<?> list(@RequestParam(name = "categoria") int category) {
    if (!PideEntities.CATEGORIES.containsKey(category)) {
      return ResponseEntity.badRequest().body(Map.of("mensaje",
          "categoria: debe ser de 1 a 8 (" + PideEntities.CATEGORIES + ")"));
    }
    List<Map<String, Object>> body = entities.byCategory(category).stream()
        .map(e -> Map.<String, Object>of("ruc", e.ruc(), "nombre", e.name(), "categoria", e.category()))
        .toList();
    return ResponseEntity.ok(body);
  }
}

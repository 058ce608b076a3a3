package pe.gob.pcm.platform.pide;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import pe.gob.segdi.wsentidad.ws.EntidadBean;

/**
 * The entities registered in the PIDE for interoperability, by category (getListaEntidad), kept
 * for {@code platform.pide.entity-list-cache} (1 h) so that forms and checks do not call the
 * PIDE each time. A PIDE that does not answer leaves the last list in place.
 */
@Service
public class PideEntities {

  /** Categories 1–8 of getListaEntidad. */
  public static final Map<Integer, String> CATEGORIES = Map.of(
      1, "Poder Ejecutivo", 2, "Poder Legislativo", 3, "Poder Judicial", 4, "Organismos Autónomos",
      5, "Universidades Públicas", 6, "Gobierno Regional", 7, "Gobierno Local Provincial",
      8, "Gobierno Local Distrital");

  public record Entity(String ruc, String name, int category) {}

  private record Cached(List<Entity> entities, Instant until) {}

  private static final Logger LOG = LoggerFactory.getLogger(PideEntities.class);

  private final PideClients pide;
  private final PideProperties properties;
  private final Clock clock = Clock.systemUTC();
  private final Map<Integer, Cached> cache = new ConcurrentHashMap<>();

  public PideEntities(PideClients pide, PideProperties properties) {
    this.pide = pide;
    this.properties = properties;
  }

  /** Drops the cached list of a category: the directory changed (an entity went live). */
  public void forget(int category) {
    cache.remove(category);
  }

  public List<Entity> byCategory(int category) {
    if (!CATEGORIES.containsKey(category)) {
      throw new IllegalArgumentException("Categoría desconocida: " + category);
    }
    Cached cached = cache.get(category);
    if (cached != null && clock.instant().isBefore(cached.until())) {
      return cached.entities();
    }
    try {
      List<Entity> entities = new ArrayList<>();
      for (EntidadBean bean : pide.entidad().getListaEntidad(category)) {
        entities.add(new Entity(bean.getVrucent(), bean.getVnoment(), category));
      }
      cache.put(category, new Cached(List.copyOf(entities), clock.instant().plus(properties.entityListCache())));
      return List.copyOf(entities);
    } catch (RuntimeException e) {
      LOG.warn("La PIDE no devolvió la lista de entidades de la categoría {}: {}", category, e.getMessage());
      return cached == null ? List.of() : cached.entities();
    }
  }

  private volatile Map<String, String> documentTypes;
  private volatile Instant documentTypesUntil = Instant.MIN;

  /** getTipoDocumento (code → name), kept like the lists; empty if the PIDE never answered. */
  public Map<String, String> documentTypes() {
    if (documentTypes != null && clock.instant().isBefore(documentTypesUntil)) {
      return documentTypes;
    }
    try {
      Map<String, String> types = new java.util.TreeMap<>();
      for (var type : pide.tramite().getTipoDocumento()) {
        types.put(type.getCcodtipdoctra(), type.getVnomtipdoctra());
      }
      documentTypes = Map.copyOf(types);
      documentTypesUntil = clock.instant().plus(properties.entityListCache());
    } catch (RuntimeException e) {
      LOG.warn("La PIDE no devolvió los tipos de documento: {}", e.getMessage());
    }
    return documentTypes == null ? Map.of() : documentTypes;
  }

  /** The entity with this RUC in any category, if the PIDE lists it. */
  public Optional<Entity> find(String ruc) {
    for (int category : CATEGORIES.keySet()) {
      for (Entity entity : byCategory(category)) {
        if (entity.ruc().equals(ruc)) {
          return Optional.of(entity);
        }
      }
    }
    return Optional.empty();
  }
}

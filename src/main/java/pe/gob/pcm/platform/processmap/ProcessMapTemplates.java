package pe.gob.pcm.platform.processmap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The SGP's standardized process-map templates ({@code src/main/resources/mapa/plantillas/*.json}):
 * each seeds the first version of an entity's map. Read once at start-up; a template that breaks
 * the format stops the start-up, naming the file.
 */
@Component
public class ProcessMapTemplates {

  public record Template(@JsonProperty("codigo") String code, @JsonProperty("nombre") String name,
      @JsonProperty("descripcion") String description, @JsonProperty("categorias") List<Integer> categories,
      @JsonProperty("mapa") ProcessMap map) {}

  private final Map<String, Template> templates = new LinkedHashMap<>();

  public ProcessMapTemplates() throws IOException {
    ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:mapa/plantillas/*.json");
    List<Template> read = new ArrayList<>();
    for (Resource file : files) {
      try (InputStream in = file.getInputStream()) {
        read.add(json.readValue(in, Template.class));
      } catch (IOException e) {
        throw new IllegalStateException("La plantilla de mapa de procesos " + file.getFilename() + " no es válida", e);
      }
    }
    read.sort(Comparator.comparing(Template::code));
    read.forEach(t -> templates.put(t.code(), t));
  }

  public List<Template> all() {
    return List.copyOf(templates.values());
  }

  public Optional<Template> find(String code) {
    return Optional.ofNullable(code == null ? null : templates.get(code));
  }
}

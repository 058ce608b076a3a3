package pe.gob.pcm.platform.pgo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The standard structure of each municipal organisation model ({@code pgo/modelos/<code>.json}),
 * which seeds a municipality's proposal. Editable as files; the codes are the DMN's outputs.
 */
@Component
public class MunicipalModels {

  public Optional<String> structureJson(String modelCode) {
    if (modelCode == null || !modelCode.matches("[A-Z]{2}-[A-Z0-9]{1,4}")) {
      return Optional.empty();
    }
    ClassPathResource resource = new ClassPathResource("pgo/modelos/" + modelCode + ".json");
    if (!resource.exists()) {
      return Optional.empty();
    }
    try (InputStream in = resource.getInputStream()) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("No se pudo leer el modelo " + modelCode, e);
    }
  }
}

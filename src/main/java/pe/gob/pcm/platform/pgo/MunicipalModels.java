package pe.gob.pcm.platform.pgo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The standard structure of each organisation model ({@code pgo/modelos/<code>.json}), which seeds
 * a proposal: the municipal ROF models (codes are the DMN's outputs) and the model MOP
 * ({@link #MOP_MODEL}). Editable as files.
 */
@Component
public class MunicipalModels {

  /** The model MOP structure of a programa nacional, seeding every MOP. */
  public static final String MOP_MODEL = "MOP-PN";
  public static final String MOP_MODEL_NAME = "Modelo de MOP de programa o proyecto adscrito";

  public Optional<String> structureJson(String modelCode) {
    if (modelCode == null || !modelCode.matches("[A-Z]{2,3}-[A-Z0-9]{1,4}")) {
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

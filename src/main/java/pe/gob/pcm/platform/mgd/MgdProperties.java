package pe.gob.pcm.platform.mgd;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.tramite.document-types}: the document types the MGD knows (code → name, as the
 * PIDE's getTipoDocumento answers).
 */
@ConfigurationProperties(prefix = "platform.tramite")
public record MgdProperties(Map<String, String> documentTypes) {

  public MgdProperties {
    documentTypes = documentTypes == null || documentTypes.isEmpty()
        ? Map.of("01", "Oficio", "02", "Carta") : Map.copyOf(documentTypes);
  }
}

package pe.gob.pcm.platform.tramite;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.tramite.*}: the document types the MGD knows (code → name, as the PIDE's
 * getTipoDocumento answers) and who may call wsiotramite (caller IP addresses; empty = anyone,
 * as in the demo; in production, the PIDE's addresses).
 */
@ConfigurationProperties(prefix = "platform.tramite")
public record TramiteProperties(
    Map<String, String> documentTypes,
    @DefaultValue List<String> allowedCallers) {

  public TramiteProperties {
    documentTypes = documentTypes == null || documentTypes.isEmpty()
        ? Map.of("01", "Oficio", "02", "Carta") : Map.copyOf(documentTypes);
    allowedCallers = List.copyOf(allowedCallers);
  }
}

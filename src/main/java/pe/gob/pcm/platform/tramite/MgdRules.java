package pe.gob.pcm.platform.tramite;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import pe.gob.pcm.platform.validation.FieldError;
import pe.gob.segdi.wsiotramite.ws.RecepcionTramite;

/** The MGD metadata rules for others than wsiotramite (the local PIDE applies them too). */
public final class MgdRules {

  private MgdRules() {}

  public static Optional<String> firstProblem(RecepcionTramite wire, Map<String, String> documentTypes,
      long maxPdfBytes) {
    return MgdValidation.check(WireMapping.toDomain(wire), documentTypes, maxPdfBytes,
            Clock.system(ZoneId.of("America/Lima")))
        .errors().stream().findFirst().map(FieldError::message);
  }
}

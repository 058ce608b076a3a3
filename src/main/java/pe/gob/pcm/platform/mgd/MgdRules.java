package pe.gob.pcm.platform.mgd;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.PeruTime;
import pe.gob.pcm.platform.document.DocumentProperties;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.FieldError;

/**
 * The MGD metadata rules with the platform's settings (document types, largest PDF): applied by
 * the receiving wsiotramite, by the local PIDE before it relays, and to the types a sender picks.
 */
@Component
public class MgdRules {

  private final Map<String, String> documentTypes;
  private final long maxPdfBytes;
  private final Clock clock;

  @Autowired
  public MgdRules(MgdProperties properties, DocumentProperties documents) {
    this(properties.documentTypes(), documents.maxBytes(), Clock.system(PeruTime.ZONE));
  }

  MgdRules(Map<String, String> documentTypes, long maxPdfBytes, Clock clock) {
    this.documentTypes = Map.copyOf(documentTypes);
    this.maxPdfBytes = maxPdfBytes;
    this.clock = clock;
  }

  public FieldChecks check(MgdDocument document) {
    return MgdValidation.check(document, documentTypes, maxPdfBytes, clock);
  }

  /** The first problem's message (naming the wire field), or empty when the document is valid. */
  public Optional<String> firstProblem(MgdDocument document) {
    return check(document).errors().stream().findFirst().map(FieldError::message);
  }

  /** Code → name of the document types the MGD knows here. */
  public Map<String, String> documentTypes() {
    return documentTypes;
  }

  public boolean isKnownType(String code) {
    return code != null && documentTypes.containsKey(code);
  }
}

package pe.gob.pcm.platform.mgd;

import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
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
  private final ContractDates dates;

  @Autowired
  public MgdRules(MgdProperties properties, DocumentProperties documents, ContractDates dates) {
    this(properties.documentTypes(), documents.maxBytes(), dates);
  }

  MgdRules(Map<String, String> documentTypes, long maxPdfBytes, ContractDates dates) {
    this.documentTypes = Map.copyOf(documentTypes);
    this.maxPdfBytes = maxPdfBytes;
    this.dates = dates;
  }

  public FieldChecks check(MgdDocument document) {
    return MgdValidation.check(document, documentTypes, maxPdfBytes, dates);
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

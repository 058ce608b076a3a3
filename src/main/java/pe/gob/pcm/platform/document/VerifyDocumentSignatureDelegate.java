package pe.gob.pcm.platform.document;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.signature.PdfSignatureVerifier;
import pe.gob.pcm.platform.signature.SignatureCheck;
import pe.gob.pcm.platform.signature.SignatureVerification;

/**
 * Verifies every digital signature of the document named by the local input {@code documentId}
 * (EU DSS: PAdES, revocation, timestamps) and records the result on the document (one row per
 * signature). An optional local input {@code requiredSignatures} asks for at least that many
 * valid signatures, each by a different person (the MPV acta: the heads of TI and of Trámite
 * Documentario). Writes local {@code signatureValid}, {@code signatureProblem} (Spanish, for the
 * correction task), {@code signatureSigner} (every signer, in order) and {@code signatureSummary}
 * (the Spanish sentence, valid or not, for whoever decides next); the model maps them to the
 * names its gateway and forms use.
 */
@Component("verifyDocumentSignature")
public class VerifyDocumentSignatureDelegate implements JavaDelegate {

  private final DocumentStore documents;
  private final PdfSignatureVerifier verifier;

  public VerifyDocumentSignatureDelegate(DocumentStore documents, PdfSignatureVerifier verifier) {
    this.documents = documents;
    this.verifier = verifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = (String) execution.getVariable("documentId");
    byte[] content = id == null ? null : documents.content(id);
    if (content == null) {
      String problem = "No se encontró el documento " + id + ".";
      execution.setVariableLocal("signatureValid", false);
      execution.setVariableLocal("signatureProblem", problem);
      execution.setVariableLocal("signatureSigner", null);
      execution.setVariableLocal("signatureSummary", problem);
      return;
    }
    SignatureVerification result = verifier.verify(content);
    documents.recordSignature(id, result);
    String problem = result.valid() ? null : result.message();
    if (problem == null) {
      problem = countProblem(result.signatures(), required(execution.getVariable("requiredSignatures")));
    }
    execution.setVariableLocal("signatureValid", problem == null);
    execution.setVariableLocal("signatureProblem", problem);
    execution.setVariableLocal("signatureSigner", result.signerName());
    execution.setVariableLocal("signatureSummary", problem == null ? result.message() : problem);
  }

  private static int required(Object value) {
    return value instanceof Number n ? n.intValue() : value instanceof String s && !s.isBlank() ? Integer.parseInt(s.strip()) : 0;
  }

  /** Fewer valid signatures than required, or one person signing twice: why, in Spanish. */
  static String countProblem(List<SignatureCheck> signatures, int required) {
    if (required <= 1 || signatures.isEmpty()) {
      return null;
    }
    if (signatures.size() < required) {
      return "El documento debe tener " + required + " firmas digitales válidas y tiene " + signatures.size()
          + ": descargue la copia ya firmada, agregue su firma y súbala.";
    }
    long people = signatures.stream()
        .map(s -> s.signerSerialNumber() != null ? s.signerSerialNumber() : s.signerName()).distinct().count();
    if (people < required) {
      return "Las " + signatures.size() + " firmas del documento son de " + (people == 1 ? "una misma persona"
          : people + " personas") + ": se necesitan " + required + " firmantes distintos.";
    }
    return null;
  }
}

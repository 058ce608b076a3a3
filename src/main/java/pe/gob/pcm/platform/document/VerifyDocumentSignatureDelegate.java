package pe.gob.pcm.platform.document;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.signature.PdfSignatureVerifier;
import pe.gob.pcm.platform.signature.SignatureVerification;

/**
 * Verifies the digital signature of the document named by the local input {@code documentId}
 * and records the result on the document. Writes local {@code signatureValid},
 * {@code signatureProblem} (Spanish, for the correction task) and {@code signatureSigner};
 * the model maps them to the names its gateway and forms use.
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
      execution.setVariableLocal("signatureValid", false);
      execution.setVariableLocal("signatureProblem", "No se encontró el documento " + id + ".");
      execution.setVariableLocal("signatureSigner", null);
      return;
    }
    SignatureVerification result = verifier.verify(content);
    documents.recordSignature(id, result.status().name(), result.signerName());
    execution.setVariableLocal("signatureValid", result.valid());
    execution.setVariableLocal("signatureProblem", result.valid() ? null : result.message());
    execution.setVariableLocal("signatureSigner", result.signerName());
  }
}

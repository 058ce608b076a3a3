package pe.gob.pcm.platform.tramite.dispatch;

import pe.gob.pcm.platform.tramite.reception.ReceptionMapper;

import static pe.gob.pcm.platform.tramite.dispatch.DispatchProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.document.DocumentStore;

/**
 * After the receiver observed the document: the observed record moves to S and a new outgoing
 * record (state P, no CUO yet) refers to it with {@code vcuoref}; the process then obtains a new
 * CUO and sends the corrected document.
 */
@Component("prepareCorrection")
public class PrepareCorrectionDelegate implements JavaDelegate {

  private final DispatchMapper mapper;
  private final DocumentStore documents;

  public PrepareCorrectionDelegate(DispatchMapper mapper, DocumentStore documents) {
    this.mapper = mapper;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long observedId = ((Number) execution.getVariable(DISPATCH_ID)).longValue();
    DispatchMapper.Dispatch observed = mapper.find(observedId);
    String documentId = ((String) execution.getVariable(MAIN_DOCUMENT)).strip();
    documents.attach(documentId, execution.getProcessInstanceId());
    mapper.markCorrected(observedId);
    ReceptionMapper.Key key = new ReceptionMapper.Key();
    mapper.insert(new DispatchMapper.Dispatch(0, observed.senderRuc(), observed.receiverRuc(),
        observed.receiverName(), null, observed.cuo(), "P", observed.documentType(),
        String.valueOf(execution.getVariable(DOCUMENT_NUMBER)), String.valueOf(execution.getVariable(SUBJECT)),
        observed.senderUnit(), observed.destinationUnit(), observed.addressee(), observed.addresseePosition(),
        observed.folios(), observed.signerIdType(), observed.signerIdNumber(), documentId, null, null,
        null, null, null, null, null, null, observed.createdBy(), execution.getProcessInstanceId()), key);
    // the corrected document keeps the annexes, under a token of its own
    java.util.List<DispatchMapper.Annex> annexes = mapper.annexes(observedId);
    annexes.forEach(annex -> mapper.insertAnnex(key.id, annex));
    if (!annexes.isEmpty()) {
      mapper.setAnnexToken(key.id, AnnexTokens.next());
    }
    execution.setVariable(DISPATCH_ID, key.id);
    execution.setVariable("observedCuo", observed.cuo());
  }
}

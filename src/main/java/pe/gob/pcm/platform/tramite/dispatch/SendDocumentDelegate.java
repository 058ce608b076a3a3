package pe.gob.pcm.platform.tramite.dispatch;

import static pe.gob.pcm.platform.tramite.dispatch.DispatchProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.calendar.PeruTime;
import pe.gob.pcm.platform.mgd.MgdDocument;
import pe.gob.pcm.platform.pide.PideTramite;

/**
 * Sends the document through the PIDE (recepcionarTramiteResponse). Accepted ({@code 0000}) →
 * state E; refused by the PIDE or the receiver ({@code -1}, {@code 0003}) → the sender gets a
 * correction task with the message. A transport fault propagates: the job is retried.
 */
@Component("sendDocument")
public class SendDocumentDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(SendDocumentDelegate.class);

  private final DispatchMapper mapper;
  private final DocumentStore documents;
  private final HostedEntities entities;
  private final PideTramite pide;
  private final pe.gob.pcm.platform.pide.PublicUrl publicUrl;

  public SendDocumentDelegate(DispatchMapper mapper, DocumentStore documents,
      HostedEntities entities, PideTramite pide, pe.gob.pcm.platform.pide.PublicUrl publicUrl) {
    this.publicUrl = publicUrl;
    this.mapper = mapper;
    this.documents = documents;
    this.entities = entities;
    this.pide = pide;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    long id = ((Number) execution.getVariable(DISPATCH_ID)).longValue();
    DispatchMapper.Dispatch d = mapper.find(id);
    java.util.List<DispatchMapper.Annex> annexes = mapper.annexes(id);
    MgdDocument document = new MgdDocument(d.senderRuc(), d.receiverRuc(),
        entities.name(d.senderRuc()).orElse(d.senderRuc()), d.senderUnit(), d.cuo(), d.cuoReference(),
        d.documentType(), d.documentNumber(), PeruTime.now(), d.destinationUnit(), d.addressee(),
        d.addresseePosition(), d.subject(), annexes.size(), d.folios(),
        annexes.isEmpty() ? null : publicUrl.base() + "/anexos/" + mapper.annexToken(id),
        documents.content(d.documentId()),
        documents.find(d.documentId()).map(doc -> doc.fileName()).orElse("documento.pdf"),
        annexes.stream().map(DispatchMapper.Annex::name).toList(), d.signerIdType(), d.signerIdNumber());
    PideTramite.Answer answer = pide.send(document);
    boolean accepted = answer.accepted();
    LOG.info("Despacho CUO {} a {}: la PIDE respondió {} {}", d.cuo(), d.receiverRuc(), answer.code(),
        answer.message());
    if (accepted) {
      mapper.markSent(id, PeruTime.localNow());
    }
    execution.setVariable(PIDE_ACCEPTED, accepted);
    execution.setVariable(PIDE_MESSAGE, accepted ? null
        : "La PIDE rechazó el envío (" + answer.code() + "): " + answer.message());
  }
}

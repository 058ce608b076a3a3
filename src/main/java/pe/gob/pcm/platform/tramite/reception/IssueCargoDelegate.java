package pe.gob.pcm.platform.tramite.reception;

import pe.gob.pcm.platform.signature.CargoSigner;

import static pe.gob.pcm.platform.tramite.reception.ReceptionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.entity.HostedEntityMapper.HostedEntityRow;

/**
 * Issues the signed cargo of a registered or observed document: renders it, signs it with the
 * entity's key, stores it and links it to the reception. Runs as its own job (retried, then an
 * incident in Cockpit) and is safe to repeat.
 */
@Component("issueCargo")
public class IssueCargoDelegate implements JavaDelegate {

  private final ReceptionMapper mapper;
  private final DocumentStore documents;
  private final HostedEntities entities;
  private final CargoSigner signer;

  public IssueCargoDelegate(ReceptionMapper mapper, DocumentStore documents,
      HostedEntities entities, CargoSigner signer) {
    this.mapper = mapper;
    this.documents = documents;
    this.entities = entities;
    this.signer = signer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(RECEPTION_ID)).longValue();
    ReceptionStatus reception = mapper.find(id);
    if (reception.cargoDocumentId() != null) {
      execution.setVariable("cargoDocumentId", reception.cargoDocumentId());
      return;
    }
    String ruc = reception.receiverRuc();
    String name = entities.find(ruc).map(HostedEntityRow::name).orElse(ruc);
    byte[] cargo = signer.sign(ruc, name, CargoDocument.render(name, ruc, reception));
    String documentId = documents.storePdf("mesa-partes-virtual", ruc,
        "cargo-" + reception.cuo() + ".pdf", cargo).id();
    documents.attach(documentId, execution.getProcessInstanceId());
    mapper.attachCargo(id, documentId);
    execution.setVariable("cargoDocumentId", documentId);
  }
}

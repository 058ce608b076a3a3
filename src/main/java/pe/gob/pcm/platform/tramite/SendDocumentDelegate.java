package pe.gob.pcm.platform.tramite;

import static pe.gob.pcm.platform.tramite.DispatchProcess.*;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.entity.HostedEntityMapper.HostedEntityRow;
import pe.gob.pcm.platform.pide.PideClients;
import pe.gob.segdi.wsiopidetramite.ws.RecepcionTramite;
import pe.gob.segdi.wsiopidetramite.ws.RespuestaTramite;

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
  private final PideClients pide;
  private final pe.gob.pcm.platform.pide.PublicUrl publicUrl;

  public SendDocumentDelegate(DispatchMapper mapper, DocumentStore documents,
      HostedEntities entities, PideClients pide, pe.gob.pcm.platform.pide.PublicUrl publicUrl) {
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
    RecepcionTramite request = new RecepcionTramite();
    request.setVrucentrem(d.vrucentrem());
    request.setVrucentrec(d.vrucentrec());
    request.setVnomentemi(entities.find(d.vrucentrem()).map(HostedEntityRow::name).orElse(d.vrucentrem()));
    request.setVuniorgrem(d.vuniorgrem());
    request.setVcuo(d.vcuo());
    request.setVcuoref(d.vcuoref());
    request.setCcodtipdoc(d.ccodtipdoc());
    request.setVnumdoc(d.vnumdoc());
    request.setDfecdoc(DatatypeFactory.newInstance().newXMLGregorianCalendar(
        GregorianCalendar.from(ZonedDateTime.now(ZoneId.of("America/Lima")))));
    request.setVuniorgdst(d.vuniorgdst());
    request.setVnomdst(d.vnomdst());
    request.setVnomcardst(d.vnomcardst());
    request.setVasu(d.vasu());
    java.util.List<DispatchMapper.Annex> annexes = mapper.annexes(id);
    request.setSnumanx(annexes.size());
    for (DispatchMapper.Annex annex : annexes) {
      pe.gob.segdi.wsiopidetramite.ws.DocumentoAnexo name = new pe.gob.segdi.wsiopidetramite.ws.DocumentoAnexo();
      name.setVnomdoc(annex.vnomdoc());
      request.getLstanexos().add(name);
    }
    if (!annexes.isEmpty()) {
      request.setVurldocanx(publicUrl.base() + "/anexos/" + mapper.annexToken(id));
    }
    request.setSnumfol(d.snumfol());
    request.setBpdfdoc(documents.content(d.documentId()));
    request.setVnomdoc(documents.find(d.documentId()).map(doc -> doc.fileName()).orElse("documento.pdf"));
    request.setCtipdociderem(d.ctipdociderem());
    request.setVnumdociderem(d.vnumdociderem());
    RespuestaTramite answer = pide.tramite().recepcionarTramiteResponse(request);
    boolean accepted = "0000".equals(answer.getVcodres());
    LOG.info("Despacho CUO {} a {}: la PIDE respondió {} {}", d.vcuo(), d.vrucentrec(), answer.getVcodres(),
        answer.getVdesres());
    if (accepted) {
      mapper.markSent(id);
    }
    execution.setVariable(PIDE_ACCEPTED, accepted);
    execution.setVariable(PIDE_MESSAGE, accepted ? null
        : "La PIDE rechazó el envío (" + answer.getVcodres() + "): " + answer.getVdesres());
  }
}

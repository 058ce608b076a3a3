package pe.gob.pcm.platform.tramite;

import static pe.gob.pcm.platform.tramite.DispatchProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.pide.PideClients;
import pe.gob.segdi.wsiopidetramite.ws.ConsultaTramite;
import pe.gob.segdi.wsiopidetramite.ws.RespuestaConsultaTramite;

/** No cargo in time: asks the receiver, through the PIDE, how the document stands. */
@Component("queryDispatchStatus")
public class QueryDispatchStatusDelegate implements JavaDelegate {

  private final DispatchMapper mapper;
  private final PideClients pide;

  public QueryDispatchStatusDelegate(DispatchMapper mapper, PideClients pide) {
    this.mapper = mapper;
    this.pide = pide;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DispatchMapper.Dispatch d = mapper.find(((Number) execution.getVariable(DISPATCH_ID)).longValue());
    ConsultaTramite query = new ConsultaTramite();
    query.setVrucentrem(d.vrucentrem());
    query.setVrucentrec(d.vrucentrec());
    query.setVcuo(d.vcuo());
    String status;
    try {
      RespuestaConsultaTramite answer = pide.tramite().consultarTramiteResponse(query);
      status = "0000".equals(answer.getVcodres())
          ? "La entidad destinataria informa el estado " + answer.getCflgest()
              + ("P".equals(answer.getCflgest()) ? " (pendiente de recepción por su Mesa de Partes)." : ".")
          : "La consulta respondió " + answer.getVcodres() + ": " + answer.getVdesres();
    } catch (RuntimeException e) {
      // A follow-up is exactly when a person must look: a failed query is reported, not retried.
      status = "No se pudo consultar el estado por la PIDE: " + e.getMessage();
    }
    execution.setVariable("dispatchStatus", status);
  }
}

package pe.gob.pcm.platform.tramite.dispatch;

import static pe.gob.pcm.platform.tramite.dispatch.DispatchProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.pide.PideTramite;

/** No cargo in time: asks the receiver, through the PIDE, how the document stands. */
@Component("queryDispatchStatus")
public class QueryDispatchStatusDelegate implements JavaDelegate {

  private final DispatchMapper mapper;
  private final PideTramite pide;

  public QueryDispatchStatusDelegate(DispatchMapper mapper, PideTramite pide) {
    this.mapper = mapper;
    this.pide = pide;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DispatchMapper.Dispatch d = mapper.find(((Number) execution.getVariable(DISPATCH_ID)).longValue());
    String status;
    try {
      PideTramite.Status answer = pide.status(d.senderRuc(), d.receiverRuc(), d.cuo());
      status = answer.found()
          ? "La entidad destinataria informa el estado " + answer.state()
              + ("P".equals(answer.state()) ? " (pendiente de recepción por su Mesa de Partes)." : ".")
          : "La consulta respondió " + answer.code() + ": " + answer.message();
    } catch (RuntimeException e) {
      // A follow-up is exactly when a person must look: a failed query is reported, not retried.
      status = "No se pudo consultar el estado por la PIDE: " + e.getMessage();
    }
    execution.setVariable("dispatchStatus", status);
  }
}

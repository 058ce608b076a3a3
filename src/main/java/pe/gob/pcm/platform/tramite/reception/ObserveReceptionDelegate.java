package pe.gob.pcm.platform.tramite.reception;

import static pe.gob.pcm.platform.tramite.reception.ReceptionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.PeruTime;

/** Records the Mesa de Partes' observation of the document; state {@code O}. */
@Component("observeReception")
public class ObserveReceptionDelegate implements JavaDelegate {

  private final ReceptionMapper mapper;

  public ObserveReceptionDelegate(ReceptionMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mapper.observe(((Number) execution.getVariable(RECEPTION_ID)).longValue(),
        (String) execution.getVariable(OBSERVATION), PeruTime.localNow(), (String) execution.getVariable(RECEIVED_BY));
  }
}

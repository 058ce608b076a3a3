package pe.gob.pcm.platform.tramite;

import static pe.gob.pcm.platform.tramite.ReceptionProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers the document in the entity's Mesa de Partes: the next registration number of the
 * year (sequential per entity), the unit it goes to, who registered it; state {@code R}.
 */
@Component("registerReception")
public class RegisterReceptionDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterReceptionDelegate.class);

  private final ReceptionMapper mapper;

  public RegisterReceptionDelegate(ReceptionMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(RECEPTION_ID)).longValue();
    ReceptionMapper.ReceptionStatus reception = mapper.find(id);
    if (!"P".equals(reception.cflgest())) {
      return; // already decided: a retried job must not number it twice
    }
    int year = LocalDate.now(ZoneId.of("America/Lima")).getYear();
    // The UPDATE locks the entity's counter row until commit: concurrent registrations queue.
    if (mapper.nextNumber(reception.vrucentrec(), year) == 0) {
      mapper.firstNumber(reception.vrucentrec(), year);
    }
    String number = String.format("%06d", mapper.currentNumber(reception.vrucentrec(), year));
    mapper.register(id, number, String.valueOf(year), (String) execution.getVariable(UNIT),
        (String) execution.getVariable(RECEIVED_BY));
    execution.setVariable("registrationNumber", number + "-" + year);
    LOG.info("Recepción CUO {} registrada con el número {}-{}", reception.vcuo(), number, year);
  }
}

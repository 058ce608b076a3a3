package pe.gob.pcm.platform.tramite.reception;

import pe.gob.pcm.platform.calendar.PeruTime;

import static pe.gob.pcm.platform.tramite.reception.ReceptionProcess.*;

import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers the document in the entity's Mesa de Partes: the next registration number of the
 * year (sequential per entity), the unit it goes to, who registered it; state {@code R}.
 */
@Component("registerReception")
public class RegisterReceptionDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterReceptionDelegate.class);

  private final ReceptionMapper mapper;
  private final TransactionTemplate ownTransaction;

  public RegisterReceptionDelegate(ReceptionMapper mapper, PlatformTransactionManager transactions) {
    this.mapper = mapper;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(RECEPTION_ID)).longValue();
    ReceptionStatus reception = mapper.find(id);
    if (!"P".equals(reception.state())) {
      return; // already decided: a retried job must not number it twice
    }
    LocalDateTime registeredAt = PeruTime.localNow();
    int year = registeredAt.getYear();
    String number = String.format("%06d", takeNumber(reception.receiverRuc(), year));
    mapper.register(id, number, String.valueOf(year), registeredAt, (String) execution.getVariable(UNIT),
        (String) execution.getVariable(RECEIVED_BY));
    execution.setVariable("registrationNumber", number + "-" + year);
    LOG.info("Recepción CUO {} registrada con el número {}-{}", reception.cuo(), number, year);
  }

  /**
   * The entity's next registration number of the year, inside the caller's transaction. The UPDATE
   * locks the entity's counter row until commit: concurrent registrations queue.
   */
  public int takeNumber(String ruc, int year) {
    if (mapper.nextNumber(ruc, year) == 0) {
      createCounter(ruc, year);
      if (mapper.nextNumber(ruc, year) != 1) {
        throw new IllegalStateException("No existe el correlativo de registro " + year + " de " + ruc);
      }
    }
    return mapper.currentNumber(ruc, year);
  }

  /**
   * The year's first registration creates the counter (at 0) in a transaction of its own. Two first
   * registrations at once (two Mesa de Partes users, or two cluster nodes) both find no row: one
   * creates it, the other's insert meets the key and is ignored, and both then take their number
   * with the UPDATE. Inserting inside the registration's own transaction would abort it on
   * PostgreSQL and show the user a persistence error instead.
   */
  private void createCounter(String ruc, int year) {
    try {
      ownTransaction.executeWithoutResult(status -> mapper.createCounter(ruc, year));
    } catch (DuplicateKeyException createdMeanwhile) {
      LOG.debug("Correlativo {} de {} creado por otra registración a la vez", year, ruc);
    }
  }
}

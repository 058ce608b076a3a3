package pe.gob.pcm.platform.tramite.dispatch;

import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.BusinessCalendar;

/**
 * Timers of the document exchange, in Peruvian working days:
 * {@code ${tramiteDeadlines.cargoDeadline()}} (platform.tramite.cargo-working-days).
 */
@Component("tramiteDeadlines")
public class TramiteDeadlines {

  private final BusinessCalendar calendar;
  private final int cargoWorkingDays;

  public TramiteDeadlines(BusinessCalendar calendar,
      @Value("${platform.tramite.cargo-working-days:5}") int cargoWorkingDays) {
    if (cargoWorkingDays < 1) {
      throw new IllegalArgumentException("platform.tramite.cargo-working-days debe ser al menos 1");
    }
    this.calendar = calendar;
    this.cargoWorkingDays = cargoWorkingDays;
  }

  /** End of the last working day a receiver has to return the cargo before a follow-up. */
  public Date cargoDeadline() {
    return calendar.deadlineAfterWorkingDays(cargoWorkingDays);
  }

  public int cargoWorkingDays() {
    return cargoWorkingDays;
  }
}

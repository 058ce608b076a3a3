package pe.gob.pcm.platform.colabora;

import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.BusinessCalendar;

/**
 * The Colabora timers, in Peruvian working days: {@code ${colaboraDeadlines.observationDeadline()}}.
 * The number of days is configuration ({@code platform.colabora.correction-working-days}).
 */
@Component("colaboraDeadlines")
public class ColaboraDeadlines {

  private final BusinessCalendar calendar;
  private final int correctionWorkingDays;

  public ColaboraDeadlines(BusinessCalendar calendar,
      @Value("${platform.colabora.correction-working-days:10}") int correctionWorkingDays) {
    if (correctionWorkingDays < 1) {
      throw new IllegalArgumentException(
          "platform.colabora.correction-working-days debe ser al menos 1");
    }
    this.calendar = calendar;
    this.correctionWorkingDays = correctionWorkingDays;
  }

  /** End of the last working day the requester has to answer an observation. */
  public Date observationDeadline() {
    return calendar.deadlineAfterWorkingDays(correctionWorkingDays);
  }

  public int correctionWorkingDays() {
    return correctionWorkingDays;
  }
}

package pe.gob.pcm.platform.pgo;

import java.util.Date;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.BusinessCalendar;

/** The PGO timers in Peruvian working days: {@code ${pgoDeadlines.correctionDeadline()}}. */
@Component("pgoDeadlines")
public class PgoDeadlines {

  private final BusinessCalendar calendar;
  private final PgoProperties properties;

  public PgoDeadlines(BusinessCalendar calendar, PgoProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
  }

  public Date correctionDeadline() {
    return calendar.deadlineAfterWorkingDays(properties.correctionWorkingDays());
  }

  /** End of the last working day of the evaluation. */
  public Date evaluationDeadline(int workingDays) {
    return calendar.deadlineAfterWorkingDays(workingDays);
  }

  /** When the supervisor is alerted: {@code alert-working-days-before} working days before the deadline. */
  public Date evaluationAlert(int workingDays) {
    return calendar.deadlineAfterWorkingDays(Math.max(0, workingDays - properties.alertWorkingDaysBefore()));
  }
}

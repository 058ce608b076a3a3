package pe.gob.pcm.platform.tramite.reception;

import java.util.Set;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.history.RecordCopies;

/**
 * A reception starts with 14 variables copied from its record in the MGD tables; "full" history
 * would write each value three times more (ACT_RU_VARIABLE, ACT_HI_VARINST, ACT_HI_DETAIL), 28
 * of the ~45 engine rows of every document received (docs/performance.md).
 */
@Component
class ReceptionRecordCopies implements RecordCopies {

  @Override
  public String processKey() {
    return ReceptionProcess.KEY;
  }

  @Override
  public Set<String> variables() {
    return ReceptionProcess.RECORD_VARIABLES;
  }
}

package pe.gob.pcm.platform.tramite.reception;

import java.util.Set;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.history.RecordCopies;

/**
 * A reception starts with variables copied from its record in the MGD tables; "full" history
 * would write each value again in ACT_HI_VARINST and ACT_HI_DETAIL (docs/performance.md).
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

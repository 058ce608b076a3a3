package pe.gob.pcm.platform.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Personal data entered in forms (DNI, mobile, e-mail: {@link PersonalDataHistoryLevel#PERSONAL_DATA_VARIABLES})
 * is kept in the running process sealed with the data cipher, never as plain text in
 * ACT_RU_VARIABLE. The form's own listener seals it once it is validated; the steps that need it
 * (the acta, the master-user record) open it; Tasklist shows it opened to the task's users
 * ({@link PersonalDataDisplayFilter}).
 */
public final class SealedVariables {

  private static final String SEALED_PREFIX = DataCipher.VERSION + ":";

  private SealedVariables() {}

  /** Seals the named variables that hold plain text (already sealed ones are left alone). */
  public static void seal(VariableScope scope, String... names) {
    for (String name : names) {
      if (scope.getVariable(name) instanceof String value && !isSealed(value)) {
        scope.setVariable(name, PersonalData.seal(value.strip()));
      }
    }
  }

  /** The plain value of a personal-data variable, sealed or (instances from before sealing) plain. */
  public static String open(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : open(String.valueOf(value));
  }

  static String open(String value) {
    return isSealed(value) ? PersonalData.open(value) : value;
  }

  static boolean isSealed(String value) {
    return value != null && value.startsWith(SEALED_PREFIX);
  }

  /**
   * Key rotation for running instances: every personal-data variable not sealed with the current
   * key (an older key, or plain from an instance started before this version) is sealed again
   * with it. A variable changed meanwhile by its process is skipped; calling again picks it up.
   * Answers how many changed.
   */
  public static int reencrypt(RuntimeService runtime, DataCipher cipher) {
    List<VariableInstance> stale = new ArrayList<>();
    for (VariableInstance variable : runtime.createVariableInstanceQuery()
        .variableNameIn(PersonalDataHistoryLevel.PERSONAL_DATA_VARIABLES.toArray(String[]::new))
        .disableBinaryFetching().list()) {
      if (variable.getTaskId() == null && variable.getValue() instanceof String value && !cipher.isCurrent(value)) {
        stale.add(variable);
      }
    }
    int changed = 0;
    for (VariableInstance variable : stale) {
      String value = (String) variable.getValue();
      String plain = isSealed(value) ? cipher.open(value) : value;
      Map<String, Object> update = new LinkedHashMap<>();
      update.put(variable.getName(), cipher.seal(plain));
      try {
        runtime.setVariablesLocal(variable.getExecutionId(), update);
        changed++;
      } catch (OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException e) {
        // the instance moved on or ended meanwhile: the next call sees its current state
      }
    }
    return changed;
  }
}

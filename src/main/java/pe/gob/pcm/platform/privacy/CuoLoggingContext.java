package pe.gob.pcm.platform.privacy;

import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.slf4j.MDC;

/**
 * Adds the CUO (process variable {@code cuo} of the tramite processes) to the logging context
 * while a delegate, listener or expression runs. The engine itself adds the process instance id
 * and business key (generic properties loggingContextProcessInstanceId / loggingContextBusinessKey).
 */
public class CuoLoggingContext implements DelegateInterceptor {

  public static final String MDC_KEY = "cuo";
  private static final String VARIABLE = "cuo";

  private final DelegateInterceptor next;

  public CuoLoggingContext(DelegateInterceptor next) {
    this.next = next;
  }

  @Override
  public void handleInvocation(DelegateInvocation invocation) throws Exception {
    String cuo = cuoOf(invocation.getContextExecution());
    if (cuo == null) {
      next.handleInvocation(invocation);
      return;
    }
    String outer = MDC.get(MDC_KEY);
    MDC.put(MDC_KEY, cuo);
    try {
      next.handleInvocation(invocation);
    } finally {
      if (outer == null) {
        MDC.remove(MDC_KEY);
      } else {
        MDC.put(MDC_KEY, outer);
      }
    }
  }

  private static String cuoOf(BaseDelegateExecution execution) {
    if (!(execution instanceof DelegateExecution e)) {
      return null;
    }
    try {
      return e.getVariable(VARIABLE) instanceof String cuo && !cuo.isBlank() ? cuo : null;
    } catch (RuntimeException notAvailable) {
      // an execution being torn down has no variables to read: log without the CUO
      return null;
    }
  }
}

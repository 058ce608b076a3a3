package pe.gob.pcm.platform.survey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.gob.pcm.platform.entity.EntityTenantIdProvider;

/**
 * Offers the satisfaction survey when a procedure ends: an end listener on the process of each
 * configured procedure (added at parse time, so the BPMN files stay as the Modeler shows them)
 * starts one {@value #PROCESS_KEY} instance for the procedure's requester (its {@code initiator}).
 * Only a procedure that ran to an end event offers it: a deleted or cancelled instance does not.
 * The survey starts asynchronously (its start event is async), so nothing the survey does can
 * roll back the end of the procedure; its business key is the procedure instance, and one already
 * offered is not offered again.
 */
public class SurveyStarter implements ExecutionListener {

  public static final String PROCESS_KEY = "encuesta-satisfaccion";
  public static final String REQUESTER = "requester";
  public static final String SOURCE_INSTANCE = "sourceInstanceId";
  public static final String PROCEDURE_KEY = "procedureKey";
  public static final String PROCEDURE_NAME = "procedureName";
  public static final String EXPIRES_AFTER = "surveyExpiresAfter";
  /** The entity the procedure was for (its RUC), for the figures: a requester's tenant is not one. */
  public static final String SURVEY_ENTITY = "surveyEntityRuc";

  private static final Logger LOG = LoggerFactory.getLogger(SurveyStarter.class);

  private final SurveyProperties properties;

  public SurveyStarter(SurveyProperties properties) {
    this.properties = properties;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled() || !execution.getId().equals(execution.getProcessInstanceId())) {
      return;
    }
    Object initiator = execution.getVariable("initiator");
    if (!(initiator instanceof String requester) || requester.isBlank()) {
      return;
    }
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    String source = execution.getProcessInstanceId();
    if (Context.getCommandContext().runWithoutAuthorization(() -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(source).count()) > 0) {
      return;
    }
    ProcessDefinitionEntity definition = ((ExecutionEntity) execution).getProcessDefinition();
    Map<String, Object> variables = new HashMap<>();
    variables.put(REQUESTER, requester);
    variables.put(SOURCE_INSTANCE, source);
    variables.put(PROCEDURE_KEY, definition.getKey());
    variables.put(PROCEDURE_NAME, definition.getName() == null ? definition.getKey() : definition.getName());
    variables.put(EXPIRES_AFTER, properties.expiresAfter().toString());
    // the survey lives in the procedure's tenant, where its requester is a member
    variables.put(EntityTenantIdProvider.ENTITY_RUC, execution.getTenantId() == null ? "" : execution.getTenantId());
    Object procedureEntity = execution.getVariable(EntityTenantIdProvider.ENTITY_RUC);
    variables.put(SURVEY_ENTITY, ruc(procedureEntity) != null ? ruc(procedureEntity) : ruc(execution.getTenantId()));
    // the platform offers it, not the person whose task ended the procedure: no start right needed
    Context.getCommandContext().runWithoutAuthorization(() -> runtime.createProcessInstanceByKey(PROCESS_KEY)
        .processDefinitionWithoutTenantId().businessKey(source).setVariables(variables).execute());
    LOG.debug("Encuesta de satisfacción ofrecida a {} por {} ({})", requester, definition.getKey(), source);
  }

  private static String ruc(Object value) {
    return value instanceof String text && text.matches("\\d{11}") ? text : null;
  }

  /** Adds the listener to the processes of the configured procedures. */
  static final class OnConfiguredProcesses extends AbstractBpmnParseListener {

    private final Set<String> keys;
    private final SurveyStarter starter;

    OnConfiguredProcesses(List<String> keys, SurveyStarter starter) {
      this.keys = Set.copyOf(keys);
      this.starter = starter;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      if (keys.contains(processDefinition.getKey())) {
        processDefinition.addListener(ExecutionListener.EVENTNAME_END, starter);
      }
    }
  }
}

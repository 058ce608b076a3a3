package pe.gob.pcm.platform.survey;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Hooks {@link SurveyStarter} into the parsing of the configured procedures. */
final class SurveyEnginePlugin extends AbstractProcessEnginePlugin {

  private final SurveyProperties properties;

  SurveyEnginePlugin(SurveyProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!properties.enabled()) {
      return;
    }
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new SurveyStarter.OnConfiguredProcesses(properties.procedures(), new SurveyStarter(properties)));
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  @Override
  public String toString() {
    return "SurveyEnginePlugin";
  }
}

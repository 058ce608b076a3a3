package pe.gob.pcm.platform.mpv;

import static pe.gob.pcm.platform.mpv.MpvProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.pide.PideDirectory;
import pe.gob.pcm.platform.pide.PideEntities;

/** On the planned date: the entity's production wsiotramite goes into the PIDE's directory. */
@Component("registerProduction")
public class RegisterProductionDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterProductionDelegate.class);

  private final PideDirectory directory;
  private final PideEntities entities;

  public RegisterProductionDelegate(PideDirectory directory, PideEntities entities) {
    this.directory = directory;
    this.entities = entities;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String ruc = (String) execution.getVariable(ENTITY_RUC);
    int category = ((Number) execution.getVariable(ENTITY_CATEGORY)).intValue();
    String url = (String) execution.getVariable(PRODUCTION_URL);
    directory.register(ruc, (String) execution.getVariable(ENTITY_NAME), category, url,
        execution.getProcessInstanceId());
    entities.forget(category);
    execution.setVariable(OUTCOME, "EN_PRODUCCION");
    LOG.info("MPV: entidad {} en producción en {}", ruc, url);
  }
}

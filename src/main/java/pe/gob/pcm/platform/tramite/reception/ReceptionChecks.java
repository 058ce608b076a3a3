package pe.gob.pcm.platform.tramite.reception;

import static pe.gob.pcm.platform.tramite.reception.ReceptionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.Identifiers;

/** The Mesa de Partes' decision on an incoming document: register (unit) or observe (reason). */
@Component("receptionChecks")
public class ReceptionChecks implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(DECISION);
    FieldChecks checks = new FieldChecks().check(DECISION, "Decisión",
        REGISTER.equals(decision) || OBSERVE.equals(decision) ? null : "elija registrar u observar");
    if (REGISTER.equals(decision)) {
      checks.check(UNIT, "Unidad de destino", Identifiers.textProblem((String) task.getVariable(UNIT), 250));
    } else if (OBSERVE.equals(decision)) {
      // vobs of the MGD model holds 250 characters
      checks.check(OBSERVATION, "Observación",
          Identifiers.textProblem((String) task.getVariable(OBSERVATION), 250));
    }
    checks.throwIfAny();
    Authentication auth = Context.getCommandContext() == null ? null
        : Context.getCommandContext().getAuthentication();
    task.setVariable(RECEIVED_BY, auth != null && auth.getUserId() != null ? auth.getUserId()
        : task.getAssignee() != null ? task.getAssignee() : "mesa-partes");
  }
}

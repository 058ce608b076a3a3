package pe.gob.pcm.platform.privacy;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.tramite.dispatch.DispatchProcess;
import pe.gob.pcm.platform.tramite.Dispatches;

/** A document sent by the municipality to the PCM through the local PIDE, with a signer's DNI. */
@Component
public class PrivacyFlows {

  private final Dispatches dispatches;

  public PrivacyFlows(Dispatches dispatches) {
    this.dispatches = dispatches;
  }

  public ProcessInstance send(String signerDni) {
    Map<String, Object> vars = dispatches.request("OFICIO N° " + System.nanoTime() % 1000 + "-2026-MDE/GM");
    vars.put(DispatchProcess.SUBJECT, "Remite información con datos personales del firmante");
    vars.put(DispatchProcess.FOLIOS, 1);
    vars.put(DispatchProcess.SIGNER_DNI, signerDni);
    return dispatches.sendWith(vars);
  }

  /** Runs the instance's jobs, as the job executor would, until it waits for something else. */
  public void drain(String processInstanceId) {
    dispatches.drain(processInstanceId);
  }
}

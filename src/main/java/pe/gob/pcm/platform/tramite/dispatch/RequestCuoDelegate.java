package pe.gob.pcm.platform.tramite.dispatch;

import static pe.gob.pcm.platform.tramite.dispatch.DispatchProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.pide.PideClients;

/** Obtains the document's CUO from the PIDE (getCUOEntidad); a retried job reuses the first. */
@Component("requestCuo")
public class RequestCuoDelegate implements JavaDelegate {

  private final DispatchMapper mapper;
  private final PideClients pide;

  public RequestCuoDelegate(DispatchMapper mapper, PideClients pide) {
    this.mapper = mapper;
    this.pide = pide;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(DISPATCH_ID)).longValue();
    DispatchMapper.Dispatch dispatch = mapper.find(id);
    String cuo = dispatch.cuo();
    if (cuo == null) {
      cuo = pide.entityCuo(dispatch.senderRuc());
      if (cuo == null || !cuo.strip().matches("\\d{10}")) {
        throw new IllegalStateException("La PIDE no devolvió un CUO válido: " + cuo);
      }
      cuo = cuo.strip();
      mapper.assignCuo(id, cuo);
    }
    execution.setVariable(CUO, cuo);
  }
}

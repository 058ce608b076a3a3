package pe.gob.pcm.platform.pide.local;

import java.util.Optional;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.gob.pcm.platform.pide.PideServiceCode;
import pe.gob.pcm.platform.pide.UsernameToken;
import pe.gob.pcm.platform.pide.credential.PideCredentials;

/**
 * The local PIDE's door ({@code platform.pide.local.require-credentials}): a call must carry the
 * credential of the service it calls, valid and unrevoked (read from the database at each call),
 * and act only for the entity the credential was issued to. Checked before anything is done or
 * stored. Off, every caller is let in, as before credentials existed (the demo's default).
 */
final class LocalPideGuard {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPideGuard.class);

  private final PideCredentials credentials;
  private final boolean required;

  LocalPideGuard(PideCredentials credentials, boolean required) {
    this.credentials = credentials;
    this.required = required;
  }

  /**
   * Why the current call may not use the service, in Spanish; empty when it may.
   *
   * @param actingRuc the entity the call acts for (the sender of a document, the RUC of a CUO),
   *     or null when the operation names none
   */
  Optional<String> refusal(PideServiceCode service, String actingRuc) {
    if (!required) {
      return Optional.empty();
    }
    Message message = PhaseInterceptorChain.getCurrentMessage();
    UsernameToken.Presented presented = message == null ? null
        : (UsernameToken.Presented) message.get(UsernameToken.PRESENTED);
    if (presented == null) {
      presented = UsernameToken.Presented.NONE;
    }
    PideCredentials.Verdict verdict = credentials.verify(presented.username(), presented.password(), service);
    String reason = verdict.reason();
    if (verdict.accepted() && actingRuc != null && !actingRuc.strip().equals(verdict.entityRuc())) {
      reason = "La credencial " + presented.username() + " es de la entidad " + verdict.entityRuc()
          + ": no puede actuar por la entidad " + actingRuc.strip() + ".";
    }
    if (reason != null) {
      LOG.warn("PIDE local: {} rechazado ({}): {}", service.port(), presented.username(), reason);
    }
    return Optional.ofNullable(reason);
  }

  /** For the operations whose answer carries no result code: a SOAP fault (Client) with the reason. */
  void require(PideServiceCode service, String actingRuc) {
    Optional<String> reason = refusal(service, actingRuc);
    if (reason.isPresent()) {
      throw new SoapFault(reason.get(), Fault.FAULT_CODE_CLIENT);
    }
  }
}

package pe.gob.pcm.platform.signature;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: signs cargos with each entity's demo key, and the upload page's "sign with
 * the demo certificate" with a demo certificate for the user, both as PAdES through the
 * platform's {@link PdfSigner} (B-LT with the demo TSA and the demo CA's revocation data).
 */
@Component
@Profile("demo")
public class DemoSigner implements DemoSigning, CargoSigner {

  private final DemoPki pki;
  private final PdfSigner signer;
  private final IdentityService identity;

  public DemoSigner(DemoPki pki, PdfSigner signer, IdentityService identity) {
    this.pki = pki;
    this.signer = signer;
    this.identity = identity;
  }

  @Override
  public byte[] sign(String entityRuc, String entityName, byte[] pdf) {
    IssuedCertificate key = pki.entityKey(entityRuc, entityName);
    return signer.signPdf(pdf, key.privateKey(), key.chain(), "Cargo de recepción");
  }

  @Override
  public byte[] sign(String userId, byte[] pdf) {
    User user = identity == null ? null : identity.createUserQuery().userId(userId).singleResult();
    String name = user == null ? userId : (user.getFirstName() + " " + user.getLastName()).trim();
    IssuedCertificate key = pki.userKey(userId, name + " (" + userId + ")");
    return signer.signPdf(pdf, key.privateKey(), key.chain(), "Firma de demostración");
  }
}

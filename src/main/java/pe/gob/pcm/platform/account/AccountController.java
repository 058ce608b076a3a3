package pe.gob.pcm.platform.account;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two account operations open to people without a session (pages {@code /cuentas/*.html}):
 * an officer registering to ask for their entity's master user, and anyone redeeming a one-time
 * link. Neither says whether another person's account exists.
 */
@RestController
@RequestMapping("/cuentas/api")
public class AccountController {

  private final Accounts accounts;
  private final OneTimeLinks links;

  public AccountController(Accounts accounts, OneTimeLinks links) {
    this.accounts = accounts;
    this.links = links;
  }

  /** Body: {@code usuario, nombres, apellidos, correo}. */
  @PostMapping("/registro")
  public ResponseEntity<Map<String, Object>> register(@RequestBody(required = false) Map<String, String> body) {
    Map<String, String> in = body == null ? Map.of() : body;
    accounts.registerRequester(new Accounts.NewAccount(in.get("usuario"), in.get("nombres"), in.get("apellidos"),
        in.get("correo")));
    return ResponseEntity.accepted().body(Map.of("mensaje",
        "Le enviamos un enlace a su correo para que elija su contraseña. El enlace funciona una sola vez."));
  }

  /** Body: {@code token, clave, confirmacion}. */
  @PostMapping("/clave")
  public ResponseEntity<Map<String, Object>> setPassword(@RequestBody(required = false) Map<String, String> body) {
    Map<String, String> in = body == null ? Map.of() : body;
    String userId = links.redeem(in.get("token"), in.get("clave"), in.get("confirmacion"));
    return ResponseEntity.ok(Map.of("mensaje", "Su contraseña quedó registrada. Ya puede iniciar sesión.",
        "usuario", userId));
  }
}

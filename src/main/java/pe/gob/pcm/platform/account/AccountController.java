package pe.gob.pcm.platform.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import pe.gob.pcm.platform.validation.ApiErrors;

/**
 * The two account operations open to people without a session (pages {@code /cuentas/*.html}):
 * an officer registering to ask for their entity's master user, and anyone redeeming a one-time
 * link. Neither says whether another person's account exists.
 */
@RestController
@RequestMapping("/cuentas/api")
@Tag(name = "Cuentas", description = "Operaciones abiertas, sin sesión (páginas /cuentas/*.html): el registro de"
    + " un funcionario que pedirá el usuario máster de su entidad y el canje de un enlace de un solo uso"
    + " (docs/incorporacion.md). No revelan si existe la cuenta de otra persona.")
public class AccountController {

  private final Accounts accounts;
  private final OneTimeLinks links;

  public AccountController(Accounts accounts, OneTimeLinks links) {
    this.accounts = accounts;
    this.links = links;
  }

  /** Body: {@code usuario, nombres, apellidos, correo}. */
  @PostMapping("/registro")
  @Operation(summary = "Registrarse como solicitante",
      description = "Crea la cuenta de un funcionario sin entidad en la plataforma y le envía a su correo un enlace"
          + " de un solo uso para elegir su contraseña; luego pide el usuario máster por Colabora.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "{\"usuario\", \"nombres\", \"apellidos\","
      + " \"correo\"}")
  @ApiResponse(responseCode = "202", description = "Registrado; el enlace va por correo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "400", description = "Datos inválidos o id de usuario en uso",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<Map<String, Object>> register(@RequestBody(required = false) Map<String, String> body) {
    Map<String, String> in = body == null ? Map.of() : body;
    accounts.registerRequester(new Accounts.NewAccount(in.get("usuario"), in.get("nombres"), in.get("apellidos"),
        in.get("correo")));
    return ResponseEntity.accepted().body(Map.of("mensaje",
        "Le enviamos un enlace a su correo para que elija su contraseña. El enlace funciona una sola vez."));
  }

  /** Body: {@code token, clave, confirmacion}. */
  @PostMapping("/clave")
  @Operation(summary = "Elegir la contraseña con un enlace de un solo uso",
      description = "Canjea el enlace recibido por correo (al registrarse, al crearlo el usuario máster o al pedir"
          + " una nueva contraseña) y fija la contraseña elegida. El enlace sirve una sola vez.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "{\"token\", \"clave\", \"confirmacion\"}")
  @ApiResponse(responseCode = "200", description = "Contraseña registrada: mensaje y usuario")
  @ApiResponse(responseCode = "400", description = "Enlace inválido, usado o vencido; contraseña débil o que no"
      + " coincide con la confirmación",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<Map<String, Object>> setPassword(@RequestBody(required = false) Map<String, String> body) {
    Map<String, String> in = body == null ? Map.of() : body;
    String userId = links.redeem(in.get("token"), in.get("clave"), in.get("confirmacion"));
    return ResponseEntity.ok(Map.of("mensaje", "Su contraseña quedó registrada. Ya puede iniciar sesión.",
        "usuario", userId));
  }
}

package pe.gob.pcm.platform.pide.credential;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import pe.gob.pcm.platform.pide.PideServiceCode;
import pe.gob.pcm.platform.security.ApiAuthentication;
import pe.gob.pcm.platform.security.PlatformUser;
import pe.gob.pcm.platform.validation.ApiErrors;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.Identifiers;
import pe.gob.pcm.platform.validation.InvalidInputException;

/**
 * The PIDE credentials over REST: the SGTD's administrators ({@code sgtd-administrador}, or an
 * administrator) list and revoke an entity's credentials, the entity's users list their own; the
 * one-time link's page ({@code /cuentas/credencial.html}) shows the secrets once. Secrets and
 * their hashes never appear in a listing.
 */
@RestController
@Tag(name = "Credenciales PIDE", description = "Credenciales WS-Security de los servicios de la PIDE"
    + " otorgados por Colabora (docs/credenciales-pide.md)")
public class PideCredentialController {

  private final PideCredentials credentials;

  public PideCredentialController(PideCredentials credentials) {
    this.credentials = credentials;
  }

  @GetMapping("/api/entidades/{ruc}/credenciales")
  @Operation(summary = "Credenciales PIDE de una entidad",
      description = "Usuario, servicio, concesión, estado y revocación de cada credencial, sin la clave."
          + " La administración de la SGTD ve todas; los usuarios de una entidad, solo las suyas.")
  @ApiResponse(responseCode = "200", description = "Las credenciales (vacío si no tiene)")
  @ApiResponse(responseCode = "404", description = "Otra entidad que la del usuario",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @SecurityRequirement(name = ApiAuthentication.BASIC)
  @SecurityRequirement(name = ApiAuthentication.SESSION)
  @ApiResponse(responseCode = "401", description = ApiAuthentication.UNAUTHENTICATED,
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> list(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "RUC de la entidad") @PathVariable String ruc) {
    if (!user.administersEntities() && !ruc.equals(user.entityRuc())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No hay una entidad con RUC " + ruc + " a su alcance.");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ruc", ruc);
    body.put("credenciales", credentials.of(ruc).stream().map(PideCredentialController::view).toList());
    return body;
  }

  @PostMapping("/api/entidades/{ruc}/credenciales/{servicio}/revocacion")
  @Operation(summary = "Revocar la credencial PIDE de una entidad para un servicio",
      description = "Solo la administración de entidades de la SGTD (sgtd-administrador) o un administrador."
          + " La revocación rige de inmediato en todos los nodos: la PIDE consulta la base de datos en cada"
          + " llamada. Cuerpo: {\"motivo\": \"...\"}.")
  @ApiResponse(responseCode = "200", description = "Revocada; devuelve las credenciales de la entidad")
  @ApiResponse(responseCode = "400", description = "Servicio desconocido o motivo inválido",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "403", description = "El usuario no administra entidades"
      + ApiAuthentication.CROSS_SITE_WRITE,
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "404", description = "La entidad no tiene una credencial vigente de ese servicio",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @SecurityRequirement(name = ApiAuthentication.BASIC)
  @SecurityRequirement(name = ApiAuthentication.SESSION)
  @ApiResponse(responseCode = "401", description = ApiAuthentication.UNAUTHENTICATED,
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> revoke(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "RUC de la entidad") @PathVariable String ruc,
      @Parameter(description = "CUO, ENTIDADES_CATEGORIA o ENVIO_DOCUMENTOS") @PathVariable("servicio") String service,
      @RequestBody(required = false) Map<String, Object> body) {
    if (!user.administersEntities()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Solo la administración de entidades de la SGTD puede revocar credenciales de la PIDE.");
    }
    PideServiceCode code = PideServiceCode.parse(service);
    Object rawReason = body == null ? null : body.get("motivo");
    String reason = rawReason == null || rawReason.toString().isBlank() ? null : rawReason.toString().strip();
    new FieldChecks()
        .check("servicio", "Servicio", code == null ? "debe ser CUO, ENTIDADES_CATEGORIA o ENVIO_DOCUMENTOS" : null)
        .check("motivo", "Motivo de la revocación", Identifiers.textProblem(reason, 500))
        .throwIfAny();
    if (!credentials.revoke(ruc, code, user.id(), reason)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "La entidad " + ruc
          + " no tiene una credencial vigente del servicio " + code.port() + ".");
    }
    return list(user, ruc);
  }

  /** Body: {@code token}. Shows the secrets of the link once; the answer is never cached. */
  @PostMapping("/cuentas/api/credencial")
  @Operation(summary = "Mostrar una sola vez las credenciales PIDE de un enlace de un solo uso",
      description = "Abierto (el enlace es la prueba): genera la clave de cada credencial que espera la suya,"
          + " guarda solo su hash y la devuelve esta única vez. Cuerpo: {\"token\": \"...\"}.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "{\"token\": \"...\"}, el del enlace de un"
      + " solo uso recibido por correo")
  @ApiResponse(responseCode = "200", description = "Las credenciales con su clave, una sola vez (no se guarda en"
      + " caché): mensaje y credenciales (usuario, servicio, puerto, clave)")
  @ApiResponse(responseCode = "400", description = "Enlace inválido, usado o vencido, o sin credenciales pendientes",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<Map<String, Object>> reveal(@RequestBody(required = false) Map<String, String> body) {
    List<PideCredentials.Revealed> revealed = credentials.reveal(body == null ? null : body.get("token"));
    if (revealed.isEmpty()) {
      throw new InvalidInputException("token", "Enlace", "no tiene credenciales pendientes: ya se mostraron o se revocaron");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("mensaje", "Copie ahora cada clave en su sistema de trámite: no se volverá a mostrar.");
    answer.put("credenciales", revealed.stream().map(r -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("usuario", r.username());
      one.put("servicio", r.service());
      one.put("puerto", PideServiceCode.valueOf(r.service()).port());
      one.put("clave", r.secret());
      return one;
    }).toList());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
  }


  private static Map<String, Object> view(PideCredentialMapper.Row row) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("usuario", row.username());
    view.put("servicio", row.serviceCode());
    view.put("concesion", row.processInstanceId());
    view.put("emitidaPor", row.issuedBy());
    view.put("emitidaEn", row.issuedAt() == null ? null : row.issuedAt().toString());
    view.put("estado", row.revokedAt() != null ? "REVOCADA" : row.secretHash() == null ? "PENDIENTE" : "VIGENTE");
    view.put("claveMostradaEn", row.revealedAt() == null ? null : row.revealedAt().toString());
    view.put("revocadaPor", row.revokedBy());
    view.put("revocadaEn", row.revokedAt() == null ? null : row.revokedAt().toString());
    view.put("motivoRevocacion", row.revocationReason());
    return view;
  }
}

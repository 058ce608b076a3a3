package pe.gob.pcm.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import pe.gob.pcm.platform.validation.ApiErrors;

/** Who the caller is and whether this is the demo: what the platform's pages need to know. */
@RestController
@Tag(name = "Plataforma", description = "Quién es el usuario y si es la demostración: lo que necesitan las páginas"
    + " de la plataforma")
@SecurityRequirement(name = ApiAuthentication.BASIC)
@SecurityRequirement(name = ApiAuthentication.SESSION)
@ApiResponse(responseCode = "401", description = ApiAuthentication.UNAUTHENTICATED,
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
public class PlatformInfoController {

  private final boolean demo;

  public PlatformInfoController(Environment environment) {
    this.demo = environment.acceptsProfiles(Profiles.of("demo"));
  }

  @GetMapping("/api/plataforma")
  @Operation(summary = "Usuario actual y modo de la plataforma",
      description = "El id del usuario, sus grupos (roles), sus entidades (tenants) y si la plataforma corre en el"
          + " perfil de demostración.")
  @ApiResponse(responseCode = "200", description = "usuario, grupos, entidades y demo")
  public Map<String, Object> info(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user) {
    return Map.of("usuario", user.id(), "grupos", user.groupIds(), "entidades", user.tenantIds(),
        "demo", demo);
  }
}

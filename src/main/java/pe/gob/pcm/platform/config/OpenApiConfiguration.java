package pe.gob.pcm.platform.config;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;
import pe.gob.pcm.platform.security.ApiAuthentication;

/**
 * The OpenAPI document of the platform's own REST API ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}, docs/api.md): its title and version, and the two ways a caller
 * authenticates on {@code /api/**} (security/PlatformAuthenticationFilter), declared once here
 * and required by each controller of {@code /api/**} with {@code @SecurityRequirement}. Camunda's engine REST API
 * stays out of it (springdoc.paths-to-match in application.yml).
 */
@Configuration
@OpenAPIDefinition(info = @Info(
    title = "Plataforma de gestión PCM",
    version = "${platform.version}",
    description = """
        API REST propia de la plataforma de gestión organizacional e interoperabilidad documental \
        de la Presidencia del Consejo de Ministros: registro de entidades, personas de la entidad, \
        documentos, credenciales de la PIDE, estructuras del ROF/MOP, métricas de procesos y cuentas.

        Las operaciones bajo `/api/**` requieren **HTTP Basic** con un usuario de la plataforma o la \
        **sesión de Tasklist** (cookie de las aplicaciones web de Camunda; las escrituras con sesión \
        deben venir de la propia plataforma, cabecera `Origin`). Las de `/cuentas/api/**` son \
        abiertas: el enlace de un solo uso es la prueba.

        Todo rechazo responde en formato **Problem Details** (RFC 9457, `application/problem+json`): \
        `type`, `title`, `status`, el motivo en castellano en `detail`, la ruta en `instance` y, si hubo \
        campos rechazados, `errores: [{"campo", "mensaje"}]`. La API REST de Camunda (`/engine-rest`) \
        no está aquí: tiene su propio OpenAPI en `/engine-rest/openapi.json`."""))
@SecurityScheme(name = ApiAuthentication.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
    description = "Usuario y contraseña de la plataforma (los mismos de Tasklist).")
@SecurityScheme(name = ApiAuthentication.SESSION, type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.COOKIE, paramName = "JSESSIONID",
    description = "Sesión iniciada en Tasklist, Cockpit o Admin (/camunda/app/). Las escrituras deben"
        + " enviarse desde la propia plataforma (cabecera Origin o Referer del mismo sitio).")
public class OpenApiConfiguration {}

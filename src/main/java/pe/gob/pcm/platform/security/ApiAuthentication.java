package pe.gob.pcm.platform.security;

/**
 * The names of the OpenAPI security schemes of {@code /api/**} (declared in
 * config/OpenApiConfiguration), as the controllers' {@code @SecurityRequirement} cite them: HTTP
 * Basic, or the session of the Camunda webapps, the two ways {@link PlatformAuthenticationFilter}
 * accepts.
 */
public final class ApiAuthentication {

  /** HTTP Basic with a platform user. */
  public static final String BASIC = "basic";
  /** The session of a user logged into Tasklist, Cockpit or Admin. */
  public static final String SESSION = "sesionTasklist";
  /** The description of the 401 every {@code /api/**} operation answers without credentials. */
  public static final String UNAUTHENTICATED = "Sin credenciales válidas (HTTP Basic o sesión de Tasklist)";

  /**
   * Appended to the description of the 403 of a write: the filter refuses a write that comes with
   * the session but from another site.
   */
  public static final String CROSS_SITE_WRITE = "; o una escritura con la sesión de Tasklist enviada desde otro sitio";

  private ApiAuthentication() {}
}

package pe.gob.pcm.platform.pide;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.pide.*}: where the PIDE's services are and how long to wait for them, and
 * the local PIDE (demo) with its directory of entities.
 *
 * @param tramiteUrl PcmIMgdTramite endpoint; empty = this server's local PIDE
 * @param entidadUrl PcmIMgdEntidad endpoint; empty = this server's local PIDE
 * @param cuoUrl PcmCuo endpoint; empty = this server's local PIDE
 * @param cuoService the {@code servicio} passed to getCUOEntidad
 * @param retryCycle how the jobs that call the PIDE are retried before they become incidents
 *     (ISO 8601 repetitions/interval, as camunda:failedJobRetryTimeCycle)
 * @param credentials the PIDE credentials of the hosted entities, one per entity and service,
 *     carried by every call the platform makes for that entity (docs/credenciales-pide.md)
 * @param platformRuc the entity whose credentials the platform uses for calls it makes for no
 *     entity in particular (entity lists, document types, MPV test CUOs): the PCM, which runs it
 */
@ConfigurationProperties(prefix = "platform.pide")
public record PideProperties(
    String tramiteUrl,
    String entidadUrl,
    String cuoUrl,
    @DefaultValue("3011") String cuoService,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("60s") Duration receiveTimeout,
    @DefaultValue("1h") Duration entityListCache,
    @DefaultValue Local local,
    @DefaultValue("R5/PT1M") String retryCycle,
    @DefaultValue List<Credential> credentials,
    @DefaultValue("20168999926") String platformRuc) {

  /**
   * A PIDE on this server, for the demo and the tests: never in production. With
   * {@code require-credentials} (the default) its services refuse a call without a valid,
   * unrevoked credential of that service.
   */
  public record Local(@DefaultValue("false") boolean enabled, @DefaultValue List<DirectoryEntry> directory,
      @DefaultValue("true") boolean requireCredentials) {}

  /**
   * An entity's credential for one PIDE service ({@code CUO}, {@code ENTIDADES_CATEGORIA},
   * {@code ENVIO_DOCUMENTOS}); the user name defaults to {@code <RUC>.<SERVICIO>}.
   */
  public record Credential(String ruc, String service, String username, String secret) {
    public String usernameOrDefault() {
      return username != null && !username.isBlank() ? username.strip()
          : PideServiceCode.valueOf(service.strip()).username(ruc.strip());
    }
  }

  /** The configured credential of the entity for the service, if any. */
  public java.util.Optional<Credential> credential(String entityRuc, PideServiceCode service) {
    return credentials.stream().filter(c -> c.ruc() != null && c.ruc().strip().equals(entityRuc)
        && service.name().equalsIgnoreCase(c.service() == null ? "" : c.service().strip())
        && c.secret() != null && !c.secret().isBlank()).findFirst();
  }

  /**
   * An entity the local PIDE knows: RUC, name, category (1–8, as getListaEntidad) and the URL of
   * its wsiotramite; empty URL = the wsiotramite of this server.
   */
  public record DirectoryEntry(String ruc, String name, @DefaultValue("1") int category, String url) {}
}

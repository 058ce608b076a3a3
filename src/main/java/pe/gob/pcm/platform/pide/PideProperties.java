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
    @DefaultValue("R5/PT1M") String retryCycle) {

  /** A PIDE on this server, for the demo and the tests: never in production. */
  public record Local(@DefaultValue("false") boolean enabled, @DefaultValue List<DirectoryEntry> directory) {}

  /**
   * An entity the local PIDE knows: RUC, name, category (1–8, as getListaEntidad) and the URL of
   * its wsiotramite; empty URL = the wsiotramite of this server.
   */
  public record DirectoryEntry(String ruc, String name, @DefaultValue("1") int category, String url) {}
}

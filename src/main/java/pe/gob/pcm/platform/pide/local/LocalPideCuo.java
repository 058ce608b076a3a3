package pe.gob.pcm.platform.pide.local;

import jakarta.jws.WebService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import pe.gob.pcm.platform.pide.PideServiceCode;
import pe.gob.pide.pcm.webservice.PcmCuoPortType;

/**
 * The local PIDE's PcmCuo: unique 10-digit CUOs, leading zeros kept, from a counter row; only to
 * a caller with the CUO credential (getCUOEntidad: of the entity whose RUC it names).
 */
@WebService(serviceName = "PcmCuo", portName = "PcmCuoHttpSoap11Endpoint",
    targetNamespace = "http://pcm.pide.gob.pe/webservice",
    endpointInterface = "pe.gob.pide.pcm.webservice.PcmCuoPortType",
    wsdlLocation = "classpath:wsdl/PcmCuo.wsdl")
public class LocalPideCuo implements PcmCuoPortType {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  private final LocalPideAvailability availability;
  private final LocalPideGuard guard;

  LocalPideCuo(JdbcTemplate jdbc, TransactionTemplate transaction, LocalPideAvailability availability,
      LocalPideGuard guard) {
    this.availability = availability;
    this.guard = guard;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  @Override
  public String getCUOEntidad(String ruc, String servicio) {
    requireAvailable();
    guard.require(PideServiceCode.CUO, ruc);
    return next();
  }

  @Override
  public String getCUO(String ip) {
    requireAvailable();
    guard.require(PideServiceCode.CUO, null);
    return next();
  }

  private void requireAvailable() {
    if (!availability.isAvailable()) {
      throw new jakarta.xml.ws.WebServiceException("PIDE no disponible (caída simulada)");
    }
  }

  private String next() {
    // The UPDATE locks the counter row until commit, so concurrent requests get distinct values.
    Long value = transaction.execute(status -> {
      jdbc.update("UPDATE pide_cuo_contador SET ultimo = ultimo + 1 WHERE id = 1");
      return jdbc.queryForObject("SELECT ultimo FROM pide_cuo_contador WHERE id = 1", Long.class);
    });
    return String.format("%010d", value);
  }
}

package pe.gob.pcm.platform.pide.local;

import jakarta.jws.WebService;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.gob.pcm.platform.pide.PideClients;
import pe.gob.pcm.platform.pide.PideDirectory;
import pe.gob.pcm.platform.pide.PideProperties;
import pe.gob.pcm.platform.pide.PideServiceCode;
import pe.gob.pcm.platform.mgd.MgdRules;
import pe.gob.pcm.platform.pide.MgdWire;
import pe.gob.segdi.wsiopidetramite.ws.CargoTramite;
import pe.gob.segdi.wsiopidetramite.ws.ConsultaTramite;
import pe.gob.segdi.wsiopidetramite.ws.IoTipoDocumentoTramite;
import pe.gob.segdi.wsiopidetramite.ws.PcmIMgdTramitePortType;
import pe.gob.segdi.wsiopidetramite.ws.RecepcionTramite;
import pe.gob.segdi.wsiopidetramite.ws.RespuestaCargoTramite;
import pe.gob.segdi.wsiopidetramite.ws.RespuestaConsultaTramite;
import pe.gob.segdi.wsiopidetramite.ws.RespuestaTramite;
import pe.gob.segdi.wsiotramite.ws.Tramite;

/**
 * The local PIDE's PcmIMgdTramite: checks the caller's ENVIO_DOCUMENTOS credential, for the
 * entity that sends ({@code vrucentrem}), and what the real PIDE checks (each refusal answered
 * {@code 0003} and the reason, nothing relayed), then relays to the target entity's wsiotramite found in its
 * directory, and returns that entity's answer.
 */
@WebService(serviceName = "PcmIMgdTramite", portName = "PcmIMgdTramiteHttpSoap11Endpoint",
    targetNamespace = "http://ws.wsiopidetramite.segdi.gob.pe/",
    endpointInterface = "pe.gob.segdi.wsiopidetramite.ws.PcmIMgdTramitePortType",
    wsdlLocation = "classpath:wsdl/PcmIMgdTramite.wsdl")
public class LocalPideTramite implements PcmIMgdTramitePortType {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPideTramite.class);

  private final PideDirectory directory;
  private final PideClients clients;
  private final MgdRules rules;
  private final LocalPideAvailability availability;
  private final LocalPideGuard guard;

  LocalPideTramite(PideDirectory directory, PideClients clients, MgdRules rules,
      LocalPideAvailability availability, LocalPideGuard guard) {
    this.availability = availability;
    this.guard = guard;
    this.directory = directory;
    this.clients = clients;
    this.rules = rules;
  }

  @Override
  public List<IoTipoDocumentoTramite> getTipoDocumento() {
    requireAvailable();
    guard.require(PideServiceCode.ENVIO_DOCUMENTOS, null);
    return rules.documentTypes().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
        .map(e -> {
          IoTipoDocumentoTramite type = new IoTipoDocumentoTramite();
          type.setCcodtipdoctra(e.getKey());
          type.setVnomtipdoctra(e.getValue());
          return type;
        }).toList();
  }

  @Override
  public RespuestaTramite recepcionarTramiteResponse(RecepcionTramite request) {
    requireAvailable();
    Optional<String> refused = guard.refusal(PideServiceCode.ENVIO_DOCUMENTOS,
        request == null ? null : request.getVrucentrem());
    if (refused.isPresent()) {
      return answer(new RespuestaTramite(), "0003", refused.get());
    }
    // The PIDE checks the metadata before relaying, with the MGD's rules: 0003 and the field.
    String problem = request == null ? "request es obligatorio"
        : rules.firstProblem(MgdWire.toDocument(PideRelayMapping.toEntity(request))).orElse(null);
    Optional<PideProperties.DirectoryEntry> target = problem == null ? entry(request.getVrucentrec()) : Optional.empty();
    if (problem == null && target.isEmpty()) {
      problem = "Entidad receptora no registrada en la PIDE: " + request.getVrucentrec();
    }
    if (problem != null) {
      return answer(new RespuestaTramite(), "0003", problem);
    }
    Tramite receiver = clients.wsiotramite(target.get().url());
    pe.gob.segdi.wsiotramite.ws.RespuestaTramite relayed =
        receiver.recepcionarTramiteResponse(PideRelayMapping.toEntity(request));
    LOG.info("PIDE local: documento CUO {} de {} a {}: {}", request.getVcuo(), request.getVrucentrem(),
        request.getVrucentrec(), relayed.getVcodres());
    return answer(new RespuestaTramite(), relayed.getVcodres(), relayed.getVdesres());
  }

  @Override
  public RespuestaCargoTramite cargoResponse(CargoTramite request) {
    requireAvailable();
    Optional<String> refused = guard.refusal(PideServiceCode.ENVIO_DOCUMENTOS,
        request == null ? null : request.getVrucentrem());
    if (refused.isPresent()) {
      RespuestaCargoTramite answer = new RespuestaCargoTramite();
      answer.setVcodres("0003");
      answer.setVdesres(refused.get());
      return answer;
    }
    // In a cargo, vrucentrec is the original sender: the cargo goes back to it.
    Optional<PideProperties.DirectoryEntry> target = request == null ? Optional.empty() : entry(request.getVrucentrec());
    RespuestaCargoTramite answer = new RespuestaCargoTramite();
    if (target.isEmpty()) {
      answer.setVcodres("0003");
      answer.setVdesres("Entidad destinataria del cargo no registrada en la PIDE");
      return answer;
    }
    pe.gob.segdi.wsiotramite.ws.RespuestaCargoTramite relayed =
        clients.wsiotramite(target.get().url()).cargoResponse(PideRelayMapping.toEntity(request));
    answer.setVcodres(relayed.getVcodres());
    answer.setVdesres(relayed.getVdesres());
    return answer;
  }

  @Override
  public RespuestaConsultaTramite consultarTramiteResponse(ConsultaTramite request) {
    requireAvailable();
    Optional<String> refused = guard.refusal(PideServiceCode.ENVIO_DOCUMENTOS,
        request == null ? null : request.getVrucentrem());
    if (refused.isPresent()) {
      RespuestaConsultaTramite answer = new RespuestaConsultaTramite();
      answer.setVcodres("0003");
      answer.setVdesres(refused.get());
      return answer;
    }
    Optional<PideProperties.DirectoryEntry> target = request == null ? Optional.empty() : entry(request.getVrucentrec());
    if (target.isEmpty()) {
      RespuestaConsultaTramite answer = new RespuestaConsultaTramite();
      answer.setVcodres("0003");
      answer.setVdesres("Entidad receptora no registrada en la PIDE");
      return answer;
    }
    return PideRelayMapping.toPide(clients.wsiotramite(target.get().url()).consultarTramiteResponse(request.getVcuo()));
  }

  /** An outage looks like one: a SOAP fault, not an answer. */
  private void requireAvailable() {
    if (!availability.isAvailable()) {
      throw new jakarta.xml.ws.WebServiceException("PIDE no disponible (caída simulada)");
    }
  }

  private Optional<PideProperties.DirectoryEntry> entry(String ruc) {
    return directory.find(ruc);
  }

  private static RespuestaTramite answer(RespuestaTramite answer, String code, String message) {
    answer.setVcodres(code);
    answer.setVdesres(message);
    return answer;
  }
}

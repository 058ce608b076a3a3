package pe.gob.pcm.platform.pide.local;

import jakarta.jws.WebService;
import java.util.List;
import pe.gob.pcm.platform.pide.PideDirectory;
import pe.gob.pcm.platform.pide.PideProperties;
import pe.gob.pcm.platform.pide.PideServiceCode;
import pe.gob.segdi.wsentidad.ws.EntidadBean;
import pe.gob.segdi.wsentidad.ws.PcmIMgdEntidadPortType;

/** The local PIDE's PcmIMgdEntidad: its directory, by category, to callers with that service's credential. */
@WebService(serviceName = "PcmIMgdEntidad", portName = "PcmIMgdEntidadHttpSoap11Endpoint",
    targetNamespace = "http://ws.wsentidad.segdi.gob.pe/",
    endpointInterface = "pe.gob.segdi.wsentidad.ws.PcmIMgdEntidadPortType",
    wsdlLocation = "classpath:wsdl/PcmIMgdEntidad.wsdl")
public class LocalPideEntidad implements PcmIMgdEntidadPortType {

  private final PideDirectory directory;
  private final LocalPideAvailability availability;
  private final LocalPideGuard guard;

  LocalPideEntidad(PideDirectory directory, LocalPideAvailability availability, LocalPideGuard guard) {
    this.directory = directory;
    this.availability = availability;
    this.guard = guard;
  }

  @Override
  public List<EntidadBean> getListaEntidad(int sidcatent) {
    requireAvailable();
    List<PideProperties.DirectoryEntry> entries = directory.entries();
    return java.util.stream.IntStream.range(0, entries.size())
        .filter(i -> entries.get(i).category() == sidcatent)
        .mapToObj(i -> {
          EntidadBean bean = new EntidadBean();
          bean.setSident(i + 1);
          bean.setSidpadent(0);
          bean.setVnoment(entries.get(i).name());
          bean.setVrucent(entries.get(i).ruc());
          return bean;
        }).toList();
  }

  @Override
  public String validarEntidad(String vrucent) {
    requireAvailable();
    return directory.find(vrucent).isPresent() ? "0000" : "0001";
  }

  private void requireAvailable() {
    if (!availability.isAvailable()) {
      throw new jakarta.xml.ws.WebServiceException("PIDE no disponible (caída simulada)");
    }
    guard.require(PideServiceCode.ENTIDADES_CATEGORIA, null);
  }
}

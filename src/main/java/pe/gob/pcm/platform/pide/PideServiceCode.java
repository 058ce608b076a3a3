package pe.gob.pcm.platform.pide;

/**
 * The three PIDE services an entity is granted one by one (Colabora's Formato A-1), each with its
 * own credential: the code is the one Colabora records ({@code colabora_service_access}), the
 * port is the PIDE service's name in its catalogue.
 */
public enum PideServiceCode {
  CUO("PcmCuo"),
  ENTIDADES_CATEGORIA("PcmIMgdEntidad"),
  ENVIO_DOCUMENTOS("PcmIMgdTramite");

  private final String port;

  PideServiceCode(String port) {
    this.port = port;
  }

  public String port() {
    return port;
  }

  /** The user name of an entity's credential for this service: RUC, a dot, the code. */
  public String username(String entityRuc) {
    return entityRuc + "." + name();
  }

  /** The code, or null when there is no such service. */
  public static PideServiceCode parse(String code) {
    if (code == null) {
      return null;
    }
    for (PideServiceCode service : values()) {
      if (service.name().equalsIgnoreCase(code.strip())) {
        return service;
      }
    }
    return null;
  }
}

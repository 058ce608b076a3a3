package pe.gob.pcm.platform.colabora;

/** The three PIDE services a master user requests, one signed Formato A-1 each. */
public enum PideService {
  CUO("Código Único de Operación - CUO"),
  ENTIDADES_CATEGORIA("Trámite Entidades por Categoría - IMGD"),
  ENVIO_DOCUMENTOS("Trámite Envío de Documentos de Entidades - IMGD");

  private final String displayName;

  PideService(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}

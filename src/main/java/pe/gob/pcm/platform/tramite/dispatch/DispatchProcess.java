package pe.gob.pcm.platform.tramite.dispatch;

/** Names shared by the dispatch model, its forms and its code. */
public final class DispatchProcess {

  public static final String KEY = "tramite-despacho";
  public static final String CARGO_MESSAGE = "CargoRecibido";
  public static final String DISPATCH_ID = "dispatchId";
  public static final String CUO = "cuo";
  public static final String DESTINATION_RUC = "destinationRuc";
  public static final String DOCUMENT_TYPE = "documentTypeCode";
  public static final String DOCUMENT_NUMBER = "documentNumber";
  public static final String SUBJECT = "subject";
  public static final String SENDER_UNIT = "senderUnit";
  public static final String DESTINATION_UNIT = "destinationUnit";
  public static final String ADDRESSEE = "addressee";
  public static final String ADDRESSEE_POSITION = "addresseePosition";
  public static final String FOLIOS = "folios";
  public static final String SIGNER_DNI = "signerDni";
  public static final String ANNEXES = "annexDocumentIds";
  public static final String MAIN_DOCUMENT = "mainDocumentId";
  public static final String PIDE_ACCEPTED = "pideAccepted";
  public static final String PIDE_MESSAGE = "pideMessage";
  public static final String CARGO_STATE = "cargoState";
  public static final String CARGO_OBSERVATION = "cargoObservation";

  private DispatchProcess() {}
}

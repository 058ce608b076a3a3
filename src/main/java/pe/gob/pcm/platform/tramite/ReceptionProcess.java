package pe.gob.pcm.platform.tramite;

/** Names shared by the reception model, its form and its code. */
public final class ReceptionProcess {

  public static final String KEY = "tramite-recepcion";
  public static final String RECEPTION_ID = "receptionId";
  public static final String CUO = "cuo";
  public static final String MAIN_DOCUMENT = "mainDocumentId";
  public static final String DECISION = "receptionDecision";
  public static final String UNIT = "receptionUnit";
  public static final String OBSERVATION = "receptionObservation";
  public static final String RECEIVED_BY = "receivedBy";
  public static final String REGISTER = "REGISTRAR";
  public static final String OBSERVE = "OBSERVAR";

  private ReceptionProcess() {}
}

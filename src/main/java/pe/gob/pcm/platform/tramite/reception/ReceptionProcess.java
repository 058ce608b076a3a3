package pe.gob.pcm.platform.tramite.reception;

import java.util.Set;
import pe.gob.pcm.platform.entity.EntityTenantIdProvider;

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

  /**
   * The variables a reception starts with (ReceptionService.receive), each a copy of the
   * reception record in the MGD tables (iotdtc_recepcion, iotdtm_doc_externo,
   * iotdtd_doc_principal): not written to history at creation ({@link ReceptionRecordCopies}).
   */
  public static final Set<String> RECORD_VARIABLES = Set.of(
      EntityTenantIdProvider.ENTITY_RUC, RECEPTION_ID, CUO, MAIN_DOCUMENT, "senderRuc", "senderName",
      "senderUnit", "documentType", "documentNumber", "documentDate", "subject", "addressee", "folios",
      "annexCount");

  private ReceptionProcess() {}
}

package pe.gob.pcm.platform.mpv;

/** Names shared by the MPV model ({@code processes/mpv}), its forms and its code. */
public final class MpvProcess {

  public static final String KEY = "mpv-pase-produccion";

  // The test request (start form)
  public static final String ENTITY_RUC = "entityRuc";
  public static final String ENTITY_NAME = "entityName";
  public static final String ENTITY_CATEGORY = "entityCategory";
  public static final String SGD_TYPE = "sgdType";
  public static final String DEV_URL = "devUrl";
  public static final String TECH_NAME = "techName";
  public static final String TECH_DNI = "techDni";
  public static final String TECH_EMAIL = "techEmail";
  public static final String TECH_MOBILE = "techMobile";
  public static final String ADMIN_NAME = "adminName";
  public static final String ADMIN_DNI = "adminDni";
  public static final String ADMIN_EMAIL = "adminEmail";
  public static final String ADMIN_MOBILE = "adminMobile";
  public static final String INITIATOR = "initiator";

  // The conformance suite (service task)
  public static final String ROUND = "conformanceRound";
  public static final String PASSED = "conformancePassed";
  public static final String SUMMARY = "conformanceSummary";
  public static final String CHECKS = "conformanceChecks";
  public static final String REPORT_DOCUMENT = "conformanceReportId";
  public static final String TEST_CUO = "testCuo";

  // SGTD review of the report
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_OBSERVATION = "reviewObservation";
  public static final String SGTD_USER = "sgtdUser";
  public static final String SGTD_SPECIALIST = "sgtdSpecialist";
  public static final String CORRECTION_NOTE = "correctionNote";

  // Administrative test
  public static final String ADMIN_TEST_REGISTRATION = "adminTestRegistration";
  public static final String ADMIN_TEST_CARGO_RETURNED = "adminTestCargoReturned";
  public static final String ADMIN_TEST_DECISION = "adminTestDecision";
  public static final String ADMIN_TEST_OBSERVATION = "adminTestObservation";
  /** The CUO of the test document the entity's SGD sent to the PCM, whose cargo the platform returns. */
  public static final String ADMIN_TEST_SENT_CUO = "adminTestSentCuo";
  public static final String CARGO_PASSED = "cargoChecksPassed";
  public static final String CARGO_SUMMARY = "cargoChecksSummary";
  public static final String CARGO_CHECKS = "cargoChecks";
  public static final String CARGO_REPORT_DOCUMENT = "cargoReportId";

  // Acta de conformidad
  public static final String ACTA_DOCUMENT = "actaDocumentId";
  public static final String ACTA_CODE = "actaCode";
  public static final String ACTA_TI_DOCUMENT = "actaTiDocumentId";
  public static final String ACTA_TRAMITE_DOCUMENT = "actaTramiteDocumentId";

  // Go-live
  public static final String PRODUCTION_URL = "productionUrl";
  public static final String GO_LIVE_DATE = "goLiveDate";
  public static final String GO_LIVE_AT = "goLiveAt";
  public static final String GO_LIVE_DECISION = "goLiveDecision";
  public static final String GO_LIVE_OBSERVATION = "goLiveObservation";
  public static final String REJECTION_REASON = "rejectionReason";
  public static final String OUTCOME = "mpvOutcome";

  // Decisions, as the forms send them
  public static final String CONFORMING = "CONFORME";
  public static final String NOT_CONFORMING = "NO_CONFORME";
  public static final String REJECT = "RECHAZAR";
  public static final String CONFIRM = "CONFIRMAR";
  public static final String OBSERVE = "OBSERVAR";
  public static final String APPROVE = "APROBAR";

  // SGD types
  public static final String SGD_OWN = "PROPIO";
  public static final String SGD_PCM = "PCM";

  private MpvProcess() {}
}

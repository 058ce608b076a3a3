package pe.gob.pcm.platform.colabora;

/** Names shared by the Colabora BPMN model, its forms and its code. */
public final class ColaboraProcess {

  public static final String KEY = "colabora-usuario-maestro";
  /** The master user's account of an entity: {@code maestro.<RUC>}. */
  public static final String MASTER_USER_PREFIX = "maestro.";
  public static final String MASTER_USER_ID = "masterUserId";

  // Process variables (the keys of the Camunda Forms' fields)
  public static final String ENTITY_RUC = "entityRuc";
  public static final String ENTITY_NAME = "entityName";
  /** PIDE category (1 to 8) and sector: asked for an entity not hosted yet. */
  public static final String ENTITY_CATEGORY = "entityCategory";
  public static final String ENTITY_SECTOR = "entitySector";
  public static final String OFFICER_NAME = "officerName";
  public static final String OFFICER_DNI = "officerDni";
  public static final String OFFICER_POSITION_CODE = "officerPositionCode";
  public static final String OFFICER_POSITION = "officerPosition";
  public static final String OFFICER_EMAIL = "officerEmail";
  public static final String OFFICER_MOBILE = "officerMobile";
  public static final String A3_DOCUMENT = "a3DocumentId";
  public static final String DESIGNATION_DOCUMENT = "designationDocumentId";
  public static final String INITIATOR = "initiator";
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_OBSERVATION = "reviewObservation";
  public static final String REVIEWED_BY = "reviewedBy";
  public static final String REJECTION_REASON = "rejectionReason";
  public static final String OUTCOME = "requestOutcome";
  public static final String PIDE_SERVICE = "pideService";
  public static final String PIDE_SERVICE_NAME = "pideServiceName";
  public static final String A1_DOCUMENT = "a1DocumentId";
  public static final String A1_SIGNATURE_VALID = "a1SignatureValid";
  public static final String A1_SIGNATURE_PROBLEM = "a1SignatureProblem";
  public static final String A1_DECISION = "a1Decision";
  public static final String A1_OBSERVATION = "a1Observation";
  public static final String A1_REVIEWED_BY = "a1ReviewedBy";

  // Decisions of the help desk, as the forms send them
  public static final String APPROVE = "APROBAR";
  public static final String OBSERVE = "OBSERVAR";
  public static final String REJECT = "RECHAZAR";

  private ColaboraProcess() {}
}

package pe.gob.pcm.platform.procedure;

/** Names shared by the two models of {@code processes/procedimiento}, their forms and their code. */
public final class ProcedureProcess {

  /** The SGP's cycle: formulate or update → legal review → approval with its norm → publication. */
  public static final String KEY = "procedimiento-estandarizado";
  /** One entity's adoption of a published version. */
  public static final String ADOPTION_KEY = "procedimiento-adopcion";

  public static final String ENTITY_RUC = "entityRuc";
  public static final String ENTITY_NAME = "entityName";

  public static final String CODE = "procedureCode";
  public static final String NAME = "procedureName";
  public static final String LEGAL_BASIS = "legalBasis";
  public static final String REQUIREMENTS = "requirements";
  public static final String FEE = "fee";
  public static final String TERM_DAYS = "termDays";
  public static final String SILENCE = "silence";
  public static final String UNIT_TYPE = "unitType";
  public static final String LEVEL_NATIONAL = "levelNational";
  public static final String LEVEL_REGIONAL = "levelRegional";
  public static final String LEVEL_LOCAL = "levelLocal";
  public static final String VERSION_ID = "versionId";
  public static final String VERSION = "procedureVersion";

  public static final String LEGAL_DECISION = "legalDecision";
  public static final String LEGAL_OBSERVATION = "legalObservation";
  public static final String NORM_TYPE = "normType";
  public static final String NORM_NUMBER = "normNumber";
  public static final String NORM_DATE = "normDate";
  public static final String PUBLICATION_DATE = "publicationDate";
  public static final String OUTCOME = "procedureOutcome";

  public static final String ADOPTION_ID = "adoptionId";
  public static final String STANDARD_SUMMARY = "standardSummary";
  public static final String ADOPTED_UNIT = "adoptedUnit";
  public static final String ADOPTED_FEE = "adoptedFee";
  public static final String ADOPTED_TERM_DAYS = "adoptedTermDays";
  public static final String ADOPTED_REQUIREMENTS = "adoptedRequirements";
  /** The deviations as rows for the review form's table: campo, estandar, adoptado, detalle. */
  public static final String DEVIATIONS = "adoptionDeviations";
  public static final String DEVIATION_COUNT = "adoptionDeviationCount";
  public static final String DEVIATION_SUMMARY = "adoptionDeviationSummary";
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_OBSERVATION = "reviewObservation";

  public static final String CONFORME = "CONFORME";
  public static final String OBSERVE = "OBSERVAR";
  public static final String APPROVE = "APROBAR";

  private ProcedureProcess() {}
}

package pe.gob.pcm.platform.processmap;

/** Keys of processes/mapa/pgo-mapa-procesos.bpmn: its variables, as the forms name them. */
public final class ProcessMapProcess {

  public static final String KEY = "pgo-mapa-procesos";

  public static final String CASE_ID = "mapaExpedienteId";
  public static final String ENTITY_RUC = "entityRuc";
  public static final String ENTITY_NAME = "entityName";
  public static final String TEMPLATE = "mapTemplate";
  public static final String MAP_VERSION = "mapVersion";
  public static final String MAP_ERRORS = "mapErrors";
  public static final String MAP_SUMMARY = "mapSummary";
  public static final String MAP_FINDINGS = "mapFindings";
  public static final String ACTION = "mapAction";
  public static final String VALIDATE = "VALIDAR";
  public static final String SEND = "ENVIAR";

  public static final String EVALUATOR = "evaluator";
  public static final String EVALUATOR_OPTIONS = "sgpEvaluators";
  /** The DMN pgo-plazo-evaluacion reads it and answers {@link #EVALUATION_DAYS}. */
  public static final String COMPLEXITY = "complexity";
  public static final String EVALUATION_DAYS = "evaluationDays";
  public static final String ROUND = "evaluationRound";
  public static final String DEADLINE = "evaluationDeadline";
  public static final String DEADLINE_TEXT = "evaluationDeadlineText";
  public static final String RESULT = "mapResult";
  public static final String FAVOURABLE = "FAVORABLE";
  public static final String OBSERVED = "OBSERVADO";
  public static final String UNFAVOURABLE = "DESFAVORABLE";
  public static final String GROUNDS = "mapGrounds";
  public static final String OBSERVATIONS = "mapObservations";
  public static final String OBSERVATIONS_SUMMARY = "mapObservationsSummary";

  public static final String REPORT_DOCUMENT = "sgpReportDocument";
  public static final String NORM_NUMBER = "normNumber";
  public static final String NORM_DATE = "normDate";
  public static final String OUTCOME = "mapOutcome";

  private ProcessMapProcess() {}
}

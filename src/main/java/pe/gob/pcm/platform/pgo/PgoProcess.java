package pe.gob.pcm.platform.pgo;

import java.util.List;
import java.util.Map;

/** Names shared by the PGO model ({@code processes/pgo}), its forms and its code. */
public final class PgoProcess {

  public static final String KEY = "pgo-rof-mop";

  public static final String ENTITY_RUC = "entityRuc";
  public static final String ENTITY_NAME = "entityName";
  public static final String ENTITY_CATEGORY = "entityCategory";
  public static final String DOCUMENT_TYPE = "documentType";
  public static final String TRIGGER = "trigger";
  public static final String POPULATION = "population";
  public static final String TYPOLOGY = "typology";
  public static final String MUNICIPAL_LEVEL = "municipalLevel";
  public static final String EXPEDIENTE_ID = "expedienteId";
  public static final String MODEL_CODE = "modelCode";
  public static final String MODEL_NAME = "modelName";

  public static final String STRUCTURE_VERSION = "structureVersion";
  public static final String STRUCTURE_ERRORS = "structureErrors";
  public static final String STRUCTURE_WARNINGS = "structureWarnings";
  public static final String STRUCTURE_FINDINGS = "structureFindings";
  public static final String STRUCTURE_SUMMARY = "structureSummary";
  public static final String ACTION = "formulateAction";
  /** A MOP's adscription (MINISTERIO, ORGANISMO_PUBLICO; null for a ROF): an input of the instrument DMN. */
  public static final String MOP_ADSCRIPTION = "mopAdscription";

  /** Documents of the expediente: process variable → kind stored in pgo_documento. */
  public static final Map<String, String> DOCUMENTS = Map.of(
      "proyectoDocumentId", "PROYECTO",
      "normaProyectoDocumentId", "PROYECTO_NORMA",
      "informeTecnicoDocumentId", "INFORME_TECNICO",
      "personalDocumentId", "NECESIDADES_PERSONAL",
      "informeLegalDocumentId", "INFORME_LEGAL");
  public static final List<String> REQUIRED_TO_SEND =
      List.of("proyectoDocumentId", "normaProyectoDocumentId", "informeTecnicoDocumentId");
  public static final String LEGAL_DOCUMENT = "informeLegalDocumentId";

  public static final String LEGAL_DECISION = "legalDecision";
  public static final String LEGAL_OBSERVATION = "legalObservation";
  public static final String REQUEST_OPINION = "requestOpinion";
  public static final String COMPLEXITY = "complexity";
  public static final String EVALUATION_DAYS = "evaluationDays";
  public static final String ROUND = "evaluationRound";
  public static final String DEADLINE = "evaluationDeadline";
  public static final String ALERT_AT = "evaluationAlertAt";
  public static final String DEADLINE_TEXT = "evaluationDeadlineText";
  public static final String RESULT = "evaluationResult";
  public static final String OBSERVATION = "evaluationObservation";
  public static final String SLA_BREACHED = "slaBreached";
  public static final String INSTRUMENT = "instrument";
  public static final String NORM_NUMBER = "normNumber";
  public static final String NORM_DATE = "normDate";
  public static final String PUBLICATION_DATE = "publicationDate";
  public static final String OUTCOME = "pgoOutcome";

  /** The SGP evaluator the supervisor assigned (a user of sgp-evaluador): the evaluation task's assignee. */
  public static final String EVALUATOR = "evaluator";
  /** Options of the assignment form's evaluator list: [{label, value}]. */
  public static final String EVALUATOR_OPTIONS = "sgpEvaluators";
  public static final String ASSIGNMENT_REASON = "assignmentReason";
  /** The round's observations with their answers, as rows for the forms' tables. */
  public static final String OBSERVATIONS = "evaluationObservations";
  public static final String OBSERVATION_COUNT = "evaluationObservationCount";
  /** What changed since the previous round (rows: cambio, unidad, detalle) and a one-line summary. */
  public static final String ROUND_CHANGES = "roundChanges";
  public static final String ROUND_CHANGES_SUMMARY = "roundChangesSummary";
  /** The previous round's observations with the entity's answers (rows), shown to the next round's evaluator. */
  public static final String PREVIOUS_ANSWERS = "previousAnswers";
  public static final String SGP_REPORT_DOCUMENT = "informeSgpDocumentId";
  public static final String SGP_OFICIO_DOCUMENT = "oficioSgpDocumentId";

  public static final String SEND = "ENVIAR";
  public static final String VALIDATE = "VALIDAR";

  static final Map<String, String> TRIGGERS = Map.of(
      "ENTIDAD_NUEVA", "Creación de una entidad", "FUSION", "Fusión",
      "MAS_UNIDADES", "Incremento de unidades de organización", "MENOS_UNIDADES", "Reducción de unidades de organización",
      "REASIGNACION", "Reasignación de funciones");
  static final List<String> TYPOLOGIES =
      List.of("ALTAMENTE_CONCENTRADO", "CONCENTRADO", "CONCENTRACION_MEDIA", "DISPERSO", "MUY_DISPERSO");

  private PgoProcess() {}
}

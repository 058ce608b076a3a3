package pe.gob.pcm.platform.security;

/** The platform's role groups: Camunda group ids, with the names users read in Admin. */
public enum Role {
  MESA_PARTES("mesa-partes", "Mesa de Partes", Side.ENTITY),
  TRAMITE_DOCUMENTARIO("tramite-documentario", "Trámite Documentario", Side.ENTITY),
  TI("ti", "Tecnologías de la Información", Side.ENTITY),
  OGPP("ogpp", "Oficina de Planeamiento y Presupuesto", Side.ENTITY),
  ASESORIA_LEGAL("asesoria-legal", "Asesoría Jurídica", Side.ENTITY),
  USUARIO_MAESTRO("usuario-maestro", "Usuario máster de la entidad", Side.ENTITY),
  GERENCIA_MUNICIPAL("gerencia-municipal", "Gerencia Municipal", Side.ENTITY),
  COMISION_REGIDORES("comision-regidores", "Comisión de regidores", Side.ENTITY),
  CONCEJO_MUNICIPAL("concejo-municipal", "Concejo Municipal (Secretaría General)", Side.ENTITY),
  SGTD_MESA_AYUDA("sgtd-mesa-ayuda", "SGTD - Mesa de Ayuda", Side.PCM),
  SGP_EVALUADOR("sgp-evaluador", "SGP - Evaluador", Side.PCM),
  SGP_SUPERVISOR("sgp-supervisor", "SGP - Supervisor de evaluaciones", Side.PCM),
  GERENCIA("gerencia", "Gerencia (PCM)", Side.PCM),
  SGTD_ADMINISTRADOR("sgtd-administrador", "SGTD - Administración de entidades", Side.PCM),
  SOLICITANTE("solicitante", "Solicitante de incorporación (sin entidad)", Side.REQUESTER);

  /**
   * Entity-side groups see their own entity; PCM-side groups serve every hosted entity; the
   * requester group holds self-registered accounts of officers whose entity is not hosted yet.
   */
  public enum Side { ENTITY, PCM, REQUESTER }

  /**
   * The tenant of the Colabora requests of entities not hosted yet (docs/incorporacion.md): its
   * members are the requesters and the PCM-side groups; no entity user sees its instances.
   */
  public static final String REQUESTER_TENANT = "solicitudes";

  public static final String ADMIN_GROUP = "camunda-admin";

  private final String groupId;
  private final String displayName;
  private final Side side;

  Role(String groupId, String displayName, Side side) {
    this.groupId = groupId;
    this.displayName = displayName;
    this.side = side;
  }

  public String groupId() {
    return groupId;
  }

  public String displayName() {
    return displayName;
  }

  public Side side() {
    return side;
  }
}

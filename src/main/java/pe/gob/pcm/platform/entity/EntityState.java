package pe.gob.pcm.platform.entity;

/** Where an entity stands on the platform (stored by name in {@code hosted_entity.state}). */
public enum EntityState {
  /** Asked to join through Colabora; no tenant, no users, receives nothing yet. */
  SOLICITANTE,
  /** Hosted: a tenant with users; receives documents and runs procedures. */
  ACTIVA,
  /** Hosted but stopped by the SGTD: its users cannot log in and deliveries to it are refused. */
  SUSPENDIDA
}

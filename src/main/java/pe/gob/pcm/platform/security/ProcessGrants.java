package pe.gob.pcm.platform.security;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What a procedure's feature contributes to the {@link AccessPolicy}: which role groups may start
 * its process and which PCM-side groups see its instances. A bean per feature; the policy applies
 * them all at every start, and granting again what is granted changes nothing.
 */
public interface ProcessGrants {

  /** Grants one role permissions on one resource (a Camunda grant, merged with an existing one). */
  @FunctionalInterface
  interface Grants {
    void grant(Role role, Resources resource, String resourceId, Permission... permissions);

    /** The role may start the process (the tenant check keeps it to its own entity). */
    default void mayStart(Role role, String processKey) {
      grant(role, Resources.PROCESS_DEFINITION, processKey, Permissions.CREATE_INSTANCE);
    }

    /** The role sees the process's instances and history (of every entity, for PCM-side roles). */
    default void maySee(Role role, String processKey) {
      grant(role, Resources.PROCESS_DEFINITION, processKey,
          Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
    }
  }

  void grant(Grants grants);
}

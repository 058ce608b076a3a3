package pe.gob.pcm.platform.entity;

import java.util.function.Predicate;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Camunda's database identity, with one rule added: a user who belongs to a suspended entity
 * (a direct tenant membership) cannot log in. Every login goes through {@code checkPassword}:
 * the webapps' login form, HTTP Basic on the engine REST API and on the platform's own API.
 */
public class EntityAwareIdentityProvider extends DbIdentityServiceProvider {

  private final Predicate<String> suspended;

  EntityAwareIdentityProvider(Predicate<String> suspended) {
    this.suspended = suspended;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    if (!super.checkPassword(userId, password)) {
      return false;
    }
    return createTenantQuery().userMember(userId).list().stream().map(Tenant::getId).noneMatch(suspended);
  }

  /** The session factory the engine opens this provider with ({@code suspended}: by RUC). */
  public static SessionFactory factory(Predicate<String> suspended) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return EntityAwareIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new EntityAwareIdentityProvider(suspended);
      }
    };
  }
}

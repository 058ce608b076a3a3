package pe.gob.pcm.platform.security;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;

/**
 * Directory login (profile {@code ldap}, docs/configuration.md): Camunda's LDAP identity plugin
 * with the platform's tenants kept in the database. People, their passwords and their groups come
 * from the directory and are read-only here ({@link DirectoryIdentityProvider}); the entities
 * (tenants) and who belongs to each stay in the engine's tables, written through
 * {@link DirectoryTenantWriter}, because the LDAP plugin has no tenants (its tenant query always
 * answers none, and with it alone an entity's users would see nothing of their entity).
 *
 * <p>Its LDAP settings are those of {@link org.camunda.bpm.identity.impl.ldap.LdapConfiguration},
 * bound from {@code platform.ldap.*}.
 */
public class DirectoryIdentityPlugin extends LdapIdentityProviderPlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    super.preInit(configuration);
    // the plugin's own factory replaced by one whose sessions also read tenants from the database
    configuration.setIdentityProviderSessionFactory(new Factory(ReadOnlyIdentityProvider.class) {
      @Override
      public Session openSession() {
        return new DirectoryIdentityProvider(DirectoryIdentityPlugin.this);
      }
    });
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // after the engine registered its session factories: tenant writes go to the database, user
    // and group writes are refused (the directory is the only source of people)
    configuration.getSessionFactories().put(WritableIdentityProvider.class,
        new Factory(WritableIdentityProvider.class) {
          @Override
          public Session openSession() {
            return new DirectoryTenantWriter();
          }
        });
  }

  private abstract static class Factory implements SessionFactory {
    private final Class<?> type;

    Factory(Class<?> type) {
      this.type = type;
    }

    @Override
    public Class<?> getSessionType() {
      return type;
    }
  }
}

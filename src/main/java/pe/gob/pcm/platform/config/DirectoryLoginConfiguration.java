package pe.gob.pcm.platform.config;

import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import pe.gob.pcm.platform.security.DirectoryIdentityPlugin;

/**
 * Profile {@code ldap}: people log in with their directory account (application-ldap.yml,
 * docs/configuration.md «Inicio de sesión con directorio (LDAP)»). The starter picks up both
 * engine plugins as beans.
 */
@Configuration(proxyBeanMethods = false)
@Profile("ldap")
public class DirectoryLoginConfiguration {

  /** Camunda's LDAP settings (LdapConfiguration's properties) from {@code platform.ldap.*}. */
  @Bean
  @ConfigurationProperties(prefix = "platform.ldap")
  public DirectoryIdentityPlugin directoryIdentityPlugin() {
    return new DirectoryIdentityPlugin();
  }

  /**
   * Without a local administrator account, the members of this directory group get every
   * permission (the starter's admin user grants them only to the account it creates).
   */
  @Bean
  public AdministratorAuthorizationPlugin directoryAdministrators(
      @Value("${platform.ldap.admin-group}") String adminGroup) {
    AdministratorAuthorizationPlugin plugin = new AdministratorAuthorizationPlugin();
    plugin.setAdministratorGroupName(adminGroup);
    return plugin;
  }
}

package pe.gob.pcm.platform.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Outside the demo profile there is no default administrator password: the platform refuses to
 * start until one is given, rather than starting with a guessable account. Runs after the
 * configuration files are loaded (it has the lowest precedence among post-processors). With
 * directory login (profile ldap) there is no local administrator account to protect: the
 * directory's administrator group has that role.
 */
public class AdminPasswordCheck implements EnvironmentPostProcessor {

  static final String MESSAGE =
      "Falta la contraseña del administrador: defina la variable de entorno"
          + " PLATFORM_ADMIN_PASSWORD (o la propiedad platform.admin.password)."
          + " Solo el perfil 'demo' trae un administrador demo/demo.";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    String[] active = env.getActiveProfiles();
    String[] effective = active.length > 0 ? active : env.getDefaultProfiles();
    if (Arrays.asList(effective).contains("demo") || Arrays.asList(effective).contains("ldap")) {
      return;
    }
    if (!StringUtils.hasText(env.getProperty("platform.admin.password"))) {
      throw new IllegalStateException(MESSAGE);
    }
  }
}

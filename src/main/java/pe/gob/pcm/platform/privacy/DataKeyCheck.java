package pe.gob.pcm.platform.privacy;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Outside the demo profile the platform refuses to start without its own data keys, and refuses
 * the demo key (published in the documentation, so it protects nothing).
 */
public class DataKeyCheck implements EnvironmentPostProcessor {

  /** The demo key, public on purpose (docs/datos-personales.md). Never use it in production. */
  public static final String DEMO_KEY = "demo:ZGVtby1jbGF2ZS1wdWJsaWNhLW5vLXVzYXItZW4tcHI=";

  static final String MISSING =
      "Faltan las claves de cifrado de datos personales: defina PLATFORM_DATA_KEYS (p. ej."
          + " k1:<32 bytes en Base64>) y PLATFORM_DATA_KEY_CURRENT. Vea docs/datos-personales.md.";
  static final String DEMO_KEY_OUTSIDE_DEMO =
      "La clave de demostración de datos personales es pública: fuera del perfil 'demo' defina"
          + " sus propias claves en PLATFORM_DATA_KEYS.";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    String[] active = env.getActiveProfiles();
    String[] effective = active.length > 0 ? active : env.getDefaultProfiles();
    if (Arrays.asList(effective).contains("demo")) {
      return;
    }
    String keys = env.getProperty("platform.privacy.keys");
    if (!StringUtils.hasText(keys)) {
      throw new IllegalStateException(MISSING);
    }
    String material = DEMO_KEY.substring(DEMO_KEY.indexOf(':') + 1);
    if (keys.contains(material)) {
      throw new IllegalStateException(DEMO_KEY_OUTSIDE_DEMO);
    }
  }
}

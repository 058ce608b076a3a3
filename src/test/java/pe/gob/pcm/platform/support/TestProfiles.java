package pe.gob.pcm.platform.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The same suite runs on H2 and on PostgreSQL: {@code -Dplatform.test.db=postgres} (set by
 * {@code .ci/run}) adds the postgres profile, which reads PLATFORM_DB_URL / _USER / _PASSWORD.
 */
public class TestProfiles implements ActiveProfilesResolver {

  public static boolean onPostgres() {
    return "postgres".equalsIgnoreCase(System.getProperty("platform.test.db", "h2"));
  }

  @Override
  public String[] resolve(Class<?> testClass) {
    return onPostgres() ? new String[] {"demo", "test", "postgres"} : new String[] {"demo", "test"};
  }
}

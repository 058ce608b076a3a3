package pe.gob.pcm.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The database a {@link PlatformNode} runs on, fresh for each test. On PostgreSQL
 * ({@code -Dplatform.test.db=postgres}) a database of its own next to the suite's one
 * (PLATFORM_DB_URL's name + "_" + name), dropped and created again: nodes with their job
 * executor on must not see the suite's jobs. On H2, the platform's own H2 file under a data
 * directory in target/, which the test can only open while no node holds it.
 */
public final class NodeDatabase {

  private final String url;
  private final String user;
  private final String password;
  private final Path h2DataDir;
  private final String name;

  private NodeDatabase(String name, String url, String user, String password, Path h2DataDir) {
    this.name = name;
    this.url = url;
    this.user = user;
    this.password = password;
    this.h2DataDir = h2DataDir;
  }

  public static NodeDatabase fresh(String name) {
    if (!TestProfiles.onPostgres()) {
      Path dir = Path.of("target", "faults", name, "h2").toAbsolutePath();
      deleteTree(dir);
      return new NodeDatabase(name, "jdbc:h2:file:" + dir + "/plataforma", "sa", "", dir);
    }
    String suiteUrl = env("PLATFORM_DB_URL", "jdbc:postgresql://127.0.0.1:5432/plataforma");
    String user = env("PLATFORM_DB_USER", "postgres");
    String password = env("PLATFORM_DB_PASSWORD", "");
    int slash = suiteUrl.lastIndexOf('/');
    int query = suiteUrl.indexOf('?', slash);
    String server = suiteUrl.substring(0, slash + 1);
    String database = suiteUrl.substring(slash + 1, query < 0 ? suiteUrl.length() : query) + "_" + name.replace('-', '_');
    try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      sql.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("No se pudo crear la base " + database, e);
    }
    return new NodeDatabase(database, server + database, user, password, null);
  }

  public boolean postgres() {
    return h2DataDir == null;
  }

  /** PostgreSQL: the database's name (for pg_stat_activity); H2: the test's name. */
  public String name() {
    return name;
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** H2 only: the node's platform.data-dir, where the platform keeps its H2 file. */
  public Path h2DataDir() {
    return h2DataDir;
  }

  /** Runs queries on one connection (H2: only while no node is running on the file). */
  public <T> T query(Function<JdbcTemplate, T> work) {
    SingleConnectionDataSource source = new SingleConnectionDataSource(url, user, password, true);
    try {
      return work.apply(new JdbcTemplate(source));
    } finally {
      source.destroy();
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

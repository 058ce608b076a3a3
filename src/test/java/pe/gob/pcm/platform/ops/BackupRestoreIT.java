package pe.gob.pcm.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import pe.gob.pcm.platform.colabora.ColaboraFixture;
import pe.gob.pcm.platform.colabora.ColaboraProcess;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TestProfiles;

/**
 * docker/scripts/backup.sh and restore.sh against the suite's real PostgreSQL database: back up
 * while the platform runs, restore into a database that held other data (wiped by the restore),
 * and find every table, every document (bytes and hash) and the running process intact — read by a
 * second Camunda engine started on the restored database.
 */
@PlatformTest
class BackupRestoreIT {

  private static final Path SCRIPTS = Path.of("docker/scripts").toAbsolutePath();
  /** Camunda's metric logs may be flushed by the engine at any time: not part of a process's state. */
  private static final List<String> VOLATILE = List.of("act_ru_meter_log", "act_ru_task_meter_log");

  @Autowired ColaboraFixture colabora;
  @Value("${spring.datasource.url}") String url;
  @Value("${spring.datasource.username}") String user;
  @Value("${spring.datasource.password:}") String password;

  @Test
  void aBackupRestoredOverAWipedDatabaseHoldsEveryDocumentAndProcess() throws Exception {
    Assumptions.assumeTrue(TestProfiles.onPostgres(), "pg_dump/pg_restore: solo con PostgreSQL");

    ProcessInstance pi = colabora.startEligible();
    colabora.review(pi, ColaboraProcess.APPROVE, null);
    List<String> openTasks = colabora.tasksAt(pi, "Task_SubmitA1").stream().map(Task::getId).toList();
    assertThat(openTasks).isNotEmpty();

    Path dir = Files.createDirectories(Path.of("target/respaldos"));
    String dump = run(Map.of("PLATFORM_DB_URL", url), SCRIPTS.resolve("backup.sh").toString(), dir.toString()).strip();
    String lastLine = dump.substring(dump.lastIndexOf('\n') + 1);
    Path backup = Path.of(lastLine);
    assertThat(backup).exists();
    assertThat(Path.of(lastLine + ".sha256")).exists();

    String restoredDb = database(url) + "_restaurada";
    String restoredUrl = url.replace("/" + database(url), "/" + restoredDb);
    // The target holds unrelated data before the restore: the restore must wipe it.
    admin("DROP DATABASE IF EXISTS " + restoredDb, "CREATE DATABASE " + restoredDb);
    try (Connection c = connect(restoredUrl)) {
      c.createStatement().execute("CREATE TABLE basura (x int)");
    }

    String refused = runExpectingFailure(Map.of("PLATFORM_DB_URL", restoredUrl),
        SCRIPTS.resolve("restore.sh").toString(), backup.toString());
    assertThat(refused).contains("--confirmar");

    run(Map.of("PLATFORM_DB_URL", restoredUrl), SCRIPTS.resolve("restore.sh").toString(),
        backup.toString(), "--confirmar");

    try (Connection source = connect(url); Connection restored = connect(restoredUrl)) {
      Map<String, Long> sourceCounts = tableCounts(source);
      Map<String, Long> restoredCounts = tableCounts(restored);
      assertThat(restoredCounts).doesNotContainKey("basura");
      assertThat(restoredCounts).isEqualTo(sourceCounts);
      assertThat(sourceCounts.get("document")).isPositive();
      assertThat(sourceCounts.get("act_ru_task")).isPositive();

      Map<String, String> sourceDocs = documentHashes(source);
      Map<String, String> restoredDocs = documentHashes(restored);
      assertThat(restoredDocs).isEqualTo(sourceDocs);
    }

    ProcessEngine engine = engineOn(restoredUrl);
    try {
      ProcessInstance found = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(pi.getId()).singleResult();
      assertThat(found).isNotNull();
      assertThat(engine.getRuntimeService().getVariable(pi.getId(), ColaboraProcess.ENTITY_NAME))
          .isEqualTo("Municipalidad Distrital de Ejemplo (demostración)");
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list())
          .extracting(Task::getId).containsExactlyInAnyOrderElementsOf(openTasks);
      String a3 = (String) engine.getRuntimeService().getVariable(pi.getId(), ColaboraProcess.A3_DOCUMENT);
      try (Connection restored = connect(restoredUrl)) {
        assertThat(documentHashes(restored)).containsKey(a3);
      }
    } finally {
      engine.close();
      admin("DROP DATABASE IF EXISTS " + restoredDb + " WITH (FORCE)");
    }
  }

  /** Every table in the public schema with its row count. */
  private static Map<String, Long> tableCounts(Connection c) throws SQLException {
    List<String> tables = new java.util.ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
      while (rs.next()) {
        tables.add(rs.getString(1).toLowerCase());
      }
    }
    Map<String, Long> counts = new TreeMap<>();
    for (String table : tables) {
      if (VOLATILE.contains(table)) {
        continue;
      }
      try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
        rs.next();
        counts.put(table, rs.getLong(1));
      }
    }
    return counts;
  }

  /** Document id → SHA-256 recomputed from the stored bytes, checked against the stored hash. */
  private static Map<String, String> documentHashes(Connection c) throws Exception {
    Map<String, String> hashes = new TreeMap<>();
    try (ResultSet rs = c.createStatement().executeQuery("SELECT id, sha256, content FROM document")) {
      while (rs.next()) {
        String computed = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rs.getBytes(3)));
        assertThat(computed).as("hash del documento %s", rs.getString(1)).isEqualTo(rs.getString(2).trim());
        hashes.put(rs.getString(1), computed);
      }
    }
    return hashes;
  }

  private ProcessEngine engineOn(String jdbcUrl) {
    var config = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
    config.setProcessEngineName("respaldo-restaurado")
        .setJdbcUrl(jdbcUrl)
        .setJdbcUsername(user)
        .setJdbcPassword(password)
        .setJdbcDriver("org.postgresql.Driver")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
        .setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setDbMetricsReporterActivate(false);
    config.setMetricsEnabled(false);
    return config.buildProcessEngine();
  }

  private Connection connect(String jdbcUrl) throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  private void admin(String... statements) throws SQLException {
    try (Connection c = connect(url.replace("/" + database(url), "/postgres"))) {
      for (String sql : statements) {
        c.createStatement().execute(sql);
      }
    }
  }

  private static String database(String jdbcUrl) {
    String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
    String db = rest.substring(rest.indexOf('/') + 1);
    int q = db.indexOf('?');
    return q < 0 ? db : db.substring(0, q);
  }

  private String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
    Result result = exec(env, command);
    assertThat(result.exit()).as("%s\n%s", String.join(" ", command), result.output()).isZero();
    return result.stdout();
  }

  private String runExpectingFailure(Map<String, String> env, String... command) throws IOException, InterruptedException {
    Result result = exec(env, command);
    assertThat(result.exit()).as(result.output()).isNotZero();
    return result.output();
  }

  private record Result(int exit, String stdout, String output) {}

  private Result exec(Map<String, String> env, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.environment().put("PLATFORM_DB_USER", user);
    builder.environment().put("PLATFORM_DB_PASSWORD", password == null ? "" : password);
    Path err = Files.createTempFile("respaldo", ".err");
    builder.redirectError(err.toFile());
    Process process = builder.start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(err);
    Files.deleteIfExists(err);
    return new Result(process.exitValue(), stdout, stdout + stderr);
  }
}

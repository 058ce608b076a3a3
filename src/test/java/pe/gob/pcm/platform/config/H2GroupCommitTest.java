package pe.gob.pcm.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A commit the transaction manager has returned from is in H2's file: the database is then shut
 * down the way a power cut or a SIGKILL would leave it ({@code SHUTDOWN IMMEDIATELY}: no final
 * write) and opened again.
 */
class H2GroupCommitTest {

  static final int THREADS = 4;
  static final int COMMITS_PER_THREAD = 60;

  @TempDir Path dir;

  @Test
  void everyReturnedCommitSurvivesAnImmediateShutdown() throws Exception {
    assertThat(rowsAfterCrash(new H2GroupCommit(), "grupo")).isEqualTo(THREADS * COMMITS_PER_THREAD);
  }

  /** The same run without the group commit loses them: the test above can fail. */
  @Test
  void withoutTheGroupCommitTheSameCommitsAreLost() throws Exception {
    assertThat(rowsAfterCrash(null, "sin-grupo")).isLessThan(THREADS * COMMITS_PER_THREAD);
  }

  /** Transactions that only read do not wait for a write. */
  @Test
  void readOnlyTransactionsWriteNothing() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("lectura") + "/db;WRITE_DELAY=600000";
    try (Connection keeper = DriverManager.getConnection(url, "sa", "")) {
      execute(keeper, "CREATE TABLE t (id INT PRIMARY KEY)");
      execute(keeper, "CHECKPOINT");
      long version = storeVersion(keeper);
      DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
      TransactionTemplate transactions = new TransactionTemplate(
          new GroupCommitTransactionManager(dataSource, new H2GroupCommit()));
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      for (int i = 0; i < 20; i++) {
        transactions.executeWithoutResult(status -> jdbc.queryForObject("SELECT COUNT(*) FROM t", Integer.class));
      }
      assertThat(storeVersion(keeper)).isEqualTo(version);
      transactions.executeWithoutResult(status -> jdbc.update("INSERT INTO t VALUES (1)"));
      assertThat(storeVersion(keeper)).isGreaterThan(version);
    }
  }

  private int rowsAfterCrash(H2GroupCommit groupCommit, String name) throws Exception {
    // a background write delay far longer than the test: only the group commit writes the file
    String url = "jdbc:h2:file:" + dir.resolve(name) + "/db;WRITE_DELAY=600000";
    Connection keeper = DriverManager.getConnection(url, "sa", "");
    execute(keeper, "CREATE TABLE t (id INT PRIMARY KEY, payload VARCHAR(200))");
    execute(keeper, "CHECKPOINT");
    DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
    TransactionTemplate transactions = new TransactionTemplate(new GroupCommitTransactionManager(dataSource, groupCommit));
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> senders = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int first = t * COMMITS_PER_THREAD;
        senders.add(pool.submit(() -> {
          for (int i = first; i < first + COMMITS_PER_THREAD; i++) {
            int id = i;
            transactions.executeWithoutResult(status -> jdbc.update("INSERT INTO t VALUES (?, REPEAT('x', 150))", id));
          }
        }));
      }
      for (Future<?> sender : senders) {
        sender.get();
      }
    } finally {
      pool.shutdown();
    }
    execute(keeper, "SHUTDOWN IMMEDIATELY");
    try (Connection reopened = DriverManager.getConnection(url, "sa", "");
        Statement sql = reopened.createStatement();
        ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM t")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static long storeVersion(Connection connection) throws SQLException {
    return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession())
        .getDatabase().getStore().getMvStore().getCurrentVersion();
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

package pe.gob.pcm.platform.config;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbc.JdbcConnection;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The platform's transaction manager (Camunda's engine, MyBatis and every {@code @Transactional}
 * use it). On PostgreSQL it is Spring's {@link JdbcTransactionManager} as is. On the embedded H2
 * database a commit that changed something returns only once it is in the database file
 * ({@link H2GroupCommit}), so a document answered {@code 0000} survives a killed process.
 */
public class GroupCommitTransactionManager extends JdbcTransactionManager {

  private final H2GroupCommit groupCommit;

  /** @param groupCommit null on databases that write each commit themselves (PostgreSQL) */
  public GroupCommitTransactionManager(DataSource dataSource, H2GroupCommit groupCommit) {
    super(dataSource);
    this.groupCommit = groupCommit;
  }

  @Override
  protected void doCommit(DefaultTransactionStatus status) {
    if (groupCommit == null) {
      super.doCommit(status);
      return;
    }
    Connection connection = ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder().getConnection();
    boolean changed = changedSomething(connection);
    super.doCommit(status);
    if (changed) {
      try {
        groupCommit.awaitWritten(connection);
      } catch (SQLException e) {
        throw new TransactionSystemException("El commit no pudo escribirse en el archivo de la base H2", e);
      }
    }
  }

  private static boolean changedSomething(Connection connection) {
    try {
      return connection.unwrap(JdbcConnection.class).getSession().hasPendingTransaction();
    } catch (SQLException e) {
      return true;
    }
  }
}

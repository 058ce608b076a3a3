package pe.gob.pcm.platform.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Group commit for the embedded H2 database: a committed transaction waits until H2 has written
 * it to the database file, and one write ({@code CHECKPOINT}, which stores everything committed
 * so far) serves every transaction that committed while the previous write was running.
 *
 * <p>H2's own durable setting ({@code WRITE_DELAY=0}) makes every commit write its own chunk of
 * pages; under concurrent intake most of those writes repeat the same index pages. Here H2 keeps
 * its default delay for its background writer, and the transaction manager
 * ({@link GroupCommitTransactionManager}) calls {@link #awaitWritten} after each commit that
 * changed something, before the caller (a SOAP sender, a Tasklist user) is answered.
 */
public final class H2GroupCommit {

  private final Object lock = new Object();
  /** Tickets handed out: one per committed transaction waiting for the file. */
  private long requested;
  /** Every ticket up to this one is in the file. */
  private long written;
  private boolean writing;

  /**
   * Returns once everything committed before this call is in the database file. The first caller
   * to find no write running writes, on its own (already committed) connection, for everyone
   * who took a ticket before it started.
   */
  public void awaitWritten(Connection connection) throws SQLException {
    long ticket;
    synchronized (lock) {
      ticket = ++requested;
    }
    while (true) {
      long upTo;
      synchronized (lock) {
        while (writing && written < ticket) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrumpido mientras esperaba la escritura del commit en disco", e);
          }
        }
        if (written >= ticket) {
          return;
        }
        writing = true;
        upTo = requested;
      }
      boolean done = false;
      try (Statement statement = connection.createStatement()) {
        statement.execute("CHECKPOINT");
        done = true;
      } finally {
        synchronized (lock) {
          writing = false;
          if (done) {
            written = Math.max(written, upTo);
          }
          lock.notifyAll();
        }
      }
    }
  }
}

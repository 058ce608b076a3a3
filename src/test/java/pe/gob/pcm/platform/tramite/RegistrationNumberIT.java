package pe.gob.pcm.platform.tramite;

import pe.gob.pcm.platform.tramite.reception.RegisterReceptionDelegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * Registration numbers of Mesa de Partes: sequential per entity and year, also when the year's
 * first registrations happen at the same moment (two users, two cluster nodes), each in its own
 * transaction as Tasklist's completions are.
 */
@PlatformTest
class RegistrationNumberIT {

  /** An entity that exists only in this test, so that its counters start empty. */
  static final String RUC = "20999999990";
  static final int ROUNDS = 15;

  @Autowired RegisterReceptionDelegate registration;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void removeCounters() {
    jdbc.update("DELETE FROM registro_correlativo WHERE entity_ruc = ?", RUC);
  }

  @Test
  void firstRegistrationsOfTheYearAtTheSameMomentEachGetTheirNumber() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        int year = 1900 + round; // a year with no counter yet: every round races on its creation
        CyclicBarrier together = new CyclicBarrier(3);
        List<Future<Integer>> numbers = new ArrayList<>();
        for (int desk = 0; desk < 3; desk++) {
          numbers.add(pool.submit(() -> {
            together.await(10, TimeUnit.SECONDS);
            return transaction.execute(status -> registration.takeNumber(RUC, year));
          }));
        }
        List<Integer> taken = new ArrayList<>();
        for (Future<Integer> number : numbers) {
          taken.add(number.get(30, TimeUnit.SECONDS)); // a refused registration fails here
        }
        assertThat(taken).as("números del año " + year).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(jdbc.queryForObject("SELECT ultimo FROM registro_correlativo WHERE entity_ruc = ? AND anio = ?",
            Integer.class, RUC, year)).isEqualTo(3);
      }
      // and the next one, alone, continues the sequence
      Integer next = transaction.execute(status -> registration.takeNumber(RUC, 1900));
      assertThat(next).isEqualTo(4);
    } finally {
      pool.shutdownNow();
    }
  }
}

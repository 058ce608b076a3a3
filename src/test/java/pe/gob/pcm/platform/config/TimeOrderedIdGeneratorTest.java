package pe.gob.pcm.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TimeOrderedIdGeneratorTest {

  @Test
  void idsAreUuidsThatSortByTheMillisecondTheyWereMadeInAndNeverRepeat() throws Exception {
    TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator();
    ConcurrentLinkedQueue<String> all = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> makers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        makers.add(pool.submit(() -> {
          String previous = "";
          for (int i = 0; i < 20_000; i++) {
            String id = generator.getNextId();
            // the first 48 bits (12 hex digits) are the millisecond: never go back
            String millisecond = id.substring(0, 13);
            assertThat(millisecond).isGreaterThanOrEqualTo(previous);
            previous = millisecond;
            all.add(id);
          }
        }));
      }
      for (Future<?> maker : makers) {
        maker.get();
      }
    } finally {
      pool.shutdown();
    }
    Set<String> distinct = new HashSet<>(all);
    assertThat(distinct).hasSize(80_000);
    String any = all.peek();
    assertThat(any).hasSize(36);
    assertThat(UUID.fromString(any).version()).isEqualTo(7);
  }

  @Test
  void anIdMadeLaterSortsAfter() throws Exception {
    TimeOrderedIdGenerator first = new TimeOrderedIdGenerator();
    String earlier = first.getNextId();
    Thread.sleep(5);
    // another generator (another node of a cluster) a little later
    assertThat(new TimeOrderedIdGenerator().getNextId()).isGreaterThan(earlier);
  }
}

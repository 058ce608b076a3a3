package pe.gob.pcm.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void medianOfAnOddAndAnEvenNumberOfValues() {
    assertThat(Percentiles.median(List.of(1L, 2L, 3L, 4L, 10L))).isEqualTo(3L);
    assertThat(Percentiles.median(List.of(10L, 20L, 30L, 40L, 50L, 100L))).isEqualTo(35L);
    assertThat(Percentiles.median(List.of(2L, 4L))).isEqualTo(3L);
    assertThat(Percentiles.median(List.of(7L))).isEqualTo(7L);
    assertThat(Percentiles.median(List.of())).isNull();
  }

  @Test
  void p90ByNearestRank() {
    assertThat(Percentiles.nearestRank(List.of(1L, 2L, 3L, 4L, 10L), 90)).isEqualTo(10L);
    List<Long> hundred = java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();
    assertThat(Percentiles.nearestRank(hundred, 90)).isEqualTo(90L);
    List<Long> ten = java.util.stream.LongStream.rangeClosed(1, 10).boxed().toList();
    assertThat(Percentiles.nearestRank(ten, 90)).isEqualTo(9L);
    assertThat(Percentiles.nearestRank(List.of(5L), 90)).isEqualTo(5L);
    assertThat(Percentiles.nearestRank(List.of(), 90)).isNull();
  }
}

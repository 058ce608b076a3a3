package pe.gob.pcm.platform.metrics;

import java.util.List;

/** The two summaries of a set of durations shown to managers. */
final class Percentiles {

  private Percentiles() {}

  /** The median: the middle value, or the mean of the two middle values; null when empty. */
  static Long median(List<Long> sorted) {
    int n = sorted.size();
    if (n == 0) {
      return null;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /**
   * The p-th percentile by nearest rank: the smallest value with at least p% of the values at or
   * below it (the value at position ceil(p/100 · n)); null when empty.
   */
  static Long nearestRank(List<Long> sorted, int p) {
    int n = sorted.size();
    if (n == 0) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * n);
    return sorted.get(Math.max(rank, 1) - 1);
  }
}

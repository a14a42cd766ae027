package org.stdsearch.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Latencies and statuses of one kind of request, thread-safe; percentiles by nearest rank. */
final class Latencies {
  private final List<Long> micros = new ArrayList<>();
  private final Map<String, Integer> statuses = new TreeMap<>();

  synchronized void add(long nanos, String status) {
    micros.add(nanos / 1000);
    statuses.merge(status, 1, Integer::sum);
  }

  /** Counts an outcome without a latency (a refused or failed request). */
  synchronized void count(String status) {
    statuses.merge(status, 1, Integer::sum);
  }

  synchronized int size() {
    return micros.size();
  }

  synchronized int count(String status, boolean prefix) {
    int n = 0;
    for (var e : statuses.entrySet()) {
      if (prefix ? e.getKey().startsWith(status) : e.getKey().equals(status)) {
        n += e.getValue();
      }
    }
    return n;
  }

  /** The p-th percentile in milliseconds (p in 0..100), or NaN with no sample. */
  synchronized double percentile(double p) {
    if (micros.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1000.0;
  }

  synchronized String summary() {
    return String.format(Locale.ROOT, "n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms statuses=%s",
        micros.size(), percentile(50), percentile(90), percentile(99), percentile(100), statuses);
  }
}

package org.stdsearch.search.opensearch;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.stdsearch.opensearch.Cluster;

/**
 * Answers read from one index, by key, kept for as long as that index stays as it was: {@link
 * #checkGeneration} (run in the background every few seconds) compares the index's searchable state
 * with the one the answers were read in and forgets them all when it changed, so a change shows
 * within one check and a repeated question costs no request in between. LRU-bounded.
 *
 * @param <V> the answer
 */
final class IndexAnswers<V> {
  private static final int MAX_ENTRIES = 20_000;
  private final Function<Cluster, String> index;
  private final Map<String, V> entries = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
      return size() > MAX_ENTRIES;
    }
  };
  /** The index's state the entries were read in, or null when unknown. */
  private Generation generation;
  /** Bumped at every forgetting, so an answer read before it is not kept after it. */
  private long epoch;

  /** @param index the index the answers come from, in a cluster's layout */
  IndexAnswers(Function<Cluster, String> index) {
    this.index = index;
  }

  synchronized V get(String key) {
    return entries.get(key);
  }

  /** The epoch to hand to {@link #put} for answers read from now on. */
  synchronized long epoch() {
    return epoch;
  }

  /** Keeps an answer read since {@code epochAtStart}, unless the entries were forgotten meanwhile. */
  synchronized void put(String key, V answer, long epochAtStart) {
    if (epochAtStart == epoch) {
      entries.put(key, answer);
    }
  }

  synchronized void clear() {
    entries.clear();
    generation = null;
    epoch++;
  }

  synchronized boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * Reads the index's state and forgets every answer when it is not the state they were read in;
   * with nothing remembered it asks nothing (an idle server sends no requests).
   */
  void checkGeneration(Cluster cluster) throws IOException {
    if (isEmpty()) {
      synchronized (this) {
        generation = null;
      }
      return;
    }
    Generation now;
    try {
      now = Generation.of(cluster, index.apply(cluster));
    } catch (IOException | RuntimeException e) {
      clear();
      throw e;
    }
    synchronized (this) {
      if (!now.equals(generation)) {
        entries.clear();
        epoch++;
        generation = now;
      }
    }
  }

  /**
   * An index's searchable state: its documents' count, and the sum and largest of their sequence
   * numbers. Adding, replacing or deleting a document changes it: a replaced document gets a
   * sequence number larger than any before it in its shard, a deleted one lowers the count.
   */
  record Generation(long count, double sumSeqNo, double maxSeqNo) {
    static Generation of(Cluster cluster, String index) throws IOException {
      SearchResponse<Void> r = cluster.client().search(s -> s.index(index).size(0)
          .trackTotalHits(t -> t.enabled(true))
          .aggregations("sum", a -> a.sum(m -> m.field("_seq_no")))
          .aggregations("max", a -> a.max(m -> m.field("_seq_no"))), Void.class);
      Double sum = r.aggregations().get("sum").sum().value();
      Double max = r.aggregations().get("max").max().value();
      return new Generation(r.hits().total().value(), sum == null ? 0 : sum, max == null ? -1 : max);
    }
  }
}

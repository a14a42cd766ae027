package org.stdsearch.search.lucene;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;

/**
 * Searches the segments of one request on several threads when the machine has cores to spare:
 * fewer searches running than cores. Under load every core already serves a request of its own,
 * and splitting would only add hand-offs, so then a search runs on its caller's thread alone.
 * Lucene's own slicing groups small indexes into one slice (250,000 documents per slice), so the
 * segments are dealt into one slice per core here, largest first, by document count.
 */
final class SpareCores {
  private final int cores;
  private final ExecutorService threads;
  private final AtomicInteger running = new AtomicInteger();

  SpareCores(int cores) {
    this.cores = cores;
    this.threads = cores < 2 ? null : Executors.newFixedThreadPool(cores, r -> {
      Thread t = new Thread(r, "search-slice");
      t.setDaemon(true);
      return t;
    });
  }

  /** Marks a search as running until the returned handle is closed. */
  Running start() {
    running.incrementAndGet();
    return running::decrementAndGet;
  }

  /** A searcher of {@code reader} for a search started with {@link #start}: sliced when cores are spare. */
  IndexSearcher searcher(IndexReader reader) {
    if (threads == null || running.get() >= cores || reader.leaves().size() < 2) {
      return new IndexSearcher(reader);
    }
    return new IndexSearcher(reader, threads) {
      @Override
      protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        return dealt(leaves, cores);
      }
    };
  }

  /** The leaves dealt into {@code n} slices of about equal document count. */
  static IndexSearcher.LeafSlice[] dealt(List<LeafReaderContext> leaves, int n) {
    List<List<LeafReaderContext>> bins = new ArrayList<>();
    long[] docs = new long[Math.min(n, leaves.size())];
    for (int i = 0; i < docs.length; i++) {
      bins.add(new ArrayList<>());
    }
    List<LeafReaderContext> sorted = new ArrayList<>(leaves);
    sorted.sort(Comparator.comparingInt((LeafReaderContext l) -> l.reader().maxDoc()).reversed());
    for (LeafReaderContext leaf : sorted) {
      int least = 0;
      for (int i = 1; i < docs.length; i++) {
        if (docs[i] < docs[least]) {
          least = i;
        }
      }
      bins.get(least).add(leaf);
      docs[least] += leaf.reader().maxDoc();
    }
    return bins.stream()
        .map(bin -> new IndexSearcher.LeafSlice(
            bin.stream().map(IndexSearcher.LeafReaderContextPartition::createForEntireSegment).toList()))
        .toArray(IndexSearcher.LeafSlice[]::new);
  }

  /** A running search; closing it ends it. */
  @FunctionalInterface
  interface Running extends AutoCloseable {
    @Override
    void close();
  }
}

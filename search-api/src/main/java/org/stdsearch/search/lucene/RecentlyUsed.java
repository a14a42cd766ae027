package org.stdsearch.search.lucene;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers of a costly look-up, the most recently used kept up to a number of entries, for
 * concurrent searches. The look-up runs outside the lock: two searches asking for the same key at
 * once may both compute it, and the answers must not depend on which one is kept.
 */
final class RecentlyUsed<K, V> {
  /** A look-up that may read the index. */
  @FunctionalInterface
  interface Lookup<K, V> {
    V of(K key) throws IOException;
  }

  private final Map<K, V> entries;

  RecentlyUsed(int capacity) {
    this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The answer for {@code key}: remembered, or looked up and remembered. */
  V get(K key, Lookup<K, V> lookup) throws IOException {
    synchronized (entries) {
      V known = entries.get(key);
      if (known != null) {
        return known;
      }
    }
    V found = lookup.of(key);
    synchronized (entries) {
      entries.put(key, found);
    }
    return found;
  }
}

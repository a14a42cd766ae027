package org.stdsearch.search.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers of a costly look-up, the most recently used kept up to a number of entries, for
 * concurrent searches. The look-up runs outside the lock: two searches asking for the same key at
 * once may both compute it, and the answers must not depend on which one is kept.
 */
public final class RecentlyUsed<K, V> {
  /** A look-up, which may fail as reading an index does ({@code E}). */
  @FunctionalInterface
  public interface Lookup<K, V, E extends Exception> {
    V of(K key) throws E;
  }

  private final Map<K, V> entries;

  public RecentlyUsed(int capacity) {
    this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The answer for {@code key}: remembered, or looked up and remembered. */
  public <E extends Exception> V get(K key, Lookup<K, V, E> lookup) throws E {
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

package org.stdsearch.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;
import org.stdsearch.index.Schema;

/**
 * Each segment's facet values per document in flat arrays, for counting a facet over a search's
 * hits: a hit's values are two array reads instead of a doc-values lookup, the decoding of its
 * ordinals and their mapping to the ordinals of the whole index, which were most of a facet's
 * cost. A segment never changes its documents' values (doc-values updates aside, which are not
 * cached), so the arrays are built once per segment and field, by the first count, and dropped
 * when the segment closes. A segment's arrays cost four bytes per document and per value.
 */
final class FacetValues {
  /**
   * The values of one field in one segment: document {@code d} has {@code labels[ords[i]]} for
   * each {@code i} from {@code starts[d]} to {@code starts[d+1]} (exclusive).
   */
  record Segment(int[] starts, int[] ords, String[] labels) {}

  private record Key(IndexReader.CacheKey segment, String field) {}

  private final Map<Key, Segment> segments = new ConcurrentHashMap<>();
  /** Segments whose closing drops their arrays. */
  private final Set<IndexReader.CacheKey> watched = ConcurrentHashMap.newKeySet();

  /**
   * Matching documents per value of {@code field} (a keyword field, or {@link Schema#YEAR}),
   * values without a match left out.
   */
  Map<String, Long> count(String field, FacetsCollector hits) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      if (md.totalHits() == 0 || md.bits() == null) {
        continue;
      }
      Segment values = of(md.context(), field);
      if (values.labels().length == 0) {
        continue;
      }
      int[] counts = new int[values.labels().length];
      int[] starts = values.starts();
      int[] ords = values.ords();
      DocIdSetIterator it = md.bits().iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) {
          counts[ords[i]]++;
        }
      }
      for (int ord = 0; ord < counts.length; ord++) {
        if (counts[ord] > 0) {
          out.merge(values.labels()[ord], (long) counts[ord], Long::sum);
        }
      }
    }
    return out;
  }

  /** How many segment-and-field arrays are held. */
  int held() {
    return segments.size();
  }

  /** The values of {@code field} in the segment of {@code leaf}, built on first use. */
  Segment of(LeafReaderContext leaf, String field) {
    IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
    if (core == null || !DocValues.isCacheable(leaf, field)) {
      return read(leaf.reader(), field);
    }
    if (watched.add(core.getKey())) {
      core.addClosedListener(closed -> {
        segments.keySet().removeIf(k -> k.segment() == closed);
        watched.remove(closed);
      });
    }
    return segments.computeIfAbsent(new Key(core.getKey(), field), key -> read(leaf.reader(), field));
  }

  private static Segment read(LeafReader reader, String field) {
    try {
      return field.equals(Schema.YEAR) ? readNumbers(reader, field) : readKeywords(reader, field);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Segment readKeywords(LeafReader reader, String field) throws IOException {
    SortedSetDocValues dv = DocValues.getSortedSet(reader, field);
    String[] labels = new String[Math.toIntExact(dv.getValueCount())];
    for (int ord = 0; ord < labels.length; ord++) {
      labels[ord] = dv.lookupOrd(ord).utf8ToString();
    }
    Flat flat = flatten(dv, dv::docValueCount, dv::nextOrd, reader.maxDoc());
    int[] ords = new int[flat.values().length];
    for (int i = 0; i < ords.length; i++) {
      ords[i] = (int) flat.values()[i];
    }
    return new Segment(flat.starts(), ords, labels);
  }

  /** A numeric field's distinct values become its labels, in ascending order. */
  private static Segment readNumbers(LeafReader reader, String field) throws IOException {
    SortedNumericDocValues dv = DocValues.getSortedNumeric(reader, field);
    Flat flat = flatten(dv, dv::docValueCount, dv::nextValue, reader.maxDoc());
    long[] distinct = Arrays.stream(flat.values()).distinct().sorted().toArray();
    String[] labels = new String[distinct.length];
    for (int i = 0; i < distinct.length; i++) {
      labels[i] = Long.toString(distinct[i]);
    }
    int[] ords = new int[flat.values().length];
    for (int i = 0; i < ords.length; i++) {
      ords[i] = Arrays.binarySearch(distinct, flat.values()[i]);
    }
    return new Segment(flat.starts(), ords, labels);
  }

  /** Each document's values in document order, document {@code d}'s from {@code starts[d]} on. */
  private record Flat(int[] starts, long[] values) {}

  @FunctionalInterface
  private interface NextValue {
    long next() throws IOException;
  }

  private static Flat flatten(DocIdSetIterator docs, IntSupplier valueCount, NextValue next, int maxDoc)
      throws IOException {
    int[] starts = new int[maxDoc + 1];
    long[] values = new long[0];
    int n = 0;
    int filled = 0; // starts are set for the documents before this one
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      for (; filled <= doc; filled++) {
        starts[filled] = n;
      }
      int count = valueCount.getAsInt();
      values = ArrayUtil.grow(values, n + count);
      for (int i = 0; i < count; i++) {
        values[n++] = next.next();
      }
    }
    for (; filled <= maxDoc; filled++) {
      starts[filled] = n;
    }
    return new Flat(starts, ArrayUtil.copyOfSubArray(values, 0, n));
  }
}

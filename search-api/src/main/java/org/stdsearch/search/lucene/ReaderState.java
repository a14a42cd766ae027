package org.stdsearch.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.stdsearch.index.Schema;

/**
 * What a search needs about one index reader beyond its postings, computed once per reader (a
 * refresh makes a new one): the facet ordinals, which standards are withdrawn or superseded, and
 * implementation days for "upcoming". Status depends on other documents (a newer edition, a
 * standard that replaces this one), so it cannot be indexed with the document itself.
 */
final class ReaderState {
  static final String CURRENT = "current";
  static final String UPCOMING = "upcoming";
  static final String SUPERSEDED = "superseded";
  static final String WITHDRAWN = "withdrawn";
  static final List<String> STATUSES = List.of(CURRENT, UPCOMING, SUPERSEDED, WITHDRAWN);

  private static final int NO_DATE = Integer.MIN_VALUE;

  final IndexReader reader;
  /** Per keyword field, its values' ordinals across segments: built on a facet's first count. */
  private final Map<String, Optional<StringDocValuesReaderState>> keywordValues = new ConcurrentHashMap<>();
  /** Counts over the whole index (the field tree, extraction statuses), per facet: the reader does not change. */
  private final Map<String, Map<String, Long>> allCounts = new ConcurrentHashMap<>();
  /** Live {@code kind=standard} documents, by top-level doc id. */
  final FixedBitSet standards;
  final FixedBitSet withdrawn;
  final FixedBitSet superseded;
  /** The index has {@link Schema#CONTENT_PAIRS} (schema 5 on), so phrases can use it. */
  final boolean tokenPairs;
  private final int[] implementedDay;
  /** The zh⇄en glossary of this reader's term entries. */
  final Glossary glossary;
  /** Terms-dictionary entries of recently searched terms. */
  final TermLookups termLookups;

  private ReaderState(IndexReader reader, FixedBitSet standards, FixedBitSet withdrawn, FixedBitSet superseded,
      int[] implementedDay) {
    this.reader = reader;
    this.standards = standards;
    this.withdrawn = withdrawn;
    this.superseded = superseded;
    this.implementedDay = implementedDay;
    this.tokenPairs = Schema.hasContentPairs(reader);
    this.glossary = Glossary.in(reader);
    this.termLookups = new TermLookups(reader);
  }

  /** One standard's edition data, gathered in the first pass. */
  private record Edition(int doc, List<String> keys, String undatedKey, Integer year, List<String> replaces) {}

  static ReaderState build(IndexReader reader) throws IOException {
    int maxDoc = reader.maxDoc();
    FixedBitSet standards = new FixedBitSet(Math.max(1, maxDoc));
    FixedBitSet withdrawn = new FixedBitSet(Math.max(1, maxDoc));
    FixedBitSet superseded = new FixedBitSet(Math.max(1, maxDoc));
    int[] implemented = new int[maxDoc];
    java.util.Arrays.fill(implemented, NO_DATE);
    List<Edition> editions = new ArrayList<>();

    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      PostingsEnum kind = r.postings(new Term(Schema.KIND, Schema.KIND_STANDARD));
      if (kind == null) {
        continue;
      }
      Bits live = r.getLiveDocs();
      SortedSetDocValues declared = DocValues.getSortedSet(r, Schema.DECLARED_STATUS);
      long withdrawnOrd = declared.lookupTerm(new BytesRef(WITHDRAWN));
      long supersededOrd = declared.lookupTerm(new BytesRef(SUPERSEDED));
      SortedSetDocValues keys = DocValues.getSortedSet(r, Schema.IDENTIFIER_KEY);
      SortedSetDocValues undated = DocValues.getSortedSet(r, Schema.UNDATED_KEY);
      SortedSetDocValues replaces = DocValues.getSortedSet(r, Schema.REPLACES);
      String[] keyNames = Schema.valuesByOrd(keys);
      String[] undatedNames = Schema.valuesByOrd(undated);
      String[] replacedNames = Schema.valuesByOrd(replaces);
      SortedNumericDocValues years = DocValues.getSortedNumeric(r, Schema.YEAR);
      SortedNumericDocValues days = DocValues.getSortedNumeric(r, Schema.IMPLEMENTED);
      for (int d = kind.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = kind.nextDoc()) {
        if (live != null && !live.get(d)) {
          continue;
        }
        int top = leaf.docBase + d;
        standards.set(top);
        if (hasOrd(declared, d, withdrawnOrd)) {
          withdrawn.set(top);
        } else if (hasOrd(declared, d, supersededOrd)) {
          superseded.set(top);
        }
        if (days.advanceExact(d)) {
          implemented[top] = (int) days.nextValue();
        }
        List<String> undatedValues = values(undated, undatedNames, d);
        Integer year = years.advanceExact(d) ? (int) years.nextValue() : null;
        editions.add(new Edition(top, values(keys, keyNames, d), undatedValues.isEmpty() ? null : undatedValues.get(0),
            year, values(replaces, replacedNames, d)));
      }
    }
    markReplaced(editions, superseded);
    return new ReaderState(reader, standards, withdrawn, superseded, implemented);
  }

  /**
   * The ordinals of keyword {@code field} across this reader's segments, or null when no document
   * has the field. Built once per reader and field, by the first search that counts it.
   */
  StringDocValuesReaderState keywordValues(String field) {
    return keywordValues.computeIfAbsent(field, f -> {
      boolean present = reader.leaves().stream()
          .anyMatch(leaf -> leaf.reader().getFieldInfos().fieldInfo(f) != null);
      try {
        return present ? Optional.of(new StringDocValuesReaderState(reader, f)) : Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).orElse(null);
  }

  /** Counts of {@code facet} over every live document, computed once per reader. */
  Map<String, Long> countAll(String facet) {
    return allCounts.computeIfAbsent(facet, f -> {
      try {
        return FacetCounts.countAll(this, f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Superseded: another standard replaces one of its keys, or a newer edition exists. */
  private static void markReplaced(List<Edition> editions, FixedBitSet superseded) {
    Map<String, List<Edition>> replacers = new HashMap<>();
    Map<String, Integer> newestYear = new HashMap<>();
    for (Edition e : editions) {
      for (String key : e.replaces()) {
        replacers.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
      }
      if (e.undatedKey() != null && e.year() != null) {
        newestYear.merge(e.undatedKey(), e.year(), Math::max);
      }
    }
    for (Edition e : editions) {
      if (e.undatedKey() != null && e.year() != null && newestYear.get(e.undatedKey()) > e.year()) {
        superseded.set(e.doc());
        continue;
      }
      Set<String> own = null; // built only for the few editions that something replaces
      for (String key : e.keys()) {
        for (Edition by : replacers.getOrDefault(key, List.of())) {
          if (own == null) {
            own = new HashSet<>(e.keys());
          }
          // An edition saying it replaces "the undated standard" must not supersede itself.
          boolean self = by.doc() == e.doc() || own.containsAll(by.keys());
          boolean older = by.year() != null && e.year() != null && by.year() < e.year();
          if (!self && !older) {
            superseded.set(e.doc());
          }
        }
      }
    }
  }

  private static List<String> values(SortedSetDocValues dv, String[] names, int doc) throws IOException {
    if (!dv.advanceExact(doc)) {
      return List.of();
    }
    int count = dv.docValueCount();
    if (count == 1) {
      return List.of(names[(int) dv.nextOrd()]);
    }
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(names[(int) dv.nextOrd()]);
    }
    return out;
  }

  private static boolean hasOrd(SortedSetDocValues dv, int doc, long ord) throws IOException {
    if (ord < 0 || !dv.advanceExact(doc)) {
      return false;
    }
    for (int i = 0; i < dv.docValueCount(); i++) {
      if (dv.nextOrd() == ord) {
        return true;
      }
    }
    return false;
  }

  /** Status of a standard (top-level doc id) on {@code today} (epoch day). */
  String status(int doc, long today) {
    if (withdrawn.get(doc)) {
      return WITHDRAWN;
    }
    if (superseded.get(doc)) {
      return SUPERSEDED;
    }
    if (implementedDay[doc] != NO_DATE && implementedDay[doc] > today) {
      return UPCOMING;
    }
    return CURRENT;
  }

  /** Outranked by its current edition: superseded or withdrawn. */
  boolean demoted(int doc) {
    return withdrawn.get(doc) || superseded.get(doc);
  }

  /** The standards whose status on {@code today} is one of {@code statuses}. */
  FixedBitSet withStatus(Set<String> statuses, long today) {
    FixedBitSet out = new FixedBitSet(standards.length());
    for (int d = standards.nextSetBit(0); d != DocIdSetIterator.NO_MORE_DOCS;
        d = d + 1 < standards.length() ? standards.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
      if (statuses.contains(status(d, today))) {
        out.set(d);
      }
    }
    return out;
  }

  /** Counts per status over {@code docs} (top-level ids), in {@link #STATUSES} order. */
  Map<String, Long> countStatuses(DocIdSetIterator docs, long today) throws IOException {
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    STATUSES.forEach(s -> counts.put(s, 0L));
    for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
      if (standards.get(d)) {
        counts.merge(status(d, today), 1L, Long::sum);
      }
    }
    return counts;
  }
}

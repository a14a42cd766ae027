package org.stdsearch.search.lucene;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.stdsearch.index.Schema;

/**
 * Counts of one facet over a set of matching documents, read from that facet's own doc values:
 * the keyword fields' sorted sets (Lucene's {@link StringValueFacetCounts}) and the year's
 * numbers. A search counts only the facets it was asked for; one doc-values field holding every
 * dimension (Lucene's {@code SortedSetDocValuesFacetField}) made each search decode about twenty
 * ordinals per matching document to count one facet of four (docs/benchmarks.md).
 */
final class FacetCounts {
  private FacetCounts() {}

  /** The index field a facet is counted on, or null for the year (numbers) and status (computed). */
  static String fieldOf(String facet) {
    return switch (facet) {
      case "field" -> Schema.FIELD_ID; // every ancestor is a value too: the tree's counts as they are
      case "year", "status" -> null;
      default -> facet; // family, type, ics, lang, level: the keyword field of that name
    };
  }

  /** Count per value of {@code facet} over {@code hits} (all live documents when null), values with no match left out. */
  static Map<String, Long> count(ReaderState state, String facet, FacetsCollector hits) throws IOException {
    if (facet.equals("year")) {
      return years(hits);
    }
    StringDocValuesReaderState values = state.keywordValues(fieldOf(facet));
    if (values == null) {
      return Map.of(); // no document has the field yet
    }
    FacetResult result = hits == null ? new StringValueFacetCounts(values).getAllChildren(fieldOf(facet))
        : new StringValueFacetCounts(values, hits).getAllChildren(fieldOf(facet));
    Map<String, Long> out = new LinkedHashMap<>();
    if (result != null) {
      for (LabelAndValue lv : result.labelValues) {
        out.put(lv.label, lv.value.longValue());
      }
    }
    return out;
  }

  /** Years below this are counted in an array (every year of a standard); any other in a map. */
  private static final int YEAR_ARRAY = 4096;

  /** Matching documents per year (as text, the facet's labels). */
  private static Map<String, Long> years(FacetsCollector hits) throws IOException {
    if (hits == null) {
      return Map.of(); // not asked for over the whole index
    }
    long[] counts = new long[YEAR_ARRAY];
    Map<Long, Long> others = new TreeMap<>();
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      if (md.totalHits() == 0 || md.bits() == null) {
        continue;
      }
      SortedNumericDocValues years = DocValues.getSortedNumeric(md.context().reader(), Schema.YEAR);
      DocIdSetIterator it = md.bits().iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (years.advanceExact(doc)) {
          long year = years.nextValue(); // one year per standard
          if (year >= 0 && year < YEAR_ARRAY) {
            counts[(int) year]++;
          } else {
            others.merge(year, 1L, Long::sum);
          }
        }
      }
    }
    Map<String, Long> out = new LinkedHashMap<>();
    for (int year = 0; year < YEAR_ARRAY; year++) {
      if (counts[year] > 0) {
        out.put(Integer.toString(year), counts[year]);
      }
    }
    others.forEach((year, n) -> out.put(Long.toString(year), n));
    return out;
  }
}

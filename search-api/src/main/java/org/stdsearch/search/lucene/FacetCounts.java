package org.stdsearch.search.lucene;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.stdsearch.index.Schema;

/**
 * Counts of one facet, read from that facet's own doc values: the keyword fields' sorted sets and
 * the year's numbers. A search counts only the facets it was asked for, over its hits, from
 * {@link FacetValues}; one doc-values field holding every dimension (Lucene's {@code
 * SortedSetDocValuesFacetField}) made each search decode about twenty ordinals per matching
 * document to count one facet of four (docs/benchmarks.md).
 */
final class FacetCounts {
  private FacetCounts() {}

  /** The index field a facet is counted on, or null for status (computed, not indexed). */
  static String fieldOf(String facet) {
    return switch (facet) {
      case "field" -> Schema.FIELD_ID; // every ancestor is a value too: the tree's counts as they are
      case "year" -> Schema.YEAR;
      case "status" -> null;
      default -> facet; // family, type, ics, lang, level: the keyword field of that name
    };
  }

  /** Count per value of {@code facet} over {@code hits}, values with no match left out. */
  static Map<String, Long> count(FacetValues values, String facet, FacetsCollector hits) throws IOException {
    return values.count(fieldOf(facet), hits);
  }

  /** Count per value of keyword {@code facet} over all live documents, values with no match left out. */
  static Map<String, Long> countAll(ReaderState state, String facet) throws IOException {
    StringDocValuesReaderState values = facet.equals("year") ? null : state.keywordValues(fieldOf(facet));
    if (values == null) {
      return Map.of(); // no document has the field yet (years are not counted over the whole index)
    }
    FacetResult result = new StringValueFacetCounts(values).getAllChildren(fieldOf(facet));
    Map<String, Long> out = new LinkedHashMap<>();
    if (result != null) {
      for (LabelAndValue lv : result.labelValues) {
        out.put(lv.label, lv.value.longValue());
      }
    }
    return out;
  }
}

package org.stdsearch.search.lucene;

import static org.stdsearch.search.SearchRequest.included;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.stdsearch.index.Schema;
import org.stdsearch.search.SearchRequest;

/**
 * The facet filters of a request, one query per facet it filters on (field, year, family, type,
 * lang), keyed by the facet's name; excluded values ({@code -value}) are not facet filters. A facet whose own filter is set and whose counts are asked for
 * is counted without that filter (drill-sideways); every other filter just narrows the hits.
 */
final class FacetFilters {
  private final Map<String, Query> byFacet;

  private FacetFilters(Map<String, Query> byFacet) {
    this.byFacet = byFacet;
  }

  static FacetFilters of(SearchRequest r) {
    Map<String, Query> out = new LinkedHashMap<>();
    if (!included(r.fields()).isEmpty()) {
      out.put("field", anyOf(Schema.FIELD_ID, included(r.fields())));
    }
    Query years = years(r);
    if (years != null) {
      out.put("year", years);
    }
    if (!included(r.families()).isEmpty()) {
      out.put("family", anyOf(Schema.FAMILY, included(r.families())));
    }
    if (!included(r.types()).isEmpty()) {
      out.put("type", anyOf(Schema.TYPE, included(r.types())));
    }
    if (!included(r.langs()).isEmpty()) {
      out.put("lang", anyOf(Schema.LANG, included(r.langs())));
    }
    return new FacetFilters(out);
  }

  /** The facets among {@code requested} that carry a filter of their own, in filter order. */
  List<String> sideways(Collection<String> requested) {
    return byFacet.keySet().stream().filter(requested::contains).toList();
  }

  Query filter(String facet) {
    return byFacet.get(facet);
  }

  /** {@code base} with every filter except those of {@code except} as a filter clause. */
  Query restrict(Query base, Collection<String> except) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(base, Occur.MUST);
    byFacet.forEach((facet, filter) -> {
      if (!except.contains(facet)) {
        b.add(filter, Occur.FILTER);
      }
    });
    return b.build();
  }

  private static Query years(SearchRequest r) {
    if (r.years().isEmpty() && r.yearFrom() == null && r.yearTo() == null) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (!r.years().isEmpty()) {
      b.add(IntField.newSetQuery(Schema.YEAR, r.years().stream().mapToInt(Integer::intValue).toArray()),
          Occur.FILTER);
    }
    if (r.yearFrom() != null || r.yearTo() != null) {
      int from = r.yearFrom() == null ? Integer.MIN_VALUE : r.yearFrom();
      int to = r.yearTo() == null ? Integer.MAX_VALUE : r.yearTo();
      b.add(IntField.newRangeQuery(Schema.YEAR, from, to), Occur.FILTER);
    }
    return b.build();
  }

  private static Query anyOf(String field, List<String> values) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    new LinkedHashSet<>(values).forEach(v -> b.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
    return b.build();
  }
}

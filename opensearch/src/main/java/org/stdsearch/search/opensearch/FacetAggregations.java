package org.stdsearch.search.opensearch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.LongTermsBucket;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.stdsearch.search.SearchResponse;

/**
 * The facets of one search as aggregations: each a {@code filter} aggregation (every filter of the
 * request but its own dimension's) around the counts, so facets are disjunctive; and the answer
 * turned back into the API's facet values, in the embedded backend's order.
 */
final class FacetAggregations {
  /** More values than any facet has: every value is counted, as the embedded facets do. */
  private static final int ALL_VALUES = 10_000;
  /** The name of the counts inside each facet's filter aggregation. */
  static final String COUNTS = "v";

  private final List<String> facets;
  private final Filters filters;
  private final LocalDate today;

  FacetAggregations(List<String> facets, Filters filters, LocalDate today) {
    this.facets = facets;
    this.filters = filters;
    this.today = today;
  }

  /** The filter dimension a facet is counted without; null for facets no filter narrows (ics, level). */
  private static String dimension(String facet) {
    return switch (facet) {
      case "field" -> Filters.FIELD;
      case "year" -> Filters.YEAR;
      case "status" -> Filters.STATUS;
      case "family" -> Filters.FAMILY;
      case "type" -> Filters.TYPE;
      case "lang" -> Filters.LANG;
      default -> null;
    };
  }

  private static String indexField(String facet) {
    return facet.equals("field") ? "field_id" : facet;
  }

  Map<String, Aggregation> aggregations() {
    Map<String, Aggregation> out = new LinkedHashMap<>();
    for (String facet : facets) {
      Query filter = filters.except(dimension(facet)).orElse(Query.of(q -> q.matchAll(m -> m)));
      Aggregation counts;
      if (facet.equals("status")) {
        Map<String, Query> byStatus = Statuses.all(today);
        counts = Aggregation.of(a -> a.filters(f -> f.filters(k -> k.keyed(byStatus))));
      } else {
        counts = Aggregation.of(a -> a.terms(t -> t.field(indexField(facet)).size(ALL_VALUES)));
      }
      out.put(facet, Aggregation.of(a -> a.filter(filter).aggregations(COUNTS, counts)));
    }
    return out;
  }

  /** The API's facet values from the answer's counts ({@link SearchAnswer#facets()}). */
  Map<String, List<SearchResponse.FacetValue>> values(Map<String, Map<String, Long>> answer, FieldLabels labels,
      String lang) {
    Map<String, List<SearchResponse.FacetValue>> out = new LinkedHashMap<>();
    for (String facet : facets) {
      Map<String, Long> counts = answer.getOrDefault(facet, Map.of());
      List<SearchResponse.FacetValue> values = switch (facet) {
        case "field" -> labels.tree(counts, lang, false);
        case "status" -> statusValues(counts);
        case "year" -> {
          List<SearchResponse.FacetValue> years = flat(counts);
          years.sort(Comparator.comparingInt((SearchResponse.FacetValue v) -> parseYear(v.value())).reversed());
          yield years;
        }
        default -> {
          List<SearchResponse.FacetValue> flat = flat(counts);
          flat.sort(Comparator.comparingLong(SearchResponse.FacetValue::count).reversed()
              .thenComparing(SearchResponse.FacetValue::value));
          yield flat;
        }
      };
      out.put(facet, values);
    }
    return out;
  }

  /** Value → count of a terms aggregation over keywords or numbers. */
  static Map<String, Long> termCounts(Aggregate counts) {
    Map<String, Long> out = new HashMap<>();
    if (counts.isSterms()) {
      for (StringTermsBucket b : counts.sterms().buckets().array()) {
        out.put(b.key(), b.docCount());
      }
    } else if (counts.isLterms()) {
      for (LongTermsBucket b : counts.lterms().buckets().array()) {
        out.put(b.key().isSigned() ? String.valueOf(b.key().signed()) : b.key().unsigned(), b.docCount());
      }
    }
    return out;
  }

  private static List<SearchResponse.FacetValue> flat(Map<String, Long> counts) {
    List<SearchResponse.FacetValue> out = new ArrayList<>();
    counts.forEach((value, count) -> {
      if (count > 0) {
        out.add(new SearchResponse.FacetValue(value, null, count, null));
      }
    });
    return out;
  }

  /** Status counts by count, ties in status order (current, upcoming, superseded, withdrawn). */
  private static List<SearchResponse.FacetValue> statusValues(Map<String, Long> counts) {
    List<SearchResponse.FacetValue> out = new ArrayList<>();
    for (String s : Statuses.ALL) {
      long count = counts.getOrDefault(s, 0L);
      if (count > 0) {
        out.add(new SearchResponse.FacetValue(s, null, count, null));
      }
    }
    out.sort(Comparator.comparingLong(SearchResponse.FacetValue::count).reversed());
    return out;
  }

  private static int parseYear(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return Integer.MIN_VALUE;
    }
  }
}

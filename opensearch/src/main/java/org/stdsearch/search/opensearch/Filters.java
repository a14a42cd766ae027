package org.stdsearch.search.opensearch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.stdsearch.search.SearchRequest;

/**
 * The request's filters, one per facet dimension (OR within a dimension, AND across): all of them
 * filter the hits, and each facet is counted under all but its own.
 */
final class Filters {
  static final String FIELD = "field";
  static final String YEAR = "year";
  static final String STATUS = "status";
  static final String FAMILY = "family";
  static final String TYPE = "type";
  static final String LANG = "lang";

  private final Map<String, Query> byDimension;

  private Filters(Map<String, Query> byDimension) {
    this.byDimension = byDimension;
  }

  /**
   * @param statuses the statuses included (validated)
   */
  static Filters of(SearchRequest r, Set<String> statuses, LocalDate today) {
    Map<String, Query> m = new LinkedHashMap<>();
    List<String> fields = SearchRequest.included(r.fields());
    if (!fields.isEmpty()) {
      // field_id holds each field's ancestors too: a parent includes its children
      m.put(FIELD, QueryText.terms("field_id", new LinkedHashSet<>(fields)));
    }
    years(r).ifPresent(q -> m.put(YEAR, q));
    if (!statuses.isEmpty()) {
      List<Query> any = statuses.stream().map(s -> Statuses.is(s, today)).toList();
      m.put(STATUS, Query.of(b -> b.bool(bool -> bool.should(any).minimumShouldMatch("1"))));
    }
    putAny(m, FAMILY, "family", SearchRequest.included(r.families()));
    putAny(m, TYPE, "type", SearchRequest.included(r.types()));
    putAny(m, LANG, "lang", SearchRequest.included(r.langs()));
    return new Filters(m);
  }

  private static void putAny(Map<String, Query> m, String dimension, String field, List<String> values) {
    if (!values.isEmpty()) {
      m.put(dimension, QueryText.terms(field, new LinkedHashSet<>(values)));
    }
  }

  /**
   * What the request excludes ({@code -value}), as queries that must not match. Exclusions are
   * not facet dimensions: they narrow every facet count too, so they go into the query itself.
   *
   * @param statuses the statuses excluded (validated)
   */
  static List<Query> exclusions(SearchRequest r, Set<String> statuses, LocalDate today) {
    List<Query> out = new ArrayList<>();
    statuses.forEach(s -> out.add(Statuses.is(s, today)));
    SearchRequest.excluded(r.fields()).stream().distinct().forEach(v -> out.add(QueryText.term("field_id", v)));
    SearchRequest.excluded(r.families()).stream().distinct().forEach(v -> out.add(QueryText.term("family", v)));
    SearchRequest.excluded(r.types()).stream().distinct().forEach(v -> out.add(QueryText.term("type", v)));
    SearchRequest.excluded(r.langs()).stream().distinct().forEach(v -> out.add(QueryText.term("lang", v)));
    return out;
  }

  private static Optional<Query> years(SearchRequest r) {
    List<Query> parts = new ArrayList<>();
    if (!r.years().isEmpty()) {
      List<FieldValue> years = new LinkedHashSet<>(r.years()).stream().map(y -> FieldValue.of((long) y)).toList();
      parts.add(Query.of(t -> t.terms(tq -> tq.field("year").terms(v -> v.value(years)))));
    }
    if (r.yearFrom() != null || r.yearTo() != null) {
      parts.add(Query.of(q -> q.range(rq -> {
        rq.field("year");
        if (r.yearFrom() != null) {
          rq.gte(JsonData.of(r.yearFrom()));
        }
        if (r.yearTo() != null) {
          rq.lte(JsonData.of(r.yearTo()));
        }
        return rq;
      })));
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Query.of(b -> b.bool(bool -> bool.filter(parts))));
  }

  /** Every filter, or empty when the request has none. */
  Optional<Query> all() {
    return except(null);
  }

  /** Every filter but {@code dimension}'s (null: all of them). */
  Optional<Query> except(String dimension) {
    List<Query> parts = new ArrayList<>();
    byDimension.forEach((dim, q) -> {
      if (!dim.equals(dimension)) {
        parts.add(q);
      }
    });
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Query.of(b -> b.bool(bool -> bool.filter(parts))));
  }
}

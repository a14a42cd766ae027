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

  static Filters of(SearchRequest r, Set<String> statuses, LocalDate today) {
    Map<String, Query> m = new LinkedHashMap<>();
    if (!r.fields().isEmpty()) {
      // field_id holds each field's ancestors too: a parent includes its children
      m.put(FIELD, QueryText.terms("field_id", new LinkedHashSet<>(r.fields())));
    }
    years(r).ifPresent(q -> m.put(YEAR, q));
    if (!statuses.isEmpty()) {
      List<Query> any = statuses.stream().map(s -> Statuses.is(s, today)).toList();
      m.put(STATUS, Query.of(b -> b.bool(bool -> bool.should(any).minimumShouldMatch("1"))));
    }
    if (!r.families().isEmpty()) {
      m.put(FAMILY, QueryText.terms("family", new LinkedHashSet<>(r.families())));
    }
    if (!r.types().isEmpty()) {
      m.put(TYPE, QueryText.terms("type", new LinkedHashSet<>(r.types())));
    }
    if (!r.langs().isEmpty()) {
      m.put(LANG, QueryText.terms("lang", new LinkedHashSet<>(r.langs())));
    }
    return new Filters(m);
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

package org.stdsearch.search.opensearch;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * A standard's status on a given day, as queries and from a document: withdrawn or superseded
 * when declared so, superseded when a newer edition or a replacing standard is in the index (the
 * {@code superseded} flag the indexing side keeps), upcoming before its implementation date,
 * current otherwise. "Today" is the service's clock, never the cluster's, so the day turns for
 * both backends alike.
 */
final class Statuses {
  static final String CURRENT = "current";
  static final String UPCOMING = "upcoming";
  static final String SUPERSEDED = "superseded";
  static final String WITHDRAWN = "withdrawn";
  static final List<String> ALL = List.of(CURRENT, UPCOMING, SUPERSEDED, WITHDRAWN);

  private Statuses() {}

  static Query withdrawn() {
    return QueryText.term("declared_status", WITHDRAWN);
  }

  /** Superseded by declaration or by the index (withdrawn ones included). */
  private static Query replaced() {
    return Query.of(b -> b.bool(bool -> bool.should(QueryText.term("declared_status", SUPERSEDED),
        QueryText.term("superseded", "true")).minimumShouldMatch("1")));
  }

  private static Query notYetInForce(LocalDate today) {
    return Query.of(r -> r.range(rq -> rq.field("implemented").gt(JsonData.of(today.toString()))));
  }

  /** Outranked by its current edition: withdrawn or superseded (the score is halved). */
  static Query demoted() {
    return Query.of(b -> b.bool(bool -> bool.should(withdrawn(), replaced()).minimumShouldMatch("1")));
  }

  /** The standards whose status on {@code today} is {@code status}. */
  static Query is(String status, LocalDate today) {
    return switch (status) {
      case WITHDRAWN -> withdrawn();
      case SUPERSEDED -> Query.of(b -> b.bool(bool -> bool.filter(replaced()).mustNot(withdrawn())));
      case UPCOMING -> Query.of(b -> b.bool(bool -> bool.filter(notYetInForce(today))
          .mustNot(withdrawn(), replaced())));
      case CURRENT -> Query.of(b -> b.bool(bool -> bool.mustNot(withdrawn(), replaced(), notYetInForce(today))));
      default -> throw new IllegalArgumentException(status);
    };
  }

  /** One query per status, in {@link #ALL} order (the status facet and stats). */
  static Map<String, Query> all(LocalDate today) {
    Map<String, Query> out = new LinkedHashMap<>();
    ALL.forEach(s -> out.put(s, is(s, today)));
    return out;
  }

  /** The status of a standard from its document's fields. */
  static String of(String declared, Boolean superseded, LocalDate implemented, LocalDate today) {
    if (WITHDRAWN.equals(declared)) {
      return WITHDRAWN;
    }
    if (SUPERSEDED.equals(declared) || Boolean.TRUE.equals(superseded)) {
      return SUPERSEDED;
    }
    if (implemented != null && implemented.isAfter(today)) {
      return UPCOMING;
    }
    return CURRENT;
  }

  static boolean demoted(String status) {
    return status.equals(WITHDRAWN) || status.equals(SUPERSEDED);
  }
}

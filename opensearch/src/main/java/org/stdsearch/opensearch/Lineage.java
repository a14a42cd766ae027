package org.stdsearch.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Which standards are superseded by others in the index: a newer edition (same undated key, a
 * later year) or a standard that says it replaces one of its keys. This depends on other
 * documents, so it cannot be written with the standard itself; the indexing side recomputes it
 * over all standards after its writes (a pass reads a few small doc values per standard) and
 * updates the {@code superseded} flag of those whose answer changed. The rule is the embedded
 * index's ({@code search.lucene.ReaderState}), so both backends give every standard the same status.
 */
public final class Lineage {
  private static final int PAGE = 5000;
  private static final List<String> FIELDS = List.of("id", "identifier_key", "undated_key", "year", "replaces",
      "superseded");

  private Lineage() {}

  /** One standard's edition data. */
  record Edition(String id, List<String> keys, String undatedKey, Integer year, List<String> replaces,
      boolean flagged) {}

  /** Recomputes the flags and queues an update for each standard whose flag changes; returns how many. */
  public static int update(Cluster cluster, BulkWriter writer) throws IOException {
    List<Edition> editions = read(cluster);
    Set<String> superseded = superseded(editions);
    int changed = 0;
    for (Edition e : editions) {
      boolean now = superseded.contains(e.id());
      if (now != e.flagged()) {
        writer.update(cluster.layout().standards(), e.id(), Map.of("superseded", now), null);
        changed++;
      }
    }
    return changed;
  }

  private static List<Edition> read(Cluster cluster) throws IOException {
    List<Edition> out = new ArrayList<>();
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> from = after;
      SearchResponse<Void> page = cluster.client().search(s -> {
        s.index(cluster.layout().standards()).size(PAGE).source(c -> c.fetch(false))
            .trackTotalHits(t -> t.enabled(false))
            .docvalueFields(FIELDS.stream().map(f -> org.opensearch.client.opensearch._types.query_dsl.FieldAndFormat
                .of(ff -> ff.field(f))).toList())
            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
        if (from != null) {
          s.searchAfter(from);
        }
        return s;
      }, Void.class);
      List<Hit<Void>> hits = page.hits().hits();
      for (Hit<Void> h : hits) {
        Map<String, JsonData> f = h.fields();
        List<String> undated = strings(f.get("undated_key"));
        List<String> years = strings(f.get("year"));
        List<String> flag = strings(f.get("superseded"));
        out.add(new Edition(h.id(), strings(f.get("identifier_key")), undated.isEmpty() ? null : undated.get(0),
            years.isEmpty() ? null : Integer.valueOf(years.get(0)), strings(f.get("replaces")),
            !flag.isEmpty() && Boolean.parseBoolean(flag.get(0))));
      }
      if (hits.size() < PAGE) {
        return out;
      }
      after = hits.get(hits.size() - 1).sort();
    }
  }

  private static List<String> strings(JsonData values) {
    if (values == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    values.toJson().asJsonArray().forEach(v -> out.add(switch (v.getValueType()) {
      case STRING -> ((jakarta.json.JsonString) v).getString();
      default -> v.toString();
    }));
    return out;
  }

  /** Superseded: another standard replaces one of its keys, or a newer edition exists. */
  static Set<String> superseded(List<Edition> editions) {
    Set<String> out = new HashSet<>();
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
        out.add(e.id());
        continue;
      }
      Set<String> own = null;
      for (String key : e.keys()) {
        for (Edition by : replacers.getOrDefault(key, List.of())) {
          if (own == null) {
            own = new HashSet<>(e.keys());
          }
          // An edition saying it replaces "the undated standard" must not supersede itself.
          boolean self = by.id().equals(e.id()) || own.containsAll(by.keys());
          boolean older = by.year() != null && e.year() != null && by.year() < e.year();
          if (!self && !older) {
            out.add(e.id());
          }
        }
      }
    }
    return out;
  }
}

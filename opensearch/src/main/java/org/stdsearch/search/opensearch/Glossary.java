package org.stdsearch.search.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.stdsearch.opensearch.Cluster;

/**
 * The zh⇄en glossary harvested from term entries: the other-language names of a name, for
 * cross-language query expansion. All names a query could ask about are looked up in one request
 * to the terms index, and remembered until the terms index changes ({@link IndexAnswers}), since the
 * same queries come again.
 */
@FunctionalInterface
interface Glossary {
  Glossary NONE = name -> Set.of();
  /** At most this many translations per name, those most term entries give, as in the embedded glossary. */
  int MAX_TRANSLATIONS = 4;
  /** Longest name kept in the glossary; longer ones are sentences. */
  int MAX_KEY = 64;

  Set<String> translations(String name);

  /** Looks up every name in {@code names} at once; the glossary answers for those names. */
  static Glossary fetch(Cluster cluster, Vocabulary vocabulary, Set<String> names, IndexAnswers<Set<String>> cache) throws IOException {
    Map<String, Set<String>> byKey = new HashMap<>();
    Set<String> missing = new LinkedHashSet<>();
    for (String name : names) {
      String key = vocabulary.glossaryKey(name);
      if (key.length() < 2 || key.length() > MAX_KEY) {
        byKey.put(key, Set.of());
        continue;
      }
      Set<String> known = cache.get(key);
      if (known != null) {
        byKey.put(key, known);
      } else {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      long epoch = cache.epoch();
      Map<String, Set<String>> found = lookUp(cluster, List.copyOf(missing));
      found.forEach((k, v) -> {
        byKey.put(k, v);
        cache.put(k, v, epoch);
      });
    }
    return name -> byKey.getOrDefault(vocabulary.glossaryKey(name), Set.of());
  }

  private static Map<String, Set<String>> lookUp(Cluster cluster, List<String> keys) throws IOException {
    Map<String, Aggregation> aggs = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      aggs.put("k" + i, Aggregation.of(a -> a.filter(QueryText.term("glossary_key", key))
          .aggregations("pairs", p -> p.terms(t -> t.field("term_pair").size(MAX_TRANSLATIONS)))));
    }
    SearchResponse<Void> r = cluster.client().search(s -> s.index(cluster.layout().terms()).size(0)
        .trackTotalHits(t -> t.enabled(false))
        .query(QueryText.terms("glossary_key", keys)).aggregations(aggs), Void.class);
    Map<String, Set<String>> out = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      Aggregate a = r.aggregations().get("k" + i);
      Set<String> translations = new LinkedHashSet<>();
      if (a != null) {
        List<StringTermsBucket> buckets = a.filter().aggregations().get("pairs").sterms().buckets().array();
        for (StringTermsBucket b : buckets) {
          String pair = b.key();
          int tab = pair.indexOf('\t');
          if (tab > 0) {
            translations.add(key.equals(pair.substring(0, tab)) ? pair.substring(tab + 1) : pair.substring(0, tab));
          }
        }
      }
      out.put(key, Set.copyOf(new ArrayList<>(translations)));
    }
    return out;
  }
}

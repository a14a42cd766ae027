package org.stdsearch.search.lucene;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.search.SearchRequest;

/**
 * Single-threaded cost of the search service per query kind, as the API answers by default
 * (facets {@code field,year}, 3 passages, glossary expansion): each query of the generator's
 * {@code queries.tsv} once per round, times from the last round only. Simpler to read than JMH
 * when the question is which kind of query costs what, and runnable against any jar's index.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.stdsearch.search.KindCost INDEX QUERIES.tsv [ROUNDS]</pre>
 */
public final class KindCost {
  private KindCost() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: KindCost INDEX QUERIES.tsv [ROUNDS]");
      System.exit(2);
    }
    List<String[]> rows = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
        .map(l -> l.split("\t", 2)).filter(r -> r.length == 2).toList();
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Map<String, List<Double>> byKind = new TreeMap<>();
    try (LuceneSearchService service = LuceneSearchService.open(Path.of(args[0]), Taxonomy.loadOrBundled(null))) {
      for (int round = 1; round <= rounds; round++) {
        for (String[] row : rows) {
          long start = System.nanoTime();
          service.search(SearchRequest.builder().q(row[1]).facets(List.of("field", "year")).build());
          double ms = (System.nanoTime() - start) / 1e6;
          if (round == rounds) {
            byKind.computeIfAbsent(row[0], k -> new ArrayList<>()).add(ms);
            byKind.computeIfAbsent("all", k -> new ArrayList<>()).add(ms);
          }
        }
      }
    }
    byKind.forEach((kind, times) -> {
      Collections.sort(times);
      System.out.printf(Locale.ROOT, "KIND_COST kind=%s n=%d p50=%.1f p90=%.1f mean=%.1f max=%.1f ms%n", kind,
          times.size(), times.get(times.size() / 2), times.get((int) (times.size() * 0.9)),
          times.stream().mapToDouble(Double::doubleValue).average().orElse(0), times.get(times.size() - 1));
    });
  }
}

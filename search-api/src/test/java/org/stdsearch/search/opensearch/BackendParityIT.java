package org.stdsearch.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.index.LuceneSink;
import org.stdsearch.index.opensearch.OpenSearchSink;
import org.stdsearch.opensearch.Cluster;
import org.stdsearch.opensearch.ClusterConfig;
import org.stdsearch.opensearch.node.OpenSearchNode;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse;
import org.stdsearch.search.SearchResponse.FacetValue;
import org.stdsearch.search.SearchResponse.Hit;
import org.stdsearch.search.SearchService;
import org.stdsearch.search.lucene.LuceneSearchService;

/**
 * The two backends side by side on the bundled sample corpus (49 standards in nine formats), indexed
 * once through the real pipeline into both: every query of a set derived from the corpus's ground
 * truth ({@code corpus/expected.json}) must give the same totals and the same facet counts on both;
 * identifier queries the same standards found by the identifier in the same order (hits tied on
 * score may trade places; the text matches after them are ranked as free text); free-text
 * rankings are compared by their top-10 overlap and order, within the tolerance measured here
 * (docs/opensearch.md). Writes {@code target/backend-parity.tsv}, one line per query.
 */
class BackendParityIT {
  /** Mean top-10 overlap of free-text queries must stay at or above this (measured: see docs/opensearch.md). */
  static final double MIN_MEAN_OVERLAP = 0.98;
  /** Share of text-ranked queries whose top 10 come in the same order (ties aside); measured 0.967. */
  static final double MIN_SAME_ORDER = 0.90;
  static final int K = 10;

  @TempDir static Path tmp;
  static Cluster cluster;
  static SearchService lucene;
  static SearchService opensearch;
  static JsonNode expected;

  @BeforeAll
  static void indexBoth() throws Exception {
    Path root = Path.of(System.getProperty("stdsearch.projectRoot", ".."));
    Path docs = root.resolve("corpus/standards");
    expected = new ObjectMapper().readTree(Files.readString(root.resolve("corpus/expected.json")));
    Taxonomy taxonomy = Taxonomy.loadOrBundled(null);
    cluster = Cluster.connect(ClusterConfig.of(OpenSearchNode.shared().url(), "parity-" + System.nanoTime()));
    IndexerConfig config = IndexerConfig.of(docs, tmp.resolve("index")).withWorkers(2)
        .withOcr(OcrOptions.defaults().withMode(OcrMode.OFF));
    try (TeeSink sink = new TeeSink(LuceneSink.open(config.index(), taxonomy),
            OpenSearchSink.open(cluster, taxonomy, 1, false));
        Indexer indexer = new Indexer(config, sink, taxonomy)) {
      indexer.run();
    }
    lucene = LuceneSearchService.open(config.index(), taxonomy);
    IndexerVocabulary vocabulary = new IndexerVocabulary(taxonomy);
    opensearch = OpenSearchSearchService.over(cluster, vocabulary, vocabulary);
  }

  @AfterAll
  static void close() throws Exception {
    lucene.close();
    opensearch.close();
    cluster.deleteLayout();
    cluster.close();
  }

  /** One compared query: its kind (identifier, text, filters) and the request. */
  record Case(String kind, SearchRequest request) {}

  @Test
  void bothBackendsAgree() throws Exception {
    List<Case> cases = cases();
    List<String> report = new ArrayList<>();
    report.add("kind\tq\ttotal_lucene\ttotal_opensearch\toverlap@10\tsame_order\tfacets_equal");
    List<String> disagreements = new ArrayList<>();
    double overlapSum = 0;
    int textQueries = 0;
    int sameOrder = 0;
    for (Case c : cases) {
      SearchResponse a = lucene.search(c.request());
      SearchResponse b = opensearch.search(c.request());
      boolean facetsEqual = flatten(a.facets()).equals(flatten(b.facets()));
      double overlap = overlap(a.hits(), b.hits());
      boolean order = sameOrderModuloTies(a.hits(), b.hits());
      report.add(String.join("\t", c.kind(), c.request().q(), Long.toString(a.total()), Long.toString(b.total()),
          String.format(Locale.ROOT, "%.2f", overlap), Boolean.toString(order), Boolean.toString(facetsEqual)));
      String what = c.kind() + " '" + c.request().q() + "' " + c.request();
      if (a.total() != b.total()) {
        disagreements.add("total " + a.total() + " vs " + b.total() + ": " + what);
      }
      if (!facetsEqual) {
        disagreements.add("facets " + flatten(a.facets()) + " vs " + flatten(b.facets()) + ": " + what);
      }
      if (c.kind().equals("identifier") && !sameOrderModuloTies(identified(a.hits()), identified(b.hits()))) {
        disagreements.add("order " + ids(a) + " vs " + ids(b) + ": " + what);
      }
      if (!c.kind().equals("filters")) { // an identifier query's text matches rank as free text
        overlapSum += overlap;
        textQueries++;
        sameOrder += order ? 1 : 0;
      }
    }
    Files.write(Path.of("target", "backend-parity.tsv"), report);
    double meanOverlap = overlapSum / textQueries;
    System.out.printf(Locale.ROOT, "Backend parity over %d queries (%d ranked by text): top-%d overlap %.4f,"
        + " same order %d/%d%n", cases.size(), textQueries, K, meanOverlap, sameOrder, textQueries);
    assertThat(disagreements).as("totals, facets and identifier rankings must agree").isEmpty();
    assertThat(meanOverlap).as("free-text top-10 overlap").isGreaterThanOrEqualTo(MIN_MEAN_OVERLAP);
    assertThat((double) sameOrder / textQueries).as("free-text top-10 in the same order").isGreaterThanOrEqualTo(
        MIN_SAME_ORDER);
  }

  private static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<String> facets = List.of("field", "year", "status", "family", "type", "lang", "level", "ics");
    for (JsonNode d : expected.get("documents")) {
      String identifier = d.path("identifier").asText("");
      if (!identifier.isEmpty()) {
        for (String q : List.of(identifier, identifier.replace(" ", "").toLowerCase(Locale.ROOT),
            identifier.replaceFirst("[-:]\\d{4}$", ""), "id:\"" + identifier + "\"")) {
          if (seen.add(q)) {
            out.add(new Case("identifier", SearchRequest.builder().q(q).facets(facets).build()));
          }
        }
      }
      List<String> texts = new ArrayList<>();
      texts.add(d.path("title_zh").asText(""));
      texts.add(d.path("title_en").asText(""));
      for (JsonNode t : d.path("terms")) {
        texts.add(t.path("zh").asText(""));
        texts.add(t.path("en").asText(""));
      }
      for (String q : texts) {
        if (!q.isBlank() && seen.add(q)) {
          out.add(new Case("text", SearchRequest.builder().q(q).facets(facets).build()));
        }
      }
    }
    // Filters over everything and over a text query, for the disjunctive facets.
    JsonNode first = expected.get("documents").get(0);
    String field = first.path("fields").get(0).asText();
    String family = first.path("family").asText();
    for (String q : List.of("", "信息安全", "security")) {
      out.add(new Case("filters", SearchRequest.builder().q(q).fields(List.of(field)).facets(facets).build()));
      out.add(new Case("filters", SearchRequest.builder().q(q).families(List.of(family, "GB/T")).yearFrom(2010)
          .facets(facets).build()));
      out.add(new Case("filters", SearchRequest.builder().q(q).statuses(List.of("current", "upcoming"))
          .types(List.of("recommended")).facets(facets).build()));
      out.add(new Case("filters", SearchRequest.builder().q(q).statuses(List.of("superseded")).langs(List.of("zh"))
          .years(List.of(2016, 2024)).facets(facets).build()));
      out.add(new Case("filters", SearchRequest.builder().q(q).sort(SearchRequest.Sort.NEWEST).size(50)
          .facets(facets).build()));
    }
    return out;
  }

  /** Facets as "facet/value" → count, the field tree flattened. */
  static Map<String, Long> flatten(Map<String, List<FacetValue>> facets) {
    Map<String, Long> out = new TreeMap<>();
    facets.forEach((name, values) -> {
      List<FacetValue> todo = new ArrayList<>(values);
      while (!todo.isEmpty()) {
        FacetValue v = todo.remove(0);
        out.put(name + "/" + v.value(), v.count());
        todo.addAll(v.children());
      }
    });
    return out;
  }

  static List<String> ids(SearchResponse r) {
    return r.hits().stream().map(h -> h.identifier() + "@" + String.format(Locale.ROOT, "%.3f", h.score())).toList();
  }

  /**
   * The hits an identifier query found by the identifier: scored at least its boost (halved for a
   * superseded edition); text matches score far below.
   */
  static List<Hit> identified(List<Hit> hits) {
    return hits.stream().filter(h -> h.score() >= QueryText.IDENTIFIER_BOOST * SearchExecution.DEMOTION).toList();
  }

  static double overlap(List<Hit> a, List<Hit> b) {
    int n = Math.min(K, Math.max(a.size(), b.size()));
    if (n == 0) {
      return 1;
    }
    Set<String> top = new LinkedHashSet<>();
    a.stream().limit(K).forEach(h -> top.add(h.id()));
    long common = b.stream().limit(K).filter(h -> top.contains(h.id())).count();
    return (double) common / n;
  }

  /**
   * The same hits in the same order, where hits the embedded backend scores alike (within 1e-4,
   * relative) may come in any order among themselves.
   */
  static boolean sameOrderModuloTies(List<Hit> a, List<Hit> b) {
    if (a.size() != b.size()) {
      return false;
    }
    int i = 0;
    while (i < a.size()) {
      int j = i + 1;
      while (j < a.size() && Math.abs(a.get(j).score() - a.get(i).score()) <= 1e-4 * Math.max(1, a.get(i).score())) {
        j++;
      }
      boolean lastGroup = j == a.size();
      Set<String> left = new LinkedHashSet<>();
      Set<String> right = new LinkedHashSet<>();
      for (int k = i; k < j; k++) {
        left.add(a.get(k).id());
        right.add(b.get(k).id());
      }
      // a tie group cut by the page end may hold different members of the same tie
      if (!left.equals(right) && !lastGroup) {
        return false;
      }
      i = j;
    }
    return true;
  }
}

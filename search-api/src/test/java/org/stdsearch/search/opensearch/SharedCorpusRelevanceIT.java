package org.stdsearch.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.index.LuceneSink;
import org.stdsearch.index.StandardFields;
import org.stdsearch.index.opensearch.OpenSearchSink;
import org.stdsearch.opensearch.Cluster;
import org.stdsearch.opensearch.ClusterConfig;
import org.stdsearch.opensearch.node.OpenSearchNode;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse;
import org.stdsearch.search.SearchService;
import org.stdsearch.search.lucene.LuceneSearchService;

/**
 * The relevance judgments of the shared corpus ({@code analyzer-queries.tsv}: 74 queries over the
 * text-layer Chinese standards and the English documents it lists) through the search API of each
 * backend, both indexed in one run of the real pipeline: P (of everything matched), R, MRR@10 and
 * R@10, macro-averaged, must be within 2 points of each other (issue 17). A measurement, not part of
 * the default suite: {@code -Dstdsearch.relevance=true}, and the shared corpus present. Writes
 * {@code target/relevance-parity.tsv}.
 */
class SharedCorpusRelevanceIT {
  static final double TOLERANCE = 0.02;
  static final int DEPTH = 10;
  @TempDir Path tmp;

  record Judgment(String query, Set<String> relevant) {}

  @Test
  void bothBackendsScoreTheJudgmentsAlike() throws Exception {
    assumeTrue(Boolean.getBoolean("stdsearch.relevance"), "a measurement: run with -Dstdsearch.relevance=true");
    Path corpus = Path.of(System.getProperty("stdsearch.sharedCorpus", ""));
    assumeTrue(Files.isDirectory(corpus), "shared corpus not present");
    Path root = Path.of(System.getProperty("stdsearch.projectRoot", ".."));
    List<String> extras = new ArrayList<>();
    List<Judgment> judgments = new ArrayList<>();
    for (String line : Files.readAllLines(root.resolve(
        "indexer/src/test/resources/org/stdsearch/index/analyzer-queries.tsv"), StandardCharsets.UTF_8)) {
      String[] cols = line.split("\t");
      if (cols[0].equals("#extra")) {
        extras.add(cols[1]);
      } else if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("query\t")) {
        judgments.add(new Judgment(cols[0], new LinkedHashSet<>(List.of(cols[1].split(" ")))));
      }
    }
    List<String> documents = new ArrayList<>();
    List<String> manifest = Files.readAllLines(corpus.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
    List<String> header = List.of(manifest.get(0).split("\t"));
    for (String line : manifest.subList(1, manifest.size())) {
      String[] cols = line.split("\t", -1);
      if (cols[header.indexOf("relative_path")].startsWith("cn/")
          && cols[header.indexOf("pdf_text_layer")].startsWith("text-based")) {
        documents.add(cols[header.indexOf("relative_path")]);
      }
    }
    documents.addAll(extras);
    Path docs = tmp.resolve("docs");
    Map<String, String> pathById = new HashMap<>();
    for (String rel : documents) {
      Files.createDirectories(docs.resolve(rel).getParent());
      Files.copy(corpus.resolve(rel), docs.resolve(rel));
      pathById.put(StandardFields.id(rel), rel);
    }

    Taxonomy taxonomy = Taxonomy.loadOrBundled(null);
    try (Cluster cluster = Cluster.connect(ClusterConfig.of(OpenSearchNode.shared().url(), "relevance-" + System.nanoTime()))) {
      IndexerConfig config = IndexerConfig.of(docs, tmp.resolve("index")).withWorkers(2)
          .withOcr(OcrOptions.defaults().withMode(OcrMode.OFF));
      try (TeeSink sink = new TeeSink(LuceneSink.open(config.index(), taxonomy),
              OpenSearchSink.open(cluster, taxonomy, 1, false));
          Indexer indexer = new Indexer(config, sink, taxonomy)) {
        indexer.run();
      }
      IndexerVocabulary vocabulary = new IndexerVocabulary(taxonomy);
      try (SearchService lucene = LuceneSearchService.open(config.index(), taxonomy);
          SearchService opensearch = OpenSearchSearchService.over(cluster, vocabulary, vocabulary)) {
        double[] a = measure(lucene, judgments, pathById);
        double[] b = measure(opensearch, judgments, pathById);
        List<String> report = new ArrayList<>(List.of("metric\tembedded\topensearch\tdifference"));
        String[] names = {"P", "R", "MRR@10", "R@10"};
        for (int i = 0; i < names.length; i++) {
          report.add(String.format(Locale.ROOT, "%s\t%.4f\t%.4f\t%+.4f", names[i], a[i], b[i], b[i] - a[i]));
        }
        Files.write(Path.of("target", "relevance-parity.tsv"), report);
        System.out.printf("Shared-corpus relevance over %d queries and %d documents:%n%s%n", judgments.size(),
            documents.size(), String.join("\n", report));
        for (int i = 0; i < names.length; i++) {
          assertThat(Math.abs(b[i] - a[i])).as(names[i]).isLessThanOrEqualTo(TOLERANCE);
        }
      } finally {
        cluster.deleteLayout();
      }
    }
  }

  /** P, R, MRR@10 and R@10 of the judgments, as the analyzer comparison computes them. */
  private static double[] measure(SearchService service, List<Judgment> judgments, Map<String, String> pathById) {
    double[] sums = new double[4];
    for (Judgment j : judgments) {
      List<String> ranked = new ArrayList<>();
      String cursor = null;
      do {
        SearchResponse r = service.search(SearchRequest.builder().q(j.query()).size(100).cursor(cursor)
            .facets(List.of()).snippets(0).build());
        r.hits().forEach(h -> ranked.add(pathById.get(h.id())));
        cursor = r.nextCursor();
      } while (cursor != null);
      long hits = ranked.stream().filter(j.relevant()::contains).count();
      long atDepth = ranked.stream().limit(DEPTH).filter(j.relevant()::contains).count();
      double reciprocal = 0;
      for (int i = 0; i < Math.min(DEPTH, ranked.size()); i++) {
        if (j.relevant().contains(ranked.get(i))) {
          reciprocal = 1.0 / (i + 1);
          break;
        }
      }
      sums[0] += ranked.isEmpty() ? 0 : (double) hits / ranked.size();
      sums[1] += (double) hits / j.relevant().size();
      sums[2] += reciprocal;
      sums[3] += (double) atDepth / j.relevant().size();
    }
    for (int i = 0; i < sums.length; i++) {
      sums[i] /= judgments.size();
    }
    return sums;
  }
}

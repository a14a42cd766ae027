package org.stdsearch.search.opensearch;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.opensearch.Cluster;
import org.stdsearch.opensearch.ClusterConfig;
import org.stdsearch.search.SearchRequest;

/**
 * Writes, for each query of a peer {@code queries.tsv} ({@code q TAB year_from TAB year_to}), the
 * request our OpenSearch backend sends for it ({@code GET /api/v1/search?q=..&year_from=..&year_to=..
 * &facets=field&snippets=0}) as a wrk line {@code POST TAB /INDEX/_search TAB JSON}, and the same
 * query as our API's request line: so OpenSearch is queried directly with exactly the searches our
 * API makes, and the two are compared on the same node (bench/opensearch.sh).
 *
 * <pre>java -cp ... org.stdsearch.search.opensearch.DirectRequests URL INDEX queries.tsv OUT_DIR</pre>
 */
public final class DirectRequests {
  private DirectRequests() {}

  public static void main(String[] args) throws Exception {
    ClusterConfig config = ClusterConfig.of(args[0], args[1]);
    Path queries = Path.of(args[2]);
    Path out = Files.createDirectories(Path.of(args[3]));
    IndexerVocabulary vocabulary = new IndexerVocabulary(Taxonomy.loadOrBundled(null));
    try (Cluster cluster = Cluster.connect(config);
        BufferedWriter direct = Files.newBufferedWriter(out.resolve("direct.req"), StandardCharsets.UTF_8);
        BufferedWriter api = Files.newBufferedWriter(out.resolve("api.req"), StandardCharsets.UTF_8);
        BufferedWriter apiSnippets = Files.newBufferedWriter(out.resolve("api-snippets.req"), StandardCharsets.UTF_8)) {
      ServiceContext ctx = new ServiceContext(cluster, vocabulary, QueryText.forStandards(vocabulary),
          new FieldLabels(vocabulary), Clock.systemDefaultZone());
      int n = 0;
      for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t", -1);
        if (f.length < 3 || f[0].isBlank()) {
          continue;
        }
        SearchRequest request = SearchRequest.builder().q(f[0]).yearFrom(Integer.valueOf(f[1]))
            .yearTo(Integer.valueOf(f[2])).facets(List.of("field")).size(10).snippets(0).build();
        var body = new SearchExecution(ctx, request, org.stdsearch.search.SearchBudget.standard()).prepare().body().build();
        direct.write("POST\t/" + config.index() + "/_search\t" + body.toJsonString() + "\n");
        String path = "/api/v1/search?q=" + java.net.URLEncoder.encode(f[0], StandardCharsets.UTF_8)
            + "&year_from=" + f[1] + "&year_to=" + f[2] + "&facets=field&size=10";
        api.write("GET\t" + path + "&snippets=0\n");
        apiSnippets.write("GET\t" + path + "\n");
        n++;
      }
      System.out.println("DIRECT_REQUESTS " + n);
    }
  }
}

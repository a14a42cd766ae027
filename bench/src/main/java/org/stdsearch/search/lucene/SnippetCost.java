package org.stdsearch.search.lucene;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.stdsearch.index.Schema;

/**
 * What highlighting a page of hits costs on one index against another, in one JVM, alternating:
 * the CPU time of the searching thread for the three passages of each of the top 10 hits of each
 * query (the same {@code Snippets} code, so only the index's layout differs: offsets in the postings
 * or from positions, stored text in one compression mode or the other). Thread CPU time, not wall
 * time, so other processes on a shared machine blur it less.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.stdsearch.search.lucene.SnippetCost INDEX_A INDEX_B QUERIES.tsv [ROUNDS=6] [QUERIES=300]</pre>
 *
 * QUERIES.tsv: the query in the first column (the peers' {@code queries.tsv} or the generator's
 * {@code kind<TAB>q}: the last column when there are two).
 */
public final class SnippetCost {
  private SnippetCost() {}

  record Side(String name, IndexSearcher searcher, List<Query> queries, List<int[]> hits) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: SnippetCost INDEX_A INDEX_B QUERIES.tsv [ROUNDS=6] [QUERIES=300]");
      System.exit(2);
    }
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 6;
    int max = args.length > 4 ? Integer.parseInt(args[4]) : 300;
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)) {
      String[] cols = line.split("\t");
      String q = cols.length == 2 ? cols[1] : cols[0];
      if (!q.isBlank() && texts.size() < max) {
        texts.add(q);
      }
    }
    List<Side> sides = List.of(open(args[0], texts), open(args[1], texts));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[][] perPage = new double[2][rounds];
    for (int r = -1; r < rounds; r++) { // round -1 warms up
      for (int i = 0; i < 2; i++) {
        Side side = sides.get(r % 2 == 0 ? i : 1 - i); // alternate which goes first
        long t0 = cpu.getCurrentThreadCpuTime();
        int pages = 0;
        for (int q = 0; q < side.queries().size(); q++) {
          if (side.hits().get(q).length > 0) {
            Snippets.highlight(side.searcher(), side.queries().get(q), side.hits().get(q), 3, "<mark>", "</mark>");
            pages++;
          }
        }
        if (r >= 0) {
          perPage[sides.indexOf(side)][r] = (cpu.getCurrentThreadCpuTime() - t0) / 1e6 / Math.max(1, pages);
        }
      }
    }
    double a = median(perPage[0]);
    double b = median(perPage[1]);
    for (int i = 0; i < 2; i++) {
      System.out.printf(Locale.ROOT, "SNIPPETS index=%s rounds=%s ms_cpu_per_page_median=%.3f%n", sides.get(i).name(),
          Arrays.toString(Arrays.stream(perPage[i]).map(v -> Math.round(v * 1000) / 1000.0).toArray()),
          i == 0 ? a : b);
    }
    System.out.printf(Locale.ROOT, "SNIPPETS ratio B/A=%.3f (pages of 10 hits x 3 passages, %d queries)%n", b / a,
        texts.size());
  }

  private static Side open(String index, List<String> texts) throws Exception {
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(index)));
    IndexSearcher searcher = new IndexSearcher(reader);
    UserQueryParser parser = UserQueryParser.forStandards(Schema.textAnalyzer(), Schema.hasContentPairs(reader));
    List<Query> queries = new ArrayList<>();
    List<int[]> hits = new ArrayList<>();
    for (String text : texts) {
      Query q = parser.parse(text);
      Query standards = new BooleanQuery.Builder().add(q, Occur.MUST)
          .add(new TermQuery(new Term(Schema.KIND, Schema.KIND_STANDARD)), Occur.FILTER).build();
      ScoreDoc[] top = searcher.search(standards, 10).scoreDocs;
      queries.add(q);
      hits.add(Arrays.stream(top).mapToInt(sd -> sd.doc).toArray());
    }
    return new Side(index, searcher, queries, hits);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}

package org.stdsearch.search.lucene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.index.Schema;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse;
import org.stdsearch.search.Suggestion;

/**
 * In-process query latency (issue 7): the search service with facets and highlighting against the
 * floor, a bare {@link IndexSearcher} running the same parsed text query with the same standard
 * filter and no facets, no snippets, no stored fields. Suggest is measured on its own.
 *
 * <p>In {@code org.stdsearch.search.lucene} only to reach the package-private {@link UserQueryParser}, so
 * that the floor runs exactly the query the service runs. Queries come from the generator's
 * {@code *.queries.tsv} ({@code kind<TAB>q}); {@code kind} selects one kind or {@code mixed}.
 * System properties: {@code bench.index} (index folder), {@code bench.queries} (the TSV).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QueryBenchmark {
  @Param({"mixed", "en1", "en2", "zh", "id", "phrase"})
  public String kind;

  private LuceneSearchService service;
  private DirectoryReader reader;
  private IndexSearcher floor;
  private List<SearchRequest> requests;
  private List<Query> floorQueries;
  private List<String> prefixes;
  private int next;

  @Setup(Level.Trial)
  public void open() throws IOException {
    Path index = Path.of(System.getProperty("bench.index"));
    List<String[]> rows = Files.readAllLines(Path.of(System.getProperty("bench.queries")), StandardCharsets.UTF_8)
        .stream().map(l -> l.split("\t", 2)).filter(r -> r.length == 2)
        .filter(r -> kind.equals("mixed") || r[0].equals(kind)).toList();
    service = LuceneSearchService.open(index, Taxonomy.loadOrBundled(null));
    reader = DirectoryReader.open(FSDirectory.open(index));
    floor = new IndexSearcher(reader);
    // the parser the service picks for this index (phrases by their pairs from schema 5 on)
    UserQueryParser parser = UserQueryParser.forStandards(Schema.textAnalyzer(), Schema.hasContentPairs(reader));
    // facets field + year (the API default) and snippets (always on for hits): the typical page
    requests = rows.stream().map(r -> SearchRequest.builder().q(r[1]).facets(List.of("field", "year")).build())
        .toList();
    floorQueries = rows.stream().map(r -> (Query) new BooleanQuery.Builder()
        .add(parser.parse(r[1]), Occur.MUST)
        .add(new TermQuery(new Term(Schema.KIND, Schema.KIND_STANDARD)), Occur.FILTER).build()).toList();
    prefixes = rows.stream().map(r -> r[1].replace("\"", ""))
        .map(q -> q.substring(0, Math.min(q.length(), q.codePointAt(0) > 0x2e80 ? 1 : 3))).toList();
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    service.close();
    reader.close();
  }

  private int nextIndex() {
    next = (next + 1) % requests.size();
    return next;
  }

  @Benchmark
  public SearchResponse service() {
    return service.search(requests.get(nextIndex()));
  }

  @Benchmark
  public TopDocs floor() throws IOException {
    return floor.search(floorQueries.get(nextIndex()), 10);
  }

  @Benchmark
  public List<Suggestion> suggest() {
    return service.suggest(prefixes.get(nextIndex()), 10);
  }

  /** A year-range filter as the peers' query set uses, with the field facet only. */
  @Benchmark
  public SearchResponse serviceYearRange() {
    SearchRequest r = requests.get(nextIndex());
    return service.search(SearchRequest.builder().q(r.q()).yearFrom(2005).yearTo(2018).facets(List.of("field")).build());
  }

  /** The floor of {@link #serviceYearRange()}: the same year filter as a point range. */
  @Benchmark
  public TopDocs floorYearRange() throws IOException {
    Query q = new BooleanQuery.Builder().add(floorQueries.get(nextIndex()), Occur.MUST)
        .add(IntPoint.newRangeQuery(Schema.YEAR, 2005, 2018), Occur.FILTER).build();
    return floor.search(q, 10);
  }
}

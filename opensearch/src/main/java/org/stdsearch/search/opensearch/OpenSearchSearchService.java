package org.stdsearch.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.FiltersBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.stdsearch.opensearch.Cluster;
import org.stdsearch.opensearch.ClusterException;
import org.stdsearch.opensearch.Documents.StandardDocument;
import org.stdsearch.search.BadParameterException;
import org.stdsearch.search.IndexNotReadyException;
import org.stdsearch.search.IndexStats;
import org.stdsearch.search.SearchBudget;
import org.stdsearch.search.PageText;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchService;
import org.stdsearch.search.StandardDetail;
import org.stdsearch.search.StandardFile;
import org.stdsearch.search.StandardNotFoundException;
import org.stdsearch.search.Suggestion;
import org.stdsearch.search.TermHit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search contract over an OpenSearch cluster: the same answers as the embedded index for the
 * same standards (query grammar, ranking rules, disjunctive facets, status, snippets placed on page
 * and clause, detail view, suggestions), read over HTTP with the OpenSearch Java client. Nothing
 * is kept per node beyond glossary answers, checked every few seconds against the terms index's
 * state, so any number of servers can answer from one cluster while one of them (or {@code index})
 * writes.
 *
 * <p>Split by concern: {@link SearchExecution} runs one search, {@link StandardDetails} the detail
 * view, {@link Suggestions} suggestions and term lookups. Cluster failures become the contract's
 * typed errors: no answer, or our indexes missing, is {@link IndexNotReadyException} (503).
 */
public final class OpenSearchSearchService implements SearchService {
  private static final Logger log = LoggerFactory.getLogger(OpenSearchSearchService.class);
  /**
   * How often the indexes' state is compared with the one remembered answers were read in
   * ({@link IndexAnswers}): a new term entry joins expansion within this time.
   */
  static final long GLOSSARY_CHECK_MILLIS = 3_000;

  private final ServiceContext ctx;
  private final Suggestions suggestions;
  private final boolean ownsCluster;
  private final ScheduledExecutorService glossaryChecks;

  OpenSearchSearchService(Cluster cluster, Vocabulary vocabulary, FieldTree fields, Clock clock, boolean ownsCluster) {
    this.ctx = new ServiceContext(cluster, vocabulary, QueryText.forStandards(vocabulary), new FieldLabels(fields),
        clock);
    this.suggestions = new Suggestions(ctx);
    this.ownsCluster = ownsCluster;
    this.glossaryChecks = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "opensearch-glossary-check");
      t.setDaemon(true);
      return t;
    });
    glossaryChecks.scheduleWithFixedDelay(this::checkRemembered, GLOSSARY_CHECK_MILLIS, GLOSSARY_CHECK_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  private void checkRemembered() {
    for (IndexAnswers<?> answers : List.of(ctx.glossaryCache(), ctx.knownWords())) {
      try {
        answers.checkGeneration(ctx.cluster());
      } catch (IOException | RuntimeException e) { // the answers are forgotten; the next check tries again
        log.debug("remembered answers check failed: {}", e.toString());
      }
    }
  }

  /**
   * A service over {@code cluster}, which the caller keeps and closes.
   *
   * @param vocabulary the recogniser's identifier keys and glossary normal form
   * @param fields the technology-field taxonomy, for labels and the field tree
   */
  public static OpenSearchSearchService over(Cluster cluster, Vocabulary vocabulary, FieldTree fields) {
    return new OpenSearchSearchService(cluster, vocabulary, fields, Clock.systemDefaultZone(), false);
  }

  /** As {@link #over}, closing the cluster connection with the service. */
  public static OpenSearchSearchService owning(Cluster cluster, Vocabulary vocabulary, FieldTree fields) {
    return new OpenSearchSearchService(cluster, vocabulary, fields, Clock.systemDefaultZone(), true);
  }

  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException;
  }

  /** Runs one operation and turns the cluster's failures into the contract's errors. */
  private <T> T call(Call<T> call) {
    try {
      return call.run();
    } catch (OpenSearchException e) {
      throw translate(e.status(), String.valueOf(e.getMessage()), e);
    } catch (ClusterException e) {
      throw translate(e.status(), String.valueOf(e.getMessage()), e);
    } catch (IOException e) { // the transport's own failures (no node answers) included
      throw new IndexNotReadyException("the OpenSearch cluster does not answer");
    }
  }

  private static RuntimeException translate(int status, String message, Exception cause) {
    if (message.contains("index_not_found_exception")) {
      return new IndexNotReadyException("the index is not in the OpenSearch cluster yet");
    }
    if (message.contains("too_many_clauses") || message.contains("too_many_nested_clauses")) {
      return new BadParameterException("q", "too complex (too many clauses)");
    }
    if (status == 429 || status == 503 || status == 502 || status == 504) {
      return new IndexNotReadyException("the OpenSearch cluster is busy (" + status + ")");
    }
    return new UncheckedIOException(new IOException("OpenSearch answered " + status, cause));
  }

  @Override
  public org.stdsearch.search.SearchResponse search(SearchRequest request) {
    return search(request, SearchBudget.standard());
  }

  @Override
  public org.stdsearch.search.SearchResponse search(SearchRequest request, SearchBudget budget) {
    return call(() -> new SearchExecution(ctx, request, budget).run());
  }

  @Override
  public StandardDetail standard(String id, String labelLang) {
    return call(() -> new StandardDetails(ctx).detail(id, labelLang == null ? "zh" : labelLang));
  }

  @Override
  public StandardFile file(String id) {
    return call(() -> {
      StandardDocument d = StandardDetails.document(ctx, id, List.of("id", "path", "mime", "charset", "content_hash"),
          List.of());
      // a text file goes out with the charset it was read in; the type stays bare everywhere else
      String type = d.mime() == null || d.charset() == null ? d.mime() : d.mime() + "; charset=" + d.charset();
      return new StandardFile(d.id(), d.path(), type, d.contentHash());
    });
  }

  @Override
  public String text(String id, Integer page) {
    return call(() -> {
      StandardDocument d = StandardDetails.document(ctx, id, List.of("id", "content", "page_starts"), List.of());
      String content = d.content() == null ? "" : d.content();
      if (page == null) {
        return content;
      }
      return PageText.of(content, d.pageStarts(), page);
    });
  }

  @Override
  public List<Suggestion> suggest(String prefix, int size) {
    if (size < 1 || size > SearchRequest.MAX_SIZE) {
      throw new BadParameterException("size", "must be between 1 and " + SearchRequest.MAX_SIZE);
    }
    if (prefix == null || prefix.isBlank()) {
      return List.of();
    }
    if (prefix.length() > 200) {
      throw new BadParameterException("q", "at most 200 characters");
    }
    return call(() -> suggestions.suggest(prefix.strip(), size));
  }

  @Override
  public List<TermHit> terms(String q, int size) {
    if (size < 1 || size > SearchRequest.MAX_SIZE) {
      throw new BadParameterException("size", "must be between 1 and " + SearchRequest.MAX_SIZE);
    }
    if (q == null || q.isBlank()) {
      throw new BadParameterException("q", "must not be empty");
    }
    if (q.length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw new BadParameterException("q", "at most " + SearchRequest.MAX_QUERY_LENGTH + " characters");
    }
    return call(() -> suggestions.terms(q, size));
  }

  @Override
  public List<org.stdsearch.search.SearchResponse.FacetValue> fieldTree(String labelLang) {
    String lang = labelLang == null ? "zh" : labelLang;
    return call(() -> {
      SearchResponse<Void> r = ctx.cluster().client().search(s -> s.index(ctx.cluster().layout().standards()).size(0)
          .aggregations("v", a -> a.terms(t -> t.field("field_id").size(10_000))), Void.class);
      return ctx.labels().tree(FacetAggregations.termCounts(r.aggregations().get("v")), lang, true);
    });
  }

  @Override
  public IndexStats stats() {
    return call(() -> {
      Map<String, Query> byStatus = Statuses.all(ctx.today());
      SearchResponse<Void> r = ctx.cluster().client().search(s -> s.index(ctx.cluster().layout().standards()).size(0)
          .trackTotalHits(t -> t.enabled(true))
          .aggregations("status", Aggregation.of(a -> a.filters(f -> f.filters(k -> k.keyed(byStatus)))))
          .aggregations("extraction", a -> a.terms(t -> t.field("extraction_status").size(100))), Void.class);
      Map<String, Long> statuses = new LinkedHashMap<>();
      Map<String, FiltersBucket> buckets = r.aggregations().get("status").filters().buckets().keyed();
      for (String status : Statuses.ALL) {
        statuses.put(status, buckets.get(status) == null ? 0L : buckets.get(status).docCount());
      }
      Map<String, Long> extraction = new LinkedHashMap<>(FacetAggregations.termCounts(r.aggregations().get("extraction")));
      return new IndexStats(r.hits().total().value(), statuses, extraction, ctx.cluster().indexBytes(), lastCommit());
    });
  }

  /** The standards index's last Lucene commit, as OpenSearch reports it for its first shard. */
  private String lastCommit() throws IOException {
    String index = ctx.cluster().layout().standards();
    JsonNode stats = ctx.cluster().send("GET", "/" + index + "/_stats/docs?level=shards", null);
    for (JsonNode copy : stats.path("indices").path(index).path("shards").path("0")) {
      JsonNode commit = copy.path("commit");
      if (copy.path("routing").path("primary").asBoolean() && commit.has("generation")) {
        return "generation " + commit.path("generation").asLong() + " (OpenSearch, " + ctx.cluster().config().index()
            + ")";
      }
    }
    return null;
  }

  /** Forgets remembered answers (after the indexing side changed the indexes). */
  public void forgetCachedAnswers() {
    ctx.glossaryCache().clear();
    ctx.knownWords().clear();
  }

  @Override
  public void close() {
    glossaryChecks.shutdownNow();
    if (ownsCluster) {
      ctx.cluster().close();
    }
  }
}

package org.stdsearch.search.opensearch;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.FieldAndFormat;
import org.opensearch.client.opensearch._types.query_dsl.FunctionBoostMode;
import org.opensearch.client.opensearch._types.query_dsl.FunctionScoreMode;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.search.SourceConfig;
import org.stdsearch.search.BadParameterException;
import org.stdsearch.search.SearchBudget;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse;
import org.stdsearch.search.StandardDetail;

/**
 * One search: the user's query (scored, withdrawn and superseded standards at half weight) as the
 * query, every filter as the {@code post_filter}, and one aggregation per facet filtered by all the
 * other filters (so each facet counts as if its own filter were absent, as drill-sideways does in
 * the embedded index); then the page of hits, their snippets ({@link Highlights}) and the facets
 * ({@link FacetAggregations}).
 */
final class SearchExecution {
  static final float DEMOTION = 0.5f;
  /**
   * What a hit is rendered from, all in doc values: reading {@code _source} would decompress and
   * parse each hit's whole text (the peers' benchmark saw OpenSearch's QPS drop to a quarter of
   * Solr's on real standards for that reason).
   */
  private static final List<FieldAndFormat> HIT_FIELDS = Stream.of("hit", "declared_status", "superseded",
      "implemented").map(f -> FieldAndFormat.of(ff -> ff.field(f))).toList();

  private final ServiceContext ctx;
  private final SearchRequest request;
  private final SearchBudget budget;
  private final LocalDate today;

  /**
   * @param budget the time the search may take (the cluster stops collecting then and the answer
   *     is {@code partial}, as the embedded index's), and whether its client is still there
   */
  SearchExecution(ServiceContext ctx, SearchRequest request, SearchBudget budget) {
    this.ctx = ctx;
    this.request = request;
    this.budget = budget;
    this.today = ctx.today();
  }

  /** The search as sent to the cluster: the request body, and what reading its answer needs. */
  record Prepared(org.opensearch.client.opensearch.core.SearchRequest.Builder body, Glossary glossary,
      Cursor cursor, int from, FacetAggregations facets) {}

  /** Builds the cluster request for this search (one glossary lookup when expansion is on). */
  Prepared prepare() throws IOException {
    Set<String> statuses = knownStatuses(SearchRequest.included(request.statuses()));
    Set<String> notStatuses = knownStatuses(SearchRequest.excluded(request.statuses()));
    Glossary glossary = request.expand() && !request.q().isBlank() ? ctx.glossary(request.q()) : Glossary.NONE;
    Query text = ctx.parser().parse(request.q(), glossary);
    Query penalised = Query.of(f -> f.functionScore(fs -> fs.query(text)
        .functions(fn -> fn.filter(Statuses.demoted()).weight(DEMOTION))
        .boostMode(FunctionBoostMode.Multiply).scoreMode(FunctionScoreMode.Multiply)));
    List<Query> excluded = Filters.exclusions(request, notStatuses, today);
    Query scored = excluded.isEmpty() ? penalised
        : Query.of(b -> b.bool(bool -> bool.must(penalised).mustNot(excluded)));
    Filters filters = Filters.of(request, statuses, today);

    Cursor cursor = request.cursor() == null ? null : Cursor.decode(request.cursor(), request.sort());
    int from = cursor == null ? (request.page() - 1) * request.size() : 0;
    FacetAggregations facets = new FacetAggregations(request.facets(), filters, today);
    var builder = new org.opensearch.client.opensearch.core.SearchRequest.Builder()
        .query(scored)
        .size(request.size())
        .from(from)
        .sort(sort(request.sort()))
        .trackTotalHits(t -> t.enabled(true))
        .timeout(timeLeft())
        .source(SourceConfig.of(c -> c.fetch(false)))
        .storedFields("_none_")
        .docvalueFields(HIT_FIELDS)
        .aggregations(facets.aggregations());
    filters.all().ifPresent(builder::postFilter);
    return new Prepared(builder, glossary, cursor, from, facets);
  }

  /** The budget's time left as the cluster's {@code timeout} parameter. */
  private String timeLeft() {
    return Math.max(1, budget.remaining().toMillis()) + "ms";
  }

  SearchResponse run() throws IOException {
    long start = System.nanoTime();
    budget.checkCancelled();
    Prepared prepared = prepare();
    Glossary glossary = prepared.glossary();
    Cursor cursor = prepared.cursor();
    int from = prepared.from();
    FacetAggregations facets = prepared.facets();
    var builder = prepared.body();
    PagedSearch paged = new PagedSearch(ctx);
    SearchAnswer answer = paged.run(builder, cursor);
    budget.checkCancelled();
    List<SearchAnswer.Hit> page = answer.hits();

    // timed out, or a shard copy failed and no other copy answered for it (a node lost mid-search);
    // a budget spent by now leaves the hits without snippets
    boolean partial = answer.timedOut() || answer.failedShards() > 0 || budget.exhausted();
    long total = answer.total();
    String relation = partial || answer.totalIsLowerBound() ? "gte" : "eq";
    List<SearchResponse.Hit> hits = new ArrayList<>();
    for (SearchAnswer.Hit h : page) {
      hits.add(hit(h));
    }
    if (!partial && !request.q().isBlank() && request.snippets() > 0 && !hits.isEmpty()) {
      Map<String, List<SearchResponse.Snippet>> snippets = Highlights.snippets(ctx, request, glossary,
          hits.stream().map(SearchResponse.Hit::id).toList(), timeLeft());
      hits.replaceAll(h -> withSnippets(h, snippets.getOrDefault(h.id(), List.of())));
    }
    String next = null;
    if (hits.size() == request.size() && !hits.isEmpty() && from + hits.size() < total) {
      next = new Cursor(request.sort(), page.get(page.size() - 1).sort(), paged.pit()).encode();
    }
    Map<String, List<SearchResponse.FacetValue>> facetValues = facets.values(answer.facets(), ctx.labels(),
        request.labelLang());
    String respelled = total == 0 && !partial && request.cursor() == null ? respelled(glossary) : null;
    long took = (System.nanoTime() - start) / 1_000_000;
    return new SearchResponse(request.q(), total, relation, took, request.page(), request.size(), next, partial,
        hits, facetValues, respelled);
  }

  /** The query respelled ({@link DidYouMean}) when the respelling finds standards, else null. */
  private String respelled(Glossary glossary) throws IOException {
    return request.q().isBlank() ? null : DidYouMean.respell(ctx, request.q(), glossary);
  }

  private static Set<String> knownStatuses(List<String> values) {
    Set<String> out = new LinkedHashSet<>();
    for (String s : values) {
      if (!Statuses.ALL.contains(s)) {
        throw new BadParameterException("status", "unknown status '" + s + "'; known: " + String.join(",", Statuses.ALL));
      }
      out.add(s);
    }
    return out;
  }

  /** The order, always ending with the standard's id: a total order, as {@code search_after} needs. */
  static List<SortOptions> sort(SearchRequest.Sort sort) {
    SortOptions byId = SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc)));
    SortOptions first = switch (sort) {
      case RELEVANCE -> SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc)));
      case NEWEST -> SortOptions.of(s -> s.field(f -> f.field("sort_date").order(SortOrder.Desc)));
      case OLDEST -> SortOptions.of(s -> s.field(f -> f.field("sort_date").order(SortOrder.Asc)));
      case IDENTIFIER -> SortOptions.of(s -> s.field(f -> f.field("identifier").order(SortOrder.Asc)
          .missing(FieldValue.of("_last"))));
    };
    return List.of(first, byId);
  }

  /** A hit without links (the HTTP layer, which knows the routes, adds them) and without snippets yet. */
  private SearchResponse.Hit hit(SearchAnswer.Hit h) {
    Map<String, String> v = h.fields();
    String record = v.get("hit");
    if (record == null) {
      throw new IllegalStateException("standard " + h.id() + " has no hit record");
    }
    StandardDetail.Metadata m = ctx.hitRecords().of(record);
    List<SearchResponse.FieldLabel> fields = m.fields().stream()
        .map(f -> ctx.labels().fieldLabel(f.id(), request.labelLang())).toList();
    float score = Double.isNaN(h.score()) ? 0f : (float) h.score();
    String implemented = v.get("implemented");
    String status = Statuses.of(v.get("declared_status"), Boolean.valueOf(v.get("superseded")),
        implemented == null ? null : LocalDate.parse(implemented), today);
    return new SearchResponse.Hit(m.id(), m.identifier(),
        SearchResponse.heading(m.identifier(), m.titleZh(), m.titleEn(), m.path()), new SearchResponse.Title(m.titleZh(), m.titleEn()),
        m.year(), m.published(), m.implemented(), status, fields, m.family(), m.ics(), score, List.of(), null,
        m.extraction() == null ? null : m.extraction().status());
  }

  private static SearchResponse.Hit withSnippets(SearchResponse.Hit h, List<SearchResponse.Snippet> snippets) {
    return new SearchResponse.Hit(h.id(), h.identifier(), h.heading(), h.title(), h.year(), h.published(), h.implemented(),
        h.status(), h.fields(), h.family(), h.ics(), h.score(), snippets, h.links(), h.extractionStatus());
  }
}

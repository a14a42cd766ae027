package org.stdsearch.search.opensearch;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.FunctionBoostMode;
import org.opensearch.client.opensearch._types.query_dsl.FunctionScoreMode;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.SourceConfig;
import org.opensearch.client.opensearch.core.search.TotalHitsRelation;
import org.stdsearch.opensearch.Documents.StandardDocument;
import org.stdsearch.search.BadParameterException;
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
  /** A search stops collecting after this and answers {@code partial: true}, as the embedded one does. */
  static final String TIMEOUT = "2s";
  static final float DEMOTION = 0.5f;
  /** The record without what only the detail view shows: what a hit is rendered from. */
  private static final SourceConfig HIT_SOURCE = SourceConfig.of(s -> s.filter(f -> f
      .includes("id", "declared_status", "superseded", "implemented", "record")
      .excludes("record.clauses", "record.terms", "record.references")));

  private final ServiceContext ctx;
  private final SearchRequest request;
  private final LocalDate today;

  SearchExecution(ServiceContext ctx, SearchRequest request) {
    this.ctx = ctx;
    this.request = request;
    this.today = ctx.today();
  }

  SearchResponse run() throws IOException {
    long start = System.nanoTime();
    Set<String> statuses = statuses();
    Glossary glossary = request.expand() && !request.q().isBlank() ? ctx.glossary(request.q()) : Glossary.NONE;
    Query text = ctx.parser().parse(request.q(), glossary);
    Query scored = Query.of(f -> f.functionScore(fs -> fs.query(text)
        .functions(fn -> fn.filter(Statuses.demoted()).weight(DEMOTION))
        .boostMode(FunctionBoostMode.Multiply).scoreMode(FunctionScoreMode.Multiply)));
    Filters filters = Filters.of(request, statuses, today);

    Cursor cursor = request.cursor() == null ? null : Cursor.decode(request.cursor(), request.sort());
    int from = cursor == null ? (request.page() - 1) * request.size() : 0;
    List<SortOptions> sort = sort(request.sort());
    FacetAggregations facets = new FacetAggregations(request.facets(), filters, today);

    var builder = new org.opensearch.client.opensearch.core.SearchRequest.Builder()
        .query(scored)
        .size(request.size())
        .from(from)
        .sort(sort)
        .trackTotalHits(t -> t.enabled(true))
        .timeout(TIMEOUT)
        .source(HIT_SOURCE)
        .aggregations(facets.aggregations());
    filters.all().ifPresent(builder::postFilter);
    PagedSearch paged = new PagedSearch(ctx);
    var response = paged.run(builder, cursor, request.sort());

    boolean partial = response.timedOut();
    long total = response.hits().total() == null ? 0 : response.hits().total().value();
    String relation = partial || (response.hits().total() != null
        && response.hits().total().relation() == TotalHitsRelation.Gte) ? "gte" : "eq";
    List<Hit<StandardDocument>> page = response.hits().hits();
    Map<String, List<SearchResponse.Snippet>> snippets = request.q().isBlank() || request.snippets() == 0
        || page.isEmpty() ? Map.of()
        : Highlights.snippets(ctx, request, glossary, page.stream().map(Hit::id).toList());
    List<SearchResponse.Hit> hits = new ArrayList<>();
    for (Hit<StandardDocument> h : page) {
      hits.add(hit(h, snippets.getOrDefault(h.id(), List.of())));
    }
    String next = null;
    if (hits.size() == request.size() && !hits.isEmpty() && from + hits.size() < total) {
      next = new Cursor(request.sort(), page.get(page.size() - 1).sort(), paged.pit()).encode();
    }
    Map<String, List<SearchResponse.FacetValue>> facetValues = facets.values(response.aggregations(), ctx.labels(),
        request.labelLang());
    long took = (System.nanoTime() - start) / 1_000_000;
    return new SearchResponse(request.q(), total, relation, took, request.page(), request.size(), next, partial,
        hits, facetValues);
  }

  private Set<String> statuses() {
    Set<String> out = new LinkedHashSet<>();
    for (String s : request.statuses()) {
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

  /** A hit without links: the HTTP layer, which knows the routes, adds them. */
  private SearchResponse.Hit hit(Hit<StandardDocument> h, List<SearchResponse.Snippet> snippets) {
    StandardDocument d = h.source();
    StandardDetail.Metadata m = Records.of(d);
    List<SearchResponse.FieldLabel> fields = m.fields().stream()
        .map(f -> ctx.labels().fieldLabel(f.id(), request.labelLang())).toList();
    float score = h.score() == null || h.score().isNaN() ? 0f : h.score().floatValue();
    String status = Statuses.of(d.declaredStatus(), d.superseded(), d.implemented(), today);
    return new SearchResponse.Hit(m.id(), m.identifier(), new SearchResponse.Title(m.titleZh(), m.titleEn()),
        m.year(), m.published(), m.implemented(), status, fields, m.family(), m.ics(), score, snippets, null,
        m.extraction() == null ? null : m.extraction().status());
  }
}

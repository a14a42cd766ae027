package org.stdsearch.search.lucene;

import static org.stdsearch.search.SearchRequest.excluded;
import static org.stdsearch.search.SearchRequest.included;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.stdsearch.index.ClauseSpans;
import org.stdsearch.index.PageStartsCodec;
import org.stdsearch.index.Schema;
import org.stdsearch.index.StandardMetadata;
import org.stdsearch.search.BadParameterException;
import org.stdsearch.search.SearchBudget;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse;

/**
 * One search: query with the facet filters → page of hits with snippets → facets. A facet that is
 * asked for and filtered on at once is counted as if its own filter were absent (drill-sideways);
 * when no facet is both, one plain pass collects hits and facet counts. Status is computed, not
 * indexed, so its filter is a bit set applied to the base query and its facet is counted here.
 */
final class SearchExecution {
  /** Hit counts are exact up to here; beyond, {@code total_relation} is {@code gte}. */
  static final int TOTAL_HITS_THRESHOLD = 10_000;
  private static final UserQueryParser PARSER = UserQueryParser.forStandards(Schema.textAnalyzer());
  /** As {@link #PARSER} for an index with {@link Schema#CONTENT_PAIRS}; indexes before schema 5 lack it. */
  private static final UserQueryParser PAIRS_PARSER = UserQueryParser.forStandards(Schema.textAnalyzer(), true);
  /**
   * Snippets come from the full text only: highlighting with the content clauses alone spares
   * the highlighter rewriting and matching every title and identifier clause for each hit.
   * Phrases stay positional here (no token pairs): the highlighter marks them in the full text.
   */
  private static final UserQueryParser SNIPPET_PARSER =
      new UserQueryParser(Map.of(Schema.CONTENT, 1f), Schema.textAnalyzer());

  /** Hits highlighted between two looks at the budget. */
  static final int SNIPPET_BATCH = 10;

  /** Drill-sideways and drill-down queries need a facets configuration; ours count from doc values. */
  private static final FacetsConfig NO_FACET_FIELDS = new FacetsConfig();

  private final LuceneSearchService.Context ctx;
  private final SearchRequest request;
  private final SearchBudget budget;
  private final IndexSearcher searcher;
  private final FacetFilters filters;
  /** Facets asked for whose own filter is set: counted without it, by drill-sideways. */
  private final List<String> sideways;
  /** Set when the budget ran out before every hit had its snippets. */
  private boolean snippetsCut;
  /** Set when the budget ran out while counting the status facet. */
  private boolean statusCut;
  /** The zh⇄en glossary, or none when the request turns expansion off. */
  private final Glossary glossary;

  SearchExecution(LuceneSearchService.Context ctx, SearchRequest request, SearchBudget budget, SpareCores cores) {
    this.ctx = ctx;
    this.request = request;
    this.budget = budget;
    this.glossary = request.expand() ? ctx.state().glossary : Glossary.NONE;
    // A searcher of our own: the timeout is per search and the shared one must not carry it.
    this.searcher = cores.searcher(ctx.searcher().getIndexReader());
    this.searcher.setSimilarity(ctx.searcher().getSimilarity());
    this.filters = FacetFilters.of(request);
    this.sideways = filters.sideways(request.facets());
    // Every collector checks the budget (BudgetedCollectors); without drill-sideways the searcher's
    // own time limit also cuts scoring that skips many documents between two hits. Drill-sideways
    // scores each segment in one pass and refuses the searcher's time-sliced windows.
    if (sideways.isEmpty()) {
      this.searcher.setTimeout(budget::exhausted);
    }
  }

  SearchResponse run() throws IOException {
    long start = System.nanoTime();
    Set<String> statuses = statuses();
    Query text = ctx.state().termLookups.resolved(
        (ctx.state().tokenPairs ? PAIRS_PARSER : PARSER).parse(request.q(), glossary));
    Query scored = FunctionScoreQuery.boostByValue(text, new StatusPenalty(ctx.state()));
    Query query = ctx.state().termLookups.resolved(filters.restrict(base(scored, statuses), sideways));

    ScoreDoc after = request.cursor() == null ? null : Cursor.decode(request.cursor(), request.sort());
    int offset = after == null ? (request.page() - 1) * request.size() : 0;
    int wanted = Math.max(1, offset + request.size());

    FacetsCollector matching;
    Map<String, FacetsCollector> sidewaysHits = new LinkedHashMap<>();
    TopDocs top;
    var hitsAndFacets = BudgetedCollectors.of(
        new MultiCollectorManager(new FacetsCollectorManager(), topDocs(wanted, after)), budget);
    Object[] collected;
    List<BudgetedCollectors<?, FacetsCollector>> sidewaysCollectors = sideways.stream()
        .<BudgetedCollectors<?, FacetsCollector>>map(f -> BudgetedCollectors.of(new FacetsCollectorManager(), budget))
        .toList();
    if (sideways.isEmpty()) {
      collected = searcher.search(query, hitsAndFacets);
    } else {
      DrillDownQuery drillDown = new DrillDownQuery(NO_FACET_FIELDS, query);
      sideways.forEach(facet -> drillDown.add(facet, filters.filter(facet)));
      DrillSideways ds = new DrillSideways(searcher, NO_FACET_FIELDS, (SortedSetDocValuesReaderState) null);
      var result = ds.search(drillDown, hitsAndFacets, sidewaysCollectors);
      collected = result.drillDownResult();
      for (int i = 0; i < sideways.size(); i++) {
        sidewaysHits.put(sideways.get(i), result.drillSidewaysResults().get(i));
      }
    }
    budget.checkCancelled();
    matching = (FacetsCollector) collected[0];
    top = (TopDocs) collected[1];
    boolean collectionCut = searcher.timedOut() || hitsAndFacets.stopped()
        || sidewaysCollectors.stream().anyMatch(BudgetedCollectors::stopped);

    long total = matching.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
    String relation = collectionCut ? "gte" : "eq";

    ScoreDoc[] page = slice(top.scoreDocs, offset, request.size());
    List<SearchResponse.Hit> hits = hits(page, text);
    String next = null;
    if (page.length == request.size() && page.length > 0 && offset + page.length < total) {
      next = Cursor.encode(request.sort(), page[page.length - 1]);
    }
    Map<String, List<SearchResponse.FacetValue>> facetValues = facets(matching, sidewaysHits, scored, statuses);
    boolean partial = collectionCut || snippetsCut || statusCut;
    String respelled = total == 0 && !partial && request.cursor() == null ? respelled() : null;
    long took = (System.nanoTime() - start) / 1_000_000;
    return new SearchResponse(request.q(), total, relation, took, request.page(), request.size(), next, partial,
        hits, facetValues, respelled);
  }

  /** The query respelled ({@link DidYouMean}) when the respelling finds standards, else null. */
  private String respelled() throws IOException {
    if (request.q().isBlank()) {
      return null;
    }
    String other = DidYouMean.respell(searcher.getIndexReader(), request.q());
    if (other == null) {
      return null;
    }
    Query finds = new BooleanQuery.Builder()
        .add((ctx.state().tokenPairs ? PAIRS_PARSER : PARSER).parse(other, glossary), Occur.MUST)
        .add(new TermQuery(new Term(Schema.KIND, Schema.KIND_STANDARD)), Occur.FILTER)
        .build();
    return searcher.count(finds) > 0 ? other : null;
  }

  private Set<String> statuses() {
    return knownStatuses(included(request.statuses()));
  }

  private static Set<String> knownStatuses(List<String> values) {
    Set<String> out = new LinkedHashSet<>();
    for (String s : values) {
      if (!ReaderState.STATUSES.contains(s)) {
        throw new BadParameterException("status", "unknown status '" + s + "'; known: "
            + String.join(",", ReaderState.STATUSES));
      }
      out.add(s);
    }
    return out;
  }

  /**
   * The scored query restricted to standards, when asked to statuses, and without whatever the
   * request excludes. Exclusions are not drill-down dimensions: they apply to every facet count.
   */
  private Query base(Query scored, Set<String> statuses) {
    BooleanQuery.Builder b = new BooleanQuery.Builder()
        .add(scored, Occur.MUST)
        .add(new TermQuery(new Term(Schema.KIND, Schema.KIND_STANDARD)), Occur.FILTER);
    if (!statuses.isEmpty()) {
      b.add(new DocSetQuery(ctx.state().withStatus(statuses, ctx.today()), "status=" + statuses), Occur.FILTER);
    }
    Set<String> notStatuses = knownStatuses(excluded(request.statuses()));
    if (!notStatuses.isEmpty()) {
      b.add(new DocSetQuery(ctx.state().withStatus(notStatuses, ctx.today()), "status=" + notStatuses), Occur.MUST_NOT);
    }
    excludeAll(b, Schema.FIELD_ID, excluded(request.fields()));
    excludeAll(b, Schema.FAMILY, excluded(request.families()));
    excludeAll(b, Schema.TYPE, excluded(request.types()));
    excludeAll(b, Schema.LANG, excluded(request.langs()));
    return b.build();
  }

  private static void excludeAll(BooleanQuery.Builder b, String field, List<String> values) {
    new LinkedHashSet<>(values).forEach(v -> b.add(new TermQuery(new Term(field, v)), Occur.MUST_NOT));
  }

  private CollectorManager<?, TopDocs> topDocs(int wanted, ScoreDoc after) {
    Sort sort = switch (request.sort()) {
      case RELEVANCE -> null;
      case NEWEST -> new Sort(new SortField(Schema.SORT_DATE, SortField.Type.LONG, true));
      case OLDEST -> new Sort(new SortField(Schema.SORT_DATE, SortField.Type.LONG, false));
      case IDENTIFIER -> {
        SortField byId = new SortedSetSortField(Schema.IDENTIFIER, false);
        byId.setMissingValue(SortField.STRING_LAST);
        yield new Sort(byId);
      }
    };
    if (sort == null) {
      return new TopScoreDocCollectorManager(wanted, after, TOTAL_HITS_THRESHOLD);
    }
    @SuppressWarnings("unchecked")
    CollectorManager<?, TopDocs> m = (CollectorManager<?, TopDocs>) (CollectorManager<?, ?>)
        new TopFieldCollectorManager(sort, wanted, (FieldDoc) after, TOTAL_HITS_THRESHOLD);
    return m;
  }

  private static ScoreDoc[] slice(ScoreDoc[] docs, int offset, int size) {
    if (offset >= docs.length || size == 0) {
      return new ScoreDoc[0];
    }
    return java.util.Arrays.copyOfRange(docs, offset, Math.min(docs.length, offset + size));
  }

  private List<SearchResponse.Hit> hits(ScoreDoc[] page, Query text) throws IOException {
    int[] ids = new int[page.length];
    for (int i = 0; i < page.length; i++) {
      ids[i] = page[i].doc;
    }
    List<List<Snippets.Raw>> snippets = request.q().isBlank() || request.snippets() == 0 ? List.of()
        : snippets(SNIPPET_PARSER.parseText(request.q(), glossary), ids);
    List<SearchResponse.Hit> hits = new ArrayList<>();
    IndexReader reader = searcher.getIndexReader();
    for (int i = 0; i < page.length; i++) {
      StandardMetadata m = ctx.hitRecords().get(reader, ids[i]);
      List<Integer> pageStarts = PageStartsCodec.decode(Schema.binary(reader, ids[i], Schema.PAGE_STARTS));
      List<ClauseSpans.Span> clauses = i < snippets.size() && !snippets.get(i).isEmpty()
          ? ClauseSpans.decode(Schema.binary(reader, ids[i], Schema.CLAUSE_SPANS)) : List.of();
      List<SearchResponse.Snippet> placed = new ArrayList<>();
      for (Snippets.Raw raw : i < snippets.size() ? snippets.get(i) : List.<Snippets.Raw>of()) {
        placed.add(new SearchResponse.Snippet(raw.html(), pageStarts.isEmpty() ? null
            : Snippets.pageAt(pageStarts, raw.start()), ClauseSpans.clauseAt(clauses, raw.start())));
      }
      hits.add(hit(m, page[i], placed));
    }
    return hits;
  }

  /**
   * Snippets a batch of hits at a time while the budget lasts; the hits after it is spent have
   * none (a page of long standards with five snippets each is the costliest part of a search).
   */
  private List<List<Snippets.Raw>> snippets(Query query, int[] ids) throws IOException {
    List<List<Snippets.Raw>> out = new ArrayList<>();
    for (int from = 0; from < ids.length; from += SNIPPET_BATCH) {
      budget.checkCancelled();
      if (budget.exhausted()) {
        snippetsCut = true;
        break;
      }
      int[] batch = java.util.Arrays.copyOfRange(ids, from, Math.min(ids.length, from + SNIPPET_BATCH));
      out.addAll(Snippets.highlight(searcher, query, batch, request.snippets(), request.highlightPre(),
          request.highlightPost()));
    }
    return out;
  }

  /** A hit without links: the HTTP layer, which knows the routes, adds them. */
  private SearchResponse.Hit hit(StandardMetadata m, ScoreDoc sd, List<SearchResponse.Snippet> snippets) {
    List<SearchResponse.FieldLabel> fields = m.fields().stream()
        .map(f -> ctx.labels().fieldLabel(f.id(), request.labelLang())).toList();
    float score = Float.isNaN(sd.score) ? 0f : sd.score;
    return new SearchResponse.Hit(m.id(), m.identifier(),
        SearchResponse.heading(m.identifier(), m.titleZh(), m.titleEn(), m.path()),
        new SearchResponse.Title(m.titleZh(), m.titleEn()),
        m.year(), m.published(), m.implemented(), ctx.state().status(sd.doc, ctx.today()), fields, m.family(),
        m.ics(), score, snippets, null, m.extraction() == null ? null : m.extraction().status());
  }

  private Map<String, List<SearchResponse.FacetValue>> facets(FacetsCollector matching,
      Map<String, FacetsCollector> sidewaysHits, Query scored, Set<String> statuses) throws IOException {
    Map<String, List<SearchResponse.FacetValue>> out = new LinkedHashMap<>();
    for (String name : request.facets()) {
      FacetsCollector hits = sidewaysHits.getOrDefault(name, matching);
      List<SearchResponse.FacetValue> values = switch (name) {
        case "field" -> ctx.labels().tree(FacetCounts.count(ctx.facetValues(), name, hits), request.labelLang(), false);
        case "status" -> statusFacet(matching, scored, statuses);
        case "year" -> flat(FacetCounts.count(ctx.facetValues(), name, hits), Comparator.comparing(
            (SearchResponse.FacetValue v) -> parseYear(v.value())).reversed());
        default -> flat(FacetCounts.count(ctx.facetValues(), name, hits),
            Comparator.comparingLong(SearchResponse.FacetValue::count).reversed()
                .thenComparing(SearchResponse.FacetValue::value));
      };
      out.put(name, values);
    }
    return out;
  }

  private static int parseYear(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return Integer.MIN_VALUE;
    }
  }

  private static List<SearchResponse.FacetValue> flat(Map<String, Long> counts,
      Comparator<SearchResponse.FacetValue> order) {
    List<SearchResponse.FacetValue> values = new ArrayList<>();
    counts.forEach((label, count) -> {
      if (count > 0) {
        values.add(new SearchResponse.FacetValue(label, null, count, null));
      }
    });
    values.sort(order);
    return values;
  }

  /**
   * Status counts over the hits as they would be without the status filter (disjunctive like the
   * other facets): the hits themselves when no status is selected, else one more search.
   */
  private List<SearchResponse.FacetValue> statusFacet(FacetsCollector matching, Query scored, Set<String> statuses)
      throws IOException {
    FacetsCollector docs = matching;
    if (docs == null || !statuses.isEmpty()) {
      BudgetedCollectors<?, FacetsCollector> c = BudgetedCollectors.of(new FacetsCollectorManager(), budget);
      docs = searcher.search(filters.restrict(base(scored, Set.of()), List.of()), c);
      statusCut = c.stopped();
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    ReaderState.STATUSES.forEach(s -> counts.put(s, 0L));
    for (FacetsCollector.MatchingDocs md : docs.getMatchingDocs()) {
      DocIdSetIterator it = md.bits() == null ? null : md.bits().iterator();
      if (it == null) {
        continue;
      }
      int base = md.context().docBase;
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        counts.merge(ctx.state().status(base + d, ctx.today()), 1L, Long::sum);
      }
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> new SearchResponse.FacetValue(e.getKey(), null, e.getValue(), null))
        .toList();
  }
}

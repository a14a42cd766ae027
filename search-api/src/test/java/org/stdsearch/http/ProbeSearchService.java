package org.stdsearch.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.stdsearch.index.Schema;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse;
import org.stdsearch.search.SearchService;
import org.stdsearch.search.StandardDetail;
import org.stdsearch.search.StandardNotFoundException;

/**
 * A minimal search service over the live searcher: counts standards whose content matches {@code q}.
 * Enough to watch documents appear and disappear through HTTP while the real service is elsewhere.
 */
final class ProbeSearchService implements SearchService {
  private final SearcherManager manager;

  ProbeSearchService(SearcherManager manager) {
    this.manager = manager;
  }

  @Override
  public SearchResponse search(SearchRequest request) {
    try {
      IndexSearcher searcher = manager.acquire();
      try {
        BooleanQuery.Builder b = new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.KIND, Schema.KIND_STANDARD)), BooleanClause.Occur.FILTER);
        if (!request.q().isEmpty()) {
          Query q = new QueryParser(Schema.CONTENT, Schema.textAnalyzer()).parse(request.q());
          b.add(q, BooleanClause.Occur.MUST);
        }
        int total = searcher.count(b.build());
        return new SearchResponse(request.q(), total, "eq", 0, request.page(), request.size(), null, false, List.of(), Map.of());
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (org.apache.lucene.queryparser.classic.ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public StandardDetail standard(String id, String labelLang) {
    throw new StandardNotFoundException(id);
  }

  @Override
  public String text(String id, Integer page) {
    throw new StandardNotFoundException(id);
  }

  @Override
  public List<Suggestion> suggest(String prefix, int size) {
    return List.of();
  }

  @Override
  public List<TermHit> terms(String q, int size) {
    return List.of();
  }

  @Override
  public List<SearchResponse.FacetValue> fieldTree(String labelLang) {
    return List.of();
  }

  @Override
  public IndexStats stats() {
    return new IndexStats(0, Map.of(), Map.of(), 0, null);
  }

  @Override
  public void close() {}
}

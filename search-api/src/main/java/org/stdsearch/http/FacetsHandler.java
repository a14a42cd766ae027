package org.stdsearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Map;
import org.stdsearch.search.Backend;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse;
import org.stdsearch.search.SearchService;

/**
 * {@code GET /api/v1/facets?lang=}: the technology-field tree with counts, and every other facet,
 * over the whole index (what a search page shows before the first query).
 */
final class FacetsHandler implements HttpHandler {
  private final Backend backend;

  FacetsHandler(Backend backend) {
    this.backend = backend;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) {
    String lang = Params.of(ex).oneOf("lang", "zh", StandardHandler.LANGS);
    SearchService service = backend.service();
    SearchRequest all = SearchRequest.builder().size(0).facets(SearchRequest.KNOWN_FACETS).labelLang(lang).snippets(0)
        .build();
    JsonResponses.send(ex, new Facets(service.fieldTree(lang), service.search(all).facets()));
  }

  record Facets(List<SearchResponse.FacetValue> fields, Map<String, List<SearchResponse.FacetValue>> facets) {}
}

package org.stdsearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import org.stdsearch.search.Backend;
import org.stdsearch.search.BadParameterException;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.TermHit;

/** {@code GET /api/v1/terms?q=&size=}: terms and definitions across all standards. */
final class TermsHandler implements HttpHandler {
  static final int MAX_SIZE = 100;
  private final Backend backend;

  TermsHandler(Backend backend) {
    this.backend = backend;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) {
    Params p = Params.of(ex);
    String q = p.string("q", "");
    if (q.length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw new BadParameterException("q", "at most " + SearchRequest.MAX_QUERY_LENGTH + " characters");
    }
    int size = p.integer("size", 20);
    if (size < 1 || size > MAX_SIZE) {
      throw new BadParameterException("size", "must be between 1 and " + MAX_SIZE);
    }
    JsonResponses.send(ex, new Terms(q, backend.service().terms(q, size)));
  }

  record Terms(String query, List<TermHit> terms) {}
}

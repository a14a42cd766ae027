package org.stdsearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import org.stdsearch.search.Backend;
import org.stdsearch.search.BadParameterException;
import org.stdsearch.search.Suggestion;

/** {@code GET /api/v1/suggest?q=&size=}: as-you-type suggestions. */
final class SuggestHandler implements HttpHandler {
  static final int MAX_SIZE = 20;
  static final int MAX_PREFIX = 100;
  private final Backend backend;

  SuggestHandler(Backend backend) {
    this.backend = backend;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) {
    Params p = Params.of(ex);
    String q = p.string("q");
    if (q == null) {
      throw new BadParameterException("q", "is required");
    }
    if (q.length() > MAX_PREFIX) {
      throw new BadParameterException("q", "at most " + MAX_PREFIX + " characters");
    }
    int size = p.integer("size", 8);
    if (size < 1 || size > MAX_SIZE) {
      throw new BadParameterException("size", "must be between 1 and " + MAX_SIZE);
    }
    JsonResponses.send(ex, new Suggestions(q, backend.service().suggest(q, size)));
  }

  record Suggestions(String query, List<Suggestion> suggestions) {}
}

package org.stdsearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.stdsearch.search.Backend;

/** {@code GET /api/v1/stats}: size and freshness of the index. */
final class StatsHandler implements HttpHandler {
  private final Backend backend;

  StatsHandler(Backend backend) {
    this.backend = backend;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) {
    JsonResponses.send(ex, backend.service().stats());
  }
}

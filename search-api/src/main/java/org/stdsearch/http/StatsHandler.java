package org.stdsearch.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.stdsearch.search.Backend;
import org.stdsearch.search.IndexStats;
import org.stdsearch.search.IndexingStatus;

/** {@code GET /api/v1/stats}: size and freshness of the index, and the indexing pass under way. */
final class StatsHandler implements HttpHandler {
  private final Backend backend;

  StatsHandler(Backend backend) {
    this.backend = backend;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) {
    IndexingStatus indexing = backend.indexing();
    Stats stats = new Stats(backend.service().stats(), indexing);
    if (indexing != null) {
      JsonResponses.sendUncached(ex, 200, stats); // changes by the second
    } else {
      JsonResponses.send(ex, stats);
    }
  }

  /** The index's statistics plus {@code indexing} while a pass runs. */
  record Stats(@JsonUnwrapped IndexStats stats, IndexingStatus indexing) {}
}

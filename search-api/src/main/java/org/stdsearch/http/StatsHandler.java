package org.stdsearch.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.stdsearch.search.Backend;
import org.stdsearch.search.IndexHealth;
import org.stdsearch.search.IndexStats;
import org.stdsearch.search.IndexingStatus;

/**
 * {@code GET /api/v1/stats}: size and freshness of the index, the indexing pass under way, and
 * whether changes can be written.
 */
final class StatsHandler implements HttpHandler {
  private final Backend backend;

  StatsHandler(Backend backend) {
    this.backend = backend;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) {
    IndexingStatus indexing = backend.indexing();
    IndexHealth health = backend.health();
    Stats stats = new Stats(backend.service().stats(), indexing, Writing.of(health));
    if (indexing != null || health.degraded()) {
      JsonResponses.sendUncached(ex, 200, stats); // changes by the second
    } else {
      JsonResponses.send(ex, stats);
    }
  }

  /** The index's statistics plus {@code indexing} while a pass runs, and the writing state. */
  record Stats(@JsonUnwrapped IndexStats stats, IndexingStatus indexing, Writing writing) {}

  /**
   * Whether changes are indexed: {@code ok}, {@code degraded} (with the reason; searches answer
   * over the last searchable state) or {@code read-only}.
   */
  record Writing(String state, String reason, String since) {
    static Writing of(IndexHealth h) {
      return new Writing(h.state().id(), h.reason(), h.state() == IndexHealth.State.OK ? null : h.since().toString());
    }
  }
}

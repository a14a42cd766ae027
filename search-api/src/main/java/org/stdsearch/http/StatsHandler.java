package org.stdsearch.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.stdsearch.search.Backend;
import org.stdsearch.search.IndexHealth;
import org.stdsearch.search.IndexStats;

/** {@code GET /api/v1/stats}: size and freshness of the index, and whether it can be written. */
final class StatsHandler implements HttpHandler {
  private final Backend backend;

  StatsHandler(Backend backend) {
    this.backend = backend;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) {
    JsonResponses.sendUncached(ex, 200, new Stats(backend.service().stats(), Writing.of(backend.health())));
  }

  /** The index's statistics with its writing state beside them. */
  record Stats(@JsonUnwrapped IndexStats index, Writing writing) {}

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

package org.stdsearch.http.admin;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.stdsearch.search.Backend;
import org.stdsearch.http.JsonResponses;

/** {@code POST /api/v1/admin/reindex}: starts an incremental pass in the background (202). */
public final class ReindexHandler implements HttpHandler {
  private final Backend backend;

  public ReindexHandler(Backend backend) {
    this.backend = backend;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) {
    backend.service(); // 503 before the index is open
    boolean started = backend.reindex();
    JsonResponses.sendUncached(ex, 202, new Reindex(started ? "started" : "already_running"));
  }

  record Reindex(String status) {}
}

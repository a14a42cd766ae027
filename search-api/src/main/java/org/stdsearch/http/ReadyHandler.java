package org.stdsearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.stdsearch.search.Backend;
import org.stdsearch.search.IndexNotReadyException;

/** {@code GET /ready}: 200 once the index is open and searchable, 503 before (a load balancer waits). */
final class ReadyHandler implements HttpHandler {
  private final Backend backend;

  ReadyHandler(Backend backend) {
    this.backend = backend;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) {
    if (!backend.ready()) {
      throw new IndexNotReadyException("index not open yet");
    }
    JsonResponses.sendUncached(ex, 200, new HealthHandler.Status("ready"));
  }
}

package org.stdsearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** {@code GET /health}: liveness; the process answers, whatever the index is doing. */
final class HealthHandler implements HttpHandler {
  @Override
  public void handleRequest(HttpServerExchange ex) {
    JsonResponses.sendUncached(ex, 200, new Status("up"));
  }

  record Status(String status) {}
}

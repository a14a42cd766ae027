package org.stdsearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stdsearch.search.Backend;
import org.stdsearch.search.IndexHealth;
import org.stdsearch.search.IndexNotReadyException;

/**
 * {@code GET /ready}: 200 once the index is open and changes are indexed as they come; 503 before,
 * and while the index cannot be written (a full disk): searches still answer then, but over an
 * index that no longer follows the folder, so a load balancer should prefer another instance.
 * Answered on the IO thread.
 */
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
    IndexHealth health = backend.health();
    if (health.degraded()) {
      Map<String, Object> extensions = new LinkedHashMap<>();
      extensions.put("index_state", health.state().id());
      extensions.put("since", health.since().toString());
      throw new ProblemException(503, "index-degraded", "Index degraded",
          "searches answer, but changes are not indexed: " + health.reason(),
          Map.of(Headers.RETRY_AFTER_STRING, "30"), extensions);
    }
    JsonResponses.sendUncached(ex, 200, new Ready("ready", backend.indexing()));
  }

  /** Ready, and the indexing pass under way if any: searches answer from what is indexed so far. */
  record Ready(String status, org.stdsearch.search.IndexingStatus indexing) {}
}

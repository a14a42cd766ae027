package org.stdsearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import org.stdsearch.search.Backend;

/** {@code GET /api/v1/standards/{id}}: everything about one standard. */
final class StandardHandler implements HttpHandler {
  static final List<String> LANGS = List.of("zh", "en");
  private final Backend backend;

  StandardHandler(Backend backend) {
    this.backend = backend;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) {
    Params p = Params.of(ex);
    String id = p.path("id");
    String lang = p.oneOf("lang", "zh", LANGS);
    JsonResponses.send(ex, backend.service().standard(id, lang));
  }
}

package org.stdsearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.stdsearch.search.Backend;
import org.stdsearch.search.BadParameterException;

/** {@code GET /api/v1/standards/{id}/text?page=N}: extracted text of one page, or all of it. */
final class TextHandler implements HttpHandler {
  private final Backend backend;

  TextHandler(Backend backend) {
    this.backend = backend;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) {
    Params p = Params.of(ex);
    String id = p.path("id");
    Integer page = p.integer("page");
    if (page != null && page < 1) {
      throw new BadParameterException("page", "must be at least 1");
    }
    JsonResponses.send(ex, new PageText(id, page, backend.service().text(id, page)));
  }

  /** The response: {@code page} is absent when the whole text was asked for. */
  record PageText(String id, Integer page, String text) {}
}

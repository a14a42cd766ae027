package org.stdsearch.http.admin;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import org.stdsearch.search.Backend;
import org.stdsearch.http.Params;

/** {@code DELETE /api/v1/admin/standards/{id}}: removes the standard and its file (204; 404 when unknown). */
public final class DeleteHandler implements HttpHandler {
  private final Backend backend;

  public DeleteHandler(Backend backend) {
    this.backend = backend;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) throws Exception {
    backend.delete(Params.of(ex).path("id"));
    ex.setStatusCode(StatusCodes.NO_CONTENT);
    ex.endExchange();
  }
}

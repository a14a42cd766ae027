package org.stdsearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.stdsearch.search.Backend;
import org.stdsearch.search.Suggestion;

/**
 * {@code GET /api/v1/suggest/opensearch?q=}: suggestions for a browser's address bar, in the
 * OpenSearch Suggestions format ({@code application/x-suggestions+json}):
 * {@code ["q", [completions], [descriptions], [urls]]}. Browsers send whatever the user typed, so
 * an empty or over-long prefix is answered with no suggestions rather than a problem document.
 */
final class OpenSearchSuggestHandler implements HttpHandler {
  static final String TYPE = "application/x-suggestions+json; charset=UTF-8";
  static final int SIZE = 8;
  private final Backend backend;

  OpenSearchSuggestHandler(Backend backend) {
    this.backend = backend;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) throws Exception {
    String q = Params.of(ex).string("q");
    List<String> texts = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    if (q != null && q.length() <= SuggestHandler.MAX_PREFIX) {
      String base = OpenSearchDescriptionHandler.baseUrl(ex);
      for (Suggestion s : backend.service().suggest(q, SIZE)) {
        if (texts.contains(s.text())) {
          continue;
        }
        texts.add(s.text());
        kinds.add(s.type());
        // An identifier opens its standard; anything else runs as a query.
        urls.add(base + (s.id() != null && "identifier".equals(s.type())
            ? "/?id=" + OpenSearchDescriptionHandler.encode(s.id())
            : "/?q=" + OpenSearchDescriptionHandler.encode(s.text())));
      }
    }
    byte[] body = Json.mapper().writeValueAsBytes(List.of(q == null ? "" : q, texts, kinds, urls));
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, TYPE);
    ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "public, max-age=60");
    ex.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
    ex.getResponseSender().send(ByteBuffer.wrap(body));
  }
}

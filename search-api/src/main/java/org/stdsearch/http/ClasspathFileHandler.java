package org.stdsearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.ETag;
import io.undertow.util.ETagUtils;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.stdsearch.http.filter.SecurityHeadersHandler;

/**
 * One file shipped in the jar ({@code /} → the search page, {@code /openapi.yaml} → the API
 * description), read once at start-up, sent with an ETag of its content.
 */
final class ClasspathFileHandler implements HttpHandler {
  private final byte[] bytes;
  private final String contentType;
  private final ETag etag;
  private final boolean html;

  ClasspathFileHandler(String resource, String contentType) {
    try (InputStream in = ClasspathFileHandler.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      this.bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.contentType = contentType;
    this.etag = new ETag(false, JsonResponses.digest(bytes));
    this.html = contentType.startsWith("text/html");
  }

  @Override
  public void handleRequest(HttpServerExchange ex) {
    if (html) {
      ex.getResponseHeaders().put(SecurityHeadersHandler.CSP, SecurityHeadersHandler.HTML_POLICY);
      ex.getResponseHeaders().put(SecurityHeadersHandler.FRAME_OPTIONS, "SAMEORIGIN");
    }
    ex.getResponseHeaders().put(Headers.ETAG, etag.toString());
    ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "public, max-age=60");
    ex.getResponseHeaders().add(Headers.VARY, "Accept-Encoding");
    if (!ETagUtils.handleIfNoneMatch(ex, etag, false)) {
      ex.setStatusCode(StatusCodes.NOT_MODIFIED);
      ex.endExchange();
      return;
    }
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
    ex.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
    ex.getResponseSender().send(ByteBuffer.wrap(bytes));
  }
}

package org.stdsearch.http.filter;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.util.List;

/**
 * Cross-origin access for the search widget embedded on other sites. The API is anonymous and uses
 * no cookies, so {@code *} is safe for reads; a list of origins narrows it. Preflight requests are
 * answered here and never reach the routes.
 */
public final class CorsHandler implements HttpHandler {
  static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
  static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
  static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
  static final HttpString EXPOSE_HEADERS = new HttpString("Access-Control-Expose-Headers");
  static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
  static final HttpString REQUEST_METHOD = new HttpString("Access-Control-Request-Method");

  private final List<String> origins;
  private final HttpHandler next;

  public CorsHandler(List<String> origins, HttpHandler next) {
    this.origins = List.copyOf(origins);
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) throws Exception {
    String origin = ex.getRequestHeaders().getFirst(Headers.ORIGIN);
    boolean anyOrigin = origins.contains("*");
    // With "*" every response carries the header, with or without an Origin: a browser that cached
    // /widget.js from a plain <script src> can reuse it for a module load, which needs CORS. With a
    // list, the answer depends on the Origin, so caches must key on it (Vary) either way.
    String allowed = anyOrigin ? "*" : origin == null ? null : allowedOrigin(origin);
    if (!anyOrigin) {
      ex.getResponseHeaders().add(Headers.VARY, "Origin");
    }
    if (allowed != null) {
      ex.getResponseHeaders().put(ALLOW_ORIGIN, allowed);
      ex.getResponseHeaders().put(EXPOSE_HEADERS, "ETag, Retry-After, Content-Disposition, Content-Range, Accept-Ranges");
    }
    boolean preflight = ex.getRequestMethod().equals(Methods.OPTIONS) && origin != null
        && ex.getRequestHeaders().contains(REQUEST_METHOD);
    if (preflight) {
      if (allowed != null) {
        ex.getResponseHeaders().put(ALLOW_METHODS, "GET, HEAD, POST, DELETE, OPTIONS");
        ex.getResponseHeaders().put(ALLOW_HEADERS, "Authorization, Content-Type, If-None-Match, Range");
        ex.getResponseHeaders().put(MAX_AGE, "600");
      }
      ex.setStatusCode(StatusCodes.NO_CONTENT);
      ex.endExchange();
      return;
    }
    next.handleRequest(ex);
  }

  private String allowedOrigin(String origin) {
    if (origins.contains("*")) {
      return "*";
    }
    return origins.contains(origin) ? origin : null;
  }
}

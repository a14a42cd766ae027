package org.stdsearch.http.filter;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

/**
 * Safe defaults on every response; a route serving HTML or documents replaces the policy it needs
 * ({@link #HTML_POLICY} for the search page, none or a sandbox for the original files).
 */
public final class SecurityHeadersHandler implements HttpHandler {
  public static final HttpString CSP = new HttpString("Content-Security-Policy");
  public static final HttpString FRAME_OPTIONS = new HttpString("X-Frame-Options");
  private static final HttpString CONTENT_TYPE_OPTIONS = new HttpString("X-Content-Type-Options");
  private static final HttpString REFERRER_POLICY = new HttpString("Referrer-Policy");
  /** JSON is data: nothing in it may load or be framed. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
  /** The search page: own scripts and styles only, not framed by others. */
  public static final String HTML_POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'";

  private final HttpHandler next;

  public SecurityHeadersHandler(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) throws Exception {
    var h = ex.getResponseHeaders();
    h.put(CONTENT_TYPE_OPTIONS, "nosniff");
    h.put(REFERRER_POLICY, "strict-origin-when-cross-origin");
    h.put(FRAME_OPTIONS, "DENY");
    h.put(CSP, API_POLICY);
    next.handleRequest(ex);
  }
}

package org.stdsearch.http.filter;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.util.function.Function;
import org.stdsearch.http.ProblemException;

/**
 * Cross-origin access, decided per route by the route table: the widget's scripts may be loaded
 * by any page; the index routes (search, suggest, ...) only by the portals configured in
 * {@code cors.origins}; the documents ({@code /content}, {@code /text}) only by the origins in
 * {@code cors.content.origins}. By default no other origin reads anything (issue 19: with
 * {@code *} on every response, any web page a user visited could fetch the original files from
 * a server on their own machine). Preflights are answered here and never reach the routes; a
 * Private Network Access preflight (a public page asking for a private or loopback address) is
 * granted only to an allowed origin.
 */
public final class CorsHandler implements HttpHandler {
  static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
  static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
  static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
  static final HttpString EXPOSE_HEADERS = new HttpString("Access-Control-Expose-Headers");
  static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
  static final HttpString REQUEST_METHOD = new HttpString("Access-Control-Request-Method");
  static final HttpString REQUEST_PRIVATE_NETWORK = new HttpString("Access-Control-Request-Private-Network");
  static final HttpString ALLOW_PRIVATE_NETWORK = new HttpString("Access-Control-Allow-Private-Network");
  static final HttpString RESOURCE_POLICY = new HttpString("Cross-Origin-Resource-Policy");

  /** What CORS needs to know of the route a request goes to. */
  public record Rule(CorsPolicy policy, String methods) {}

  private final Function<HttpServerExchange, Rule> rules;
  private final HttpHandler next;

  /** @param rules the rule of the route a request matches, or null when no route matches */
  public CorsHandler(Function<HttpServerExchange, Rule> rules, HttpHandler next) {
    this.rules = rules;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) throws Exception {
    Rule rule = rules.apply(ex);
    if (rule == null) {
      next.handleRequest(ex);
      return;
    }
    CorsPolicy policy = rule.policy();
    String origin = ex.getRequestHeaders().getFirst(Headers.ORIGIN);
    // With "*" every response carries the header, with or without an Origin: a browser that cached
    // /widget.js from a plain <script src> can reuse it for a module load, which needs CORS. With a
    // list, the answer depends on the Origin, so caches must key on it (Vary) either way.
    String allowed = policy.allow(origin);
    var headers = ex.getResponseHeaders();
    if (!policy.any()) {
      headers.add(Headers.VARY, "Origin");
    }
    // Embedding by a no-cors request (<img>, <script>, <object>) follows the same rule.
    headers.put(RESOURCE_POLICY, policy.none() ? "same-origin" : "cross-origin");
    if (allowed != null) {
      headers.put(ALLOW_ORIGIN, allowed);
      headers.put(EXPOSE_HEADERS, "ETag, Retry-After, Content-Disposition, Content-Range, Accept-Ranges");
    }
    boolean preflight = ex.getRequestMethod().equals(Methods.OPTIONS) && origin != null
        && ex.getRequestHeaders().contains(REQUEST_METHOD);
    if (!preflight) {
      next.handleRequest(ex);
      return;
    }
    if (allowed == null) {
      throw new ProblemException(403, "origin-not-allowed", "Origin not allowed",
          "pages of this origin may not read this resource");
    }
    headers.put(ALLOW_METHODS, rule.methods());
    headers.put(ALLOW_HEADERS, "Authorization, Content-Type, If-None-Match, Range");
    headers.put(MAX_AGE, "600");
    if ("true".equalsIgnoreCase(ex.getRequestHeaders().getFirst(REQUEST_PRIVATE_NETWORK))) {
      // Private Network Access: the page is public, this server private or on loopback. The
      // grant names the origin, never "*".
      headers.put(ALLOW_ORIGIN, origin);
      headers.put(ALLOW_PRIVATE_NETWORK, "true");
      headers.add(Headers.VARY, "Origin");
    }
    ex.setStatusCode(StatusCodes.NO_CONTENT);
    ex.endExchange();
  }
}

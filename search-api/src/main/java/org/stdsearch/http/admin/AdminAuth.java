package org.stdsearch.http.admin;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.stdsearch.http.ProblemException;

/** Lets a request through only with {@code Authorization: Bearer <admin token>}; else 401. */
public final class AdminAuth implements HttpHandler {
  private final byte[] expected;
  private final HttpHandler next;

  public AdminAuth(String token, HttpHandler next) {
    this.expected = digest(token);
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) throws Exception {
    String header = ex.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
    // Compare digests in constant time: neither the token's content nor its length leaks through timing.
    if (!MessageDigest.isEqual(expected, digest(given))) {
      throw new ProblemException(401, "unauthorized", "Unauthorized", "a valid admin bearer token is required",
          Map.of(Headers.WWW_AUTHENTICATE_STRING, "Bearer realm=\"stdsearch-admin\""), Map.of());
    }
    next.handleRequest(ex);
  }

  private static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

package org.stdsearch.http;

import io.undertow.io.AsyncSenderImpl;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.ETag;
import io.undertow.util.ETagUtils;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/** Writes a response record as JSON, with a weak ETag of the body and a short cache lifetime. */
public final class JsonResponses {
  public static final String JSON = "application/json; charset=UTF-8";
  /** Short: the index changes under the folder watcher; 304s still save the body transfer. */
  static final String CACHEABLE = "public, max-age=10";

  private JsonResponses() {}

  /** GET answers: cacheable, revalidated with If-None-Match. */
  public static void send(HttpServerExchange ex, Object body) {
    send(ex, StatusCodes.OK, body, true);
  }

  /** Answers that must not be cached (admin, readiness). */
  public static void sendUncached(HttpServerExchange ex, int status, Object body) {
    send(ex, status, body, false);
  }

  private static void send(HttpServerExchange ex, int status, Object body, boolean cacheable) {
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(body);
    } catch (Exception e) {
      throw new IllegalStateException("response not serialisable: " + body.getClass().getSimpleName(), e);
    }
    ex.getResponseHeaders().add(Headers.VARY, "Accept-Encoding");
    if (cacheable) {
      // Weak: the same JSON may be sent gzipped or not; the entity is equivalent, not byte-equal.
      ETag etag = new ETag(true, checksum(bytes));
      ex.getResponseHeaders().put(Headers.ETAG, etag.toString());
      ex.getResponseHeaders().put(Headers.CACHE_CONTROL, CACHEABLE);
      if (!ETagUtils.handleIfNoneMatch(ex, etag, true)) {
        ex.setStatusCode(StatusCodes.NOT_MODIFIED);
        ex.endExchange();
        return;
      }
    } else {
      ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    }
    ex.setStatusCode(status);
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
    ex.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
    // Written by the connection's I/O thread, which then ends the exchange: ended on a worker
    // thread, Undertow hands the connection back to its I/O thread in a state that thread waits
    // for by spinning when the client's next request has already arrived, a fifth of the server's
    // CPU under load (docs/benchmarks.md). Not blocking: a slow client leaves the rest to a write
    // listener.
    ex.dispatch(ex.getIoThread(), () -> new AsyncSenderImpl(ex).send(ByteBuffer.wrap(bytes)));
  }

  /**
   * A weak validator of an answer: two checksums of different polynomials and the length, 96 bits.
   * An answer that changes under the same address gets another tag but for a chance of about one
   * in 2^64; no one chooses what an answer holds in order to collide, so a digest made against
   * collisions (which cost a few percent of a search's CPU here) buys nothing a checksum does not.
   */
  static String checksum(byte[] bytes) {
    CRC32C c = new CRC32C();
    c.update(bytes);
    CRC32 d = new CRC32();
    d.update(bytes);
    byte[] tag = ByteBuffer.allocate(12).putInt((int) c.getValue()).putInt((int) d.getValue()).putInt(bytes.length)
        .array();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
  }

  /** A strong validator of fixed content (files served as they are). */
  static String digest(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

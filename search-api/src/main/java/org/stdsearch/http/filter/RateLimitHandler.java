package org.stdsearch.http.filter;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.stdsearch.http.ProblemException;

/**
 * A token bucket per client address: {@code burst} requests at once, refilled at {@code perSecond}.
 * Beyond it 429 with {@code Retry-After}. Loopback clients are exempt unless configured otherwise
 * (the local CLI and a reverse proxy on the same host; behind a proxy, limit there instead, since
 * every request then comes from its address).
 */
public final class RateLimitHandler implements HttpHandler {
  /** Bounds memory against address scans: idle full buckets are dropped beyond this many clients. */
  private static final int MAX_CLIENTS = 100_000;

  private final double perSecond;
  private final int burst;
  private final boolean limitLoopback;
  private final HttpHandler next;
  private final Map<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimitHandler(double perSecond, int burst, boolean limitLoopback, HttpHandler next) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.limitLoopback = limitLoopback;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) throws Exception {
    InetSocketAddress peer = ex.getSourceAddress();
    InetAddress address = peer == null ? null : peer.getAddress();
    if (perSecond > 0 && address != null && (limitLoopback || !address.isLoopbackAddress())) {
      if (buckets.size() > MAX_CLIENTS) {
        long now = System.nanoTime();
        buckets.values().removeIf(b -> b.isFullAt(now));
      }
      long waitSeconds = buckets.computeIfAbsent(address, a -> new Bucket(burst)).take(perSecond, burst);
      if (waitSeconds > 0) {
        throw new ProblemException(429, "rate-limited", "Too many requests",
            "request rate limit exceeded; retry after " + waitSeconds + " s",
            Map.of(Headers.RETRY_AFTER_STRING, String.valueOf(waitSeconds)), Map.of());
      }
    }
    next.handleRequest(ex);
  }

  /** Tokens of one client. */
  private final class Bucket {
    private double tokens;
    private long updated = System.nanoTime();

    Bucket(int burst) {
      this.tokens = burst;
    }

    /** Takes one token; 0 when granted, else the seconds until one is available. */
    synchronized long take(double rate, int capacity) {
      long now = System.nanoTime();
      tokens = Math.min(capacity, tokens + (now - updated) / 1e9 * rate);
      updated = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / rate));
    }

    synchronized boolean isFullAt(long now) {
      return tokens + (now - updated) / 1e9 * perSecond >= burst;
    }
  }
}

package org.stdsearch.http.filter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-route request counts and latency histograms, and an error counter. Every tag comes from a
 * bounded set, so the number of series stays bounded whatever clients send: routes by their
 * template ({@code /api/v1/standards/{id}}), never the raw path; methods by name when HTTP
 * defines them, else {@code OTHER} (invented method names would otherwise grow the series
 * without limit); statuses are the server's own.
 */
public final class RequestMetrics implements HttpHandler {
  private final MeterRegistry registry;
  private final HttpHandler next;
  private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

  public RequestMetrics(MeterRegistry registry, HttpHandler next) {
    this.registry = registry;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) throws Exception {
    long start = System.nanoTime();
    ex.addExchangeCompleteListener((exchange, nextListener) -> {
      try {
        record(exchange, System.nanoTime() - start);
      } finally {
        nextListener.proceed();
      }
    });
    next.handleRequest(ex);
  }

  /** The methods of RFC 9110 and PATCH; anything else a client invents is one label. */
  static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE",
      "PATCH");

  static String method(HttpServerExchange ex) {
    String m = ex.getRequestMethod().toString();
    return METHODS.contains(m) ? m : "OTHER";
  }

  /** A series' tags: all from bounded sets, so the timers held for them are bounded too. */
  private record Series(String route, String method, String status) {}

  private void record(HttpServerExchange ex, long nanos) {
    PathTemplateMatch match = ex.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
    String route = match == null ? "unmatched" : match.getMatchedTemplate();
    String status = String.valueOf(ex.getStatusCode());
    // Found by its tags without building and sorting them as the registry's own look-up does
    Timer timer = timers.computeIfAbsent(new Series(route, method(ex), status), s -> Timer.builder("http.server.requests")
        .description("HTTP requests by route, method and status")
        .tags("route", s.route(), "method", s.method(), "status", s.status())
        .publishPercentileHistogram()
        .register(registry));
    timer.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    if (ex.getStatusCode() >= 400) {
      Counter.builder("http.server.errors")
          .description("Responses with an error status")
          .tags("route", route, "status", status)
          .register(registry)
          .increment();
    }
  }
}

package org.stdsearch.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.predicate.Predicate;
import io.undertow.predicate.Predicates;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.server.handlers.accesslog.AccessLogHandler;
import io.undertow.server.handlers.encoding.ContentEncodingRepository;
import io.undertow.server.handlers.encoding.EncodingHandler;
import io.undertow.server.handlers.encoding.GzipEncodingProvider;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.http.filter.CorsHandler;
import org.stdsearch.http.filter.RateLimitHandler;
import org.stdsearch.http.filter.RequestMetrics;
import org.stdsearch.http.filter.SecurityHeadersHandler;
import org.stdsearch.search.Backend;

/**
 * The Undertow server built from a {@link ServerConfig} and the {@link Routes}: {@code serve} and
 * the tests start it the same way (tests with port 0, reading the bound port back).
 *
 * <p>Filters, outermost first: graceful shutdown → metrics → (access log) → blocking dispatch to a
 * worker thread (no search ever runs on an IO thread) → error mapping → security headers → CORS →
 * rate limit → gzip → routes. Error mapping sits inside the dispatch so that exceptions thrown on
 * the worker reach it.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
  /** Request line plus headers: long enough for any sane URL (q is capped at 1000 chars anyway). */
  static final int MAX_HEADER_BYTES = 16 * 1024;
  static final int MAX_PARAMETERS = 200;
  static final int MAX_HEADERS = 100;
  /** Default body limit; the upload route raises it for its own exchange. */
  static final long MAX_ENTITY_BYTES = 1024 * 1024;
  /** Small JSON answers are not worth compressing. */
  static final long GZIP_MIN_BYTES = 1024;

  private final Undertow undertow;
  private final GracefulShutdownHandler graceful;
  private final PrometheusMeterRegistry registry;
  private final ServerConfig config;

  private HttpServer(ServerConfig config, Undertow undertow, GracefulShutdownHandler graceful,
      PrometheusMeterRegistry registry) {
    this.config = config;
    this.undertow = undertow;
    this.graceful = graceful;
    this.registry = registry;
  }

  /** Builds and starts the server; it answers at once (503 on index routes until the backend is ready). */
  public static HttpServer start(ServerConfig config, Backend backend) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Gauge.builder("stdsearch.index.size", backend, Backend::indexBytes)
        .description("Bytes on disk of the index").baseUnit("bytes").register(registry);
    Routes routes = new Routes(config, backend, registry);

    Predicate compressible = Predicates.and(Predicates.maxContentSize(GZIP_MIN_BYTES),
        ex -> !ex.getResponseHeaders().contains(Headers.ACCEPT_RANGES)
            && !ex.getResponseHeaders().contains(Headers.CONTENT_RANGE));
    HttpHandler handler = new EncodingHandler(routes.routing(),
        new ContentEncodingRepository().addEncodingHandler("gzip", new GzipEncodingProvider(), 50, compressible));
    handler = new RateLimitHandler(config.rateLimit(), config.rateBurst(), config.rateLimitLoopback(), handler);
    handler = new CorsHandler(config.corsOrigins(), handler);
    handler = new SecurityHeadersHandler(handler);
    handler = ErrorMapper.wrap(handler);
    handler = new BlockingHandler(handler);
    if (config.accessLog()) {
      Logger access = LoggerFactory.getLogger("org.stdsearch.http.access");
      handler = new AccessLogHandler(handler, access::info, "combined", HttpServer.class.getClassLoader());
    }
    handler = new RequestMetrics(registry, handler);
    GracefulShutdownHandler graceful = new GracefulShutdownHandler(handler);

    Undertow undertow = Undertow.builder()
        .addHttpListener(config.port(), config.host())
        .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
        .setServerOption(UndertowOptions.MAX_PARAMETERS, MAX_PARAMETERS)
        .setServerOption(UndertowOptions.MAX_HEADERS, MAX_HEADERS)
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, MAX_ENTITY_BYTES)
        .setServerOption(UndertowOptions.MULTIPART_MAX_ENTITY_SIZE, MAX_ENTITY_BYTES)
        .setServerOption(UndertowOptions.RECORD_REQUEST_START_TIME, false)
        .setHandler(graceful)
        .build();
    undertow.start();
    return new HttpServer(config, undertow, graceful, registry);
  }

  /** The bound port (the real one when configured with 0). */
  public int port() {
    return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  public URI uri() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create("http://" + host + ":" + port() + "/");
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Stops taking requests, lets in-flight ones finish (up to {@code grace}), then stops. */
  public void stop(Duration grace) {
    graceful.shutdown();
    try {
      if (!graceful.awaitShutdown(grace.toMillis())) {
        log.warn("requests still running after {} s; stopping anyway", grace.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    undertow.stop();
    registry.close();
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }
}

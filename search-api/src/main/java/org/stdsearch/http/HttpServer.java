package org.stdsearch.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.predicate.Predicate;
import io.undertow.predicate.Predicates;
import io.undertow.server.HttpHandler;
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
import org.stdsearch.http.filter.BodyGuard;
import org.stdsearch.http.filter.CorsHandler;
import org.stdsearch.http.filter.RateLimitHandler;
import org.stdsearch.http.filter.RequestLimits;
import org.stdsearch.http.filter.RequestMetrics;
import org.stdsearch.http.filter.SecurityHeadersHandler;
import org.stdsearch.http.filter.TrustedProxyHandler;
import org.stdsearch.search.Backend;
import org.xnio.Options;

/**
 * The Undertow server built from a {@link ServerConfig} and the {@link Routes}: {@code serve} and
 * the tests start it the same way (tests with port 0, reading the bound port back).
 *
 * <p>Filters, outermost first, all on the IO thread: graceful shutdown → metrics → trusted
 * proxies' forwarded headers → (access log) → error mapping → security headers → request limits →
 * body guard → CORS → rate limit → gzip → routes. The route table decides where each handler runs
 * (see {@link Routes}): liveness on the IO thread, searches through {@link SearchAdmission}, the
 * rest on a worker. No handler ever blocks a thread on a client: bodies are read asynchronously, a
 * body nobody reads is never waited for, and every connection has parse, read, write and idle
 * timeouts (issue 19: sixteen connections declaring a body they never sent had held all sixteen
 * workers).
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
  /** Default body limit; the upload route raises it for its own exchange. */
  static final long MAX_ENTITY_BYTES = 1024 * 1024;
  /** Small JSON answers are not worth compressing. */
  static final long GZIP_MIN_BYTES = 1024;

  private final Undertow undertow;
  private final GracefulShutdownHandler graceful;
  private final PrometheusMeterRegistry registry;
  private final ServerConfig config;
  private final SearchAdmission searches;

  private HttpServer(ServerConfig config, Undertow undertow, GracefulShutdownHandler graceful,
      PrometheusMeterRegistry registry, SearchAdmission searches) {
    this.config = config;
    this.undertow = undertow;
    this.graceful = graceful;
    this.registry = registry;
    this.searches = searches;
  }

  /** Builds and starts the server; it answers at once (503 on index routes until the backend is ready). */
  public static HttpServer start(ServerConfig config, Backend backend) {
    return start(config, backend, HttpLimits.defaults());
  }

  /** As {@link #start(ServerConfig, Backend)} with other connection limits (tests of stalled clients). */
  public static HttpServer start(ServerConfig config, Backend backend, HttpLimits limits) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Gauge.builder("stdsearch.index.size", backend, Backend::indexBytes)
        .description("Bytes on disk of the index").baseUnit("bytes").register(registry);
    Gauge.builder("stdsearch.index.degraded", backend, b -> b.health().degraded() ? 1 : 0)
        .description("1 while the index cannot be written (changes wait), else 0").register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    SearchAdmission searches = new SearchAdmission(config.searchLimits(), registry);
    Routes routes = new Routes(config, backend, registry, searches);

    Predicate compressible = Predicates.and(Predicates.maxContentSize(GZIP_MIN_BYTES),
        ex -> !ex.getResponseHeaders().contains(Headers.ACCEPT_RANGES)
            && !ex.getResponseHeaders().contains(Headers.CONTENT_RANGE));
    HttpHandler handler = new EncodingHandler(routes.routing(),
        new ContentEncodingRepository().addEncodingHandler("gzip", new GzipEncodingProvider(), 50, compressible));
    handler = new RateLimitHandler(config.rateLimit(), config.rateBurst(), config.rateLimitLoopback(), handler);
    handler = new CorsHandler(routes::cors, handler);
    handler = new BodyGuard(routes::takesBody, handler);
    handler = new RequestLimits(limits.maxQueryChars(), limits.maxHeaderBytes(), limits.maxParameters(),
        limits.maxHeaders(), handler);
    handler = new SecurityHeadersHandler(handler);
    handler = ErrorMapper.wrap(handler);
    if (config.accessLog()) {
      Logger access = LoggerFactory.getLogger("org.stdsearch.http.access");
      handler = new AccessLogHandler(handler, access::info, "combined", HttpServer.class.getClassLoader());
    }
    // Outside the access log and the rate limit: both see the client, not the proxy.
    handler = TrustedProxyHandler.wrap(config.trustedProxies(), handler);
    handler = new RequestMetrics(registry, handler);
    GracefulShutdownHandler graceful = new GracefulShutdownHandler(handler);

    int ceiling = HttpLimits.PARSER_CEILING_FACTOR;
    Undertow undertow = Undertow.builder()
        .addHttpListener(config.port(), config.host())
        // Undertow's own parser limits sit above ours, so that RequestLimits can answer a
        // problem document; beyond them Undertow refuses with a bare 400.
        .setServerOption(UndertowOptions.MAX_HEADER_SIZE, ceiling * Math.max(limits.maxHeaderBytes(), limits.maxQueryChars()))
        .setServerOption(UndertowOptions.MAX_PARAMETERS, ceiling * limits.maxParameters())
        .setServerOption(UndertowOptions.MAX_HEADERS, ceiling * limits.maxHeaders())
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, MAX_ENTITY_BYTES)
        .setServerOption(UndertowOptions.MULTIPART_MAX_ENTITY_SIZE, MAX_ENTITY_BYTES)
        .setServerOption(UndertowOptions.RECORD_REQUEST_START_TIME, false)
        .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, limits.millis(limits.requestParse()))
        .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, limits.millis(limits.noRequest()))
        .setServerOption(UndertowOptions.IDLE_TIMEOUT, limits.millis(limits.idle()))
        .setSocketOption(Options.READ_TIMEOUT, limits.millis(limits.read()))
        .setSocketOption(Options.WRITE_TIMEOUT, limits.millis(limits.write()))
        .setHandler(graceful)
        .build();
    undertow.start();
    return new HttpServer(config, undertow, graceful, registry, searches);
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
    searches.refuseQueued();
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

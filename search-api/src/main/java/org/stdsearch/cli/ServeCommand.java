package org.stdsearch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.http.HttpServer;
import org.stdsearch.http.ServerConfig;
import org.stdsearch.search.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve}: the HTTP API over a folder of documents, kept up to date while it runs. The server
 * answers at once (503 on search until the index is open), indexes in the background, then watches
 * the folder. SIGTERM / Ctrl-C finish in-flight requests, then close the index cleanly.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the search API (and page) over a folder of standards, indexing it in the background and",
      "watching it for new, changed and removed files.",
      "Configuration: flags > environment (STDSEARCH_PORT, STDSEARCH_HOST, STDSEARCH_DOCS, STDSEARCH_INDEX,",
      "STDSEARCH_WORKERS, STDSEARCH_ADMIN_TOKEN, STDSEARCH_CORS_ORIGINS, STDSEARCH_RATE_LIMIT, ...) >",
      "the properties file (stdsearch.properties in the working directory, or --config) > defaults."
    })
final class ServeCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
  static final Duration GRACE = Duration.ofSeconds(20);

  @Option(names = "--docs", paramLabel = "DIR", description = "Folder of documents (default: corpus/standards).")
  Path docs;

  @Option(names = "--index", paramLabel = "DIR", description = "Index folder, created when missing (default: data/index).")
  Path index;

  @Option(names = "--port", paramLabel = "N", description = "TCP port (default: 8080; 0 picks a free one).")
  Integer port;

  @Option(names = "--host", paramLabel = "ADDR", description = "Address to bind (default: 127.0.0.1; 0.0.0.0 for all).")
  String host;

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default: ./stdsearch.properties when present).")
  Path config;

  @Option(names = "--workers", paramLabel = "N", description = "Extraction workers for indexing (forked JVMs).")
  Integer workers;

  @Override
  public Integer call() throws Exception {
    ServerConfig cfg = ServerConfig.resolve(flags(), System.getenv(), config, Path.of("").toAbsolutePath());
    if (!Files.isDirectory(cfg.docs())) {
      throw new IllegalArgumentException("the docs folder " + cfg.docs() + " does not exist; give one with --docs DIR"
          + " (or " + ServerConfig.envName("docs") + ", or docs= in " + ServerConfig.DEFAULT_FILE + ")");
    }
    Backend live = Backends.serving(cfg);
    // The index opens while the HTTP server starts: both are mostly class loading, and on two
    // cores doing them side by side brought the first answer ~0.7 s closer (100,000 standards).
    // Until it is open the API answers 503 "not ready".
    CompletableFuture<Void> opened = CompletableFuture.runAsync(() -> {
      try {
        live.open();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    HttpServer server;
    try {
      server = HttpServer.start(cfg, live);
    } catch (RuntimeException e) {
      opened.exceptionally(t -> null).join();
      live.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("stopping: finishing requests in flight");
      server.stop(GRACE);
      live.close();
      stopped.countDown();
    }, "stdsearch-shutdown"));
    try {
      opened.join();
    } catch (CompletionException e) {
      server.stop(Duration.ZERO);
      live.close();
      throw e.getCause() instanceof UncheckedIOException io ? io.getCause()
          : e.getCause() instanceof Exception cause ? cause : e;
    }
    System.out.println("stdsearch serving " + cfg.docs() + " at " + server.uri() + " (API at " + server.uri()
        + "api/v1/, admin " + (cfg.adminEnabled() ? "enabled" : "off") + "); indexing in the background");
    live.start().whenComplete((summary, error) -> {
      if (error == null) {
        System.out.print(summary);
      }
    });
    stopped.await();
    return 0;
  }

  private Map<String, String> flags() {
    Map<String, String> f = new HashMap<>();
    if (docs != null) f.put("docs", docs.toString());
    if (index != null) f.put("index", index.toString());
    if (port != null) f.put("port", port.toString());
    if (host != null) f.put("host", host);
    if (workers != null) f.put("workers", workers.toString());
    return f;
  }
}

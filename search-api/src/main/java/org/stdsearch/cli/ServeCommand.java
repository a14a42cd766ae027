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
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.search.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
      "STDSEARCH_WORKERS, STDSEARCH_ADMIN_TOKEN, STDSEARCH_CORS_ORIGINS, STDSEARCH_RATE_LIMIT, STDSEARCH_BACKEND,",
      "STDSEARCH_OPENSEARCH_URL, ...) > the properties file (stdsearch.properties in the working directory, or",
      "--config) > defaults. With --backend opensearch several servers can answer from one cluster: one indexes,",
      "the others run with --no-indexing."
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

  @Option(names = "--workers", paramLabel = "N",
      description = "Parallel extraction workers, each a forked JVM (default: " + IndexerConfig.DEFAULT_WORKERS_TEXT + ").")
  Integer workers;

  @Option(names = "--read-only", description = {"Serve an index built elsewhere as it is: no indexing, no watching,",
      "no admin routes; the index folder may be read-only. Newer commits copied in are picked up."})
  Boolean readOnly;

  @Mixin
  BackendOptions backendOptions = new BackendOptions();

  @Option(names = "--no-indexing",
      description = "Answer from the OpenSearch index as it is; another server (or 'index') keeps it up to date.")
  boolean noIndexing;

  @Override
  public Integer call() throws Exception {
    Path cwd = Path.of("").toAbsolutePath();
    ServerConfig cfg = ServerConfig.resolve(flags(), System.getenv(), config, cwd);
    BackendConfig backend = BackendConfig.resolve(flags(), System.getenv(), config, cwd);
    if (!cfg.readOnly() && !Files.isDirectory(cfg.docs())) {
      throw new IllegalArgumentException("the docs folder " + cfg.docs() + " does not exist; give one with --docs DIR"
          + " (or " + ServerConfig.envName("docs") + ", or docs= in " + ServerConfig.DEFAULT_FILE + ")");
    }
    // Checked before anything is created: a busy port must not leave a new index folder behind.
    CommandChecks.requirePortFree(cfg.host(), cfg.port());
    if (!cfg.readOnly()) {
      CommandChecks.requireWritable(cfg.index());
    }
    Backend live = Backends.serving(cfg, backend);
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
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof java.io.IOException io) { // taken between the check and the start
        throw new IllegalArgumentException(CommandChecks.cannotListen(cfg.host(), cfg.port(), io), e);
      }
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
    boolean indexes = backend.indexing() && !cfg.readOnly();
    System.out.println("stdsearch serving " + (cfg.readOnly() && backend.isEmbedded() ? "the index " + cfg.index()
            : cfg.docs()) + " at " + server.uri() + " (API at " + server.uri() + "api/v1/, admin "
        + (cfg.adminEnabled() && !cfg.readOnly() ? "enabled" : "off") + ", index "
        + (backend.isEmbedded() ? "embedded" : "in OpenSearch '" + backend.cluster().index() + "'") + ")"
        + (indexes ? "; indexing in the background" : cfg.readOnly() ? "; read-only" : "; another process indexes"));
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
    if (readOnly != null) f.put("read.only", readOnly.toString());
    backendOptions.addTo(f);
    if (noIndexing) f.put("indexing", "false");
    return f;
  }
}

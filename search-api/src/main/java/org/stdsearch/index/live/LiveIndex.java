package org.stdsearch.index.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.search.Backend;
import org.stdsearch.http.ServerConfig;
import org.stdsearch.index.IndexReport;
import org.stdsearch.index.Indexer;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.search.IndexNotReadyException;
import org.stdsearch.search.SearchService;

/**
 * The index as {@code serve} runs it: one {@link IndexWriter} shared by the {@link Indexer} and a
 * near-real-time {@link SearcherManager}, an incremental pass in the background at start, then a
 * {@link FolderWatcher} so that files added, changed or removed show up in search within seconds.
 * Searches see new documents at the next refresh (every second), before they are committed;
 * commits are for durability.
 *
 * <p>Single-file changes (watcher, upload, delete) are serialised by one lock; the full pass runs
 * beside them (the writer is thread-safe and replacing by path makes a double update harmless).
 */
public final class LiveIndex implements Backend {
  private static final Logger log = LoggerFactory.getLogger(LiveIndex.class);
  static final String UPLOADS = "uploads";
  static final long REFRESH_MILLIS = 1000;

  /** Builds the search service over the live searcher ({@code LuceneSearchService::over}). */
  @FunctionalInterface
  public interface ServiceFactory {
    SearchService over(SearcherManager manager, Taxonomy taxonomy) throws IOException;
  }

  private final ServerConfig config;
  private final ServiceFactory factory;
  private final ReentrantLock fileLock = new ReentrantLock();
  private final AtomicBoolean passRunning = new AtomicBoolean();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("index-refresh"));
  private final ExecutorService passes = Executors.newSingleThreadExecutor(daemon("index-pass"));
  private Path docs;
  private Directory directory;
  private IndexWriter writer;
  private SearcherManager manager;
  private IndexerConfig indexerConfig;
  private Taxonomy taxonomy;
  private final Object indexerLock = new Object();
  /** Created on first use by the indexing thread: Tika's type registry is off the start-up path. */
  private Indexer indexer;
  private volatile SearchService service;
  private volatile FolderWatcher watcher;

  public LiveIndex(ServerConfig config, ServiceFactory factory) {
    this.config = config;
    this.factory = factory;
  }

  /** Opens (or creates) the index and the search service; from now on the server is ready. */
  public synchronized void open() throws IOException {
    if (!Files.isDirectory(config.docs())) {
      throw new IllegalArgumentException("the docs folder does not exist: " + config.docs());
    }
    docs = config.docs().toRealPath();
    Files.createDirectories(config.index());
    directory = FSDirectory.open(config.index());
    writer = Indexer.openWriter(directory);
    manager = new SearcherManager(writer, null);
    indexerConfig = IndexerConfig.of(docs, config.index()).withWorkers(config.workers())
        .withOcr(OcrOptions.defaults().withMode(OcrMode.fromId(config.ocrMode())).withLanguages(config.ocrLanguages())
            .withCacheDir(OcrOptions.cacheBesideIndex(config.index())));
    taxonomy = Taxonomy.loadOrBundled(indexerConfig.taxonomy());
    service = factory.over(manager, taxonomy);
    scheduler.scheduleWithFixedDelay(this::refreshQuietly, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Runs the first incremental pass in the background, then starts watching the folder. The future
   * completes with the pass's report.
   */
  public CompletableFuture<IndexReport> start() {
    CompletableFuture<IndexReport> first = new CompletableFuture<>();
    passRunning.set(true);
    passes.submit(() -> {
      Map<String, FolderWatcher.Stamp> before = null;
      try {
        // The first searches come first: on two cores, walking 100,000 files while the reader
        // state is built held the first answer back by seconds.
        service.warm();
        before = FolderWatcher.scan(docs);
        first.complete(pass());
      } catch (Throwable t) {
        log.error("indexing pass failed", t);
        first.completeExceptionally(t);
      } finally {
        passRunning.set(false);
        if (before != null) { // without a snapshot every file would look new to the watcher
          startWatching(before);
        }
      }
    });
    return first;
  }

  private void startWatching(Map<String, FolderWatcher.Stamp> before) {
    if (config.watchIntervalSeconds() <= 0 || scheduler.isShutdown()) {
      return;
    }
    // Changes made while the pass ran are seen against the state before it: re-done at worst.
    watcher = new FolderWatcher(docs, before, new FolderWatcher.Listener() {
      @Override
      public void changed(String relativePath) {
        onChanged(relativePath);
      }

      @Override
      public void removed(String relativePath) {
        onRemoved(relativePath);
      }
    });
    schedulePoll(TimeUnit.SECONDS.toMillis(config.watchIntervalSeconds()));
  }

  /**
   * Each scan of the folder waits at least the configured interval and ten times as long as the
   * previous scan took, so watching costs at most a tenth of a core: every 2 s, a scan of 100,000
   * files held half a core busy, and its time showed up in every search. The scan alone counts:
   * with the re-indexing it triggered, a change that took 13 s to index on a busy machine put the
   * next scan 130 s away, and the next change went unnoticed that long.
   */
  static final int POLL_COST_FACTOR = 10;

  private void schedulePoll(long delayMillis) {
    try {
      scheduler.schedule(() -> {
        long scanMillis = pollQuietly();
        schedulePoll(Math.max(TimeUnit.SECONDS.toMillis(config.watchIntervalSeconds()), POLL_COST_FACTOR * scanMillis));
      }, delayMillis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing: no more scans
    }
  }

  private Indexer indexer() {
    synchronized (indexerLock) {
      if (service == null) {
        throw new IllegalStateException("the live index is not open");
      }
      if (indexer == null) {
        indexer = new Indexer(indexerConfig, writer, taxonomy);
      }
      return indexer;
    }
  }

  private IndexReport pass() throws IOException, InterruptedException {
    IndexReport report = indexer().run();
    manager.maybeRefresh();
    log.info("indexing pass done: {} indexed, {} unchanged, {} deleted; {} standards",
        report.indexed(), report.unchanged(), report.deleted(), report.documentsInIndex());
    return report;
  }

  @Override
  public SearchService service() {
    SearchService s = service;
    if (s == null) {
      throw new IndexNotReadyException("the index is not open yet");
    }
    return s;
  }

  @Override
  public boolean ready() {
    return service != null;
  }

  @Override
  public Path docs() {
    if (docs == null) {
      throw new IndexNotReadyException("the index is not open yet");
    }
    return docs;
  }

  @Override
  public long indexBytes() {
    try (var files = Files.list(config.index())) {
      return files.mapToLong(p -> {
        try {
          return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException e) {
          return 0; // merged away while listing
        }
      }).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public boolean reindex() {
    if (!passRunning.compareAndSet(false, true)) {
      return false;
    }
    passes.submit(() -> {
      try {
        pass();
      } catch (Throwable t) {
        log.error("indexing pass failed", t);
      } finally {
        passRunning.set(false);
      }
    });
    return true;
  }

  @Override
  public AddedFile add(Path staged, String fileName) throws IOException, InterruptedException {
    fileLock.lock();
    try {
      Path folder = docs().resolve(UPLOADS);
      Files.createDirectories(folder);
      Path target = unique(folder, fileName);
      // Copy under a hidden name, then rename: neither watcher nor indexer ever sees half a file.
      Path part = folder.resolve("." + target.getFileName() + ".part");
      Files.copy(staged, part, StandardCopyOption.REPLACE_EXISTING);
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      String relative = FolderWatcher.relative(docs, target);
      IndexReport.FileOutcome outcome = indexer().indexFile(target);
      if (!isKept(outcome.status())) {
        indexer().delete(relative);
        Files.deleteIfExists(target);
      }
      commitAndRefresh();
      acknowledge(relative);
      return new AddedFile(outcome.path(), outcome.status(), outcome.type(), outcome.reason());
    } finally {
      fileLock.unlock();
    }
  }

  @Override
  public void delete(String id) throws IOException {
    String path = service().file(id).path();
    fileLock.lock();
    try {
      indexer().delete(path);
      Path file = docs.resolve(path).normalize();
      if (file.startsWith(docs)) {
        Files.deleteIfExists(file);
      }
      commitAndRefresh();
      acknowledge(path);
    } finally {
      fileLock.unlock();
    }
  }

  private static boolean isKept(String status) {
    return switch (status) {
      case "ok", "empty", "truncated", "garbled" -> true;
      default -> false;
    };
  }

  private void onChanged(String relativePath) {
    if (relativePath.endsWith(".meta.json")) {
      // A sidecar describes its document: re-index that one.
      relativePath = relativePath.substring(0, relativePath.length() - ".meta.json".length());
    } else if (!relativePath.contains("/") && relativePath.matches("catalog\\.(csv|json)")) {
      reindex(); // a root catalogue may describe any document
      return;
    }
    Path file = docs.resolve(relativePath);
    if (!Files.isRegularFile(file)) {
      return;
    }
    try {
      IndexReport.FileOutcome o = indexer().indexFile(file);
      commitAndRefresh();
      log.info("re-indexed {}: {}{}", relativePath, o.status(), o.reason() == null ? "" : " (" + o.reason() + ")");
    } catch (IOException | RuntimeException e) {
      log.error("re-indexing {} failed: {}", relativePath, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void onRemoved(String relativePath) {
    if (relativePath.endsWith(".meta.json")) {
      onChanged(relativePath);
      return;
    }
    try {
      indexer().delete(relativePath);
      commitAndRefresh();
      log.info("removed {} from the index", relativePath);
    } catch (IOException | RuntimeException e) {
      log.error("removing {} failed: {}", relativePath, e.toString());
    }
  }

  /** One scan of the watcher; returns how long the scan itself took (ms), 0 when it failed. */
  private long pollQuietly() {
    fileLock.lock();
    try {
      return watcher.poll();
    } catch (RuntimeException e) {
      log.error("watching the docs folder failed (retrying): {}", e.toString());
      return 0;
    } finally {
      fileLock.unlock();
    }
  }

  /** Skipped while a single-file change holds the lock: it refreshes itself when done. */
  private void refreshQuietly() {
    if (!fileLock.tryLock()) {
      return;
    }
    try {
      manager.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      log.warn("refreshing the searcher failed: {}", e.toString());
    } finally {
      fileLock.unlock();
    }
  }

  private void commitAndRefresh() throws IOException {
    writer.commit();
    manager.maybeRefreshBlocking();
  }

  private void acknowledge(String relativePath) {
    FolderWatcher w = watcher;
    if (w != null) {
      w.acknowledge(relativePath);
    }
  }

  private static Path unique(Path folder, String name) {
    Path candidate = folder.resolve(name);
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int i = 1; Files.exists(candidate); i++) {
      candidate = folder.resolve(base + "-" + i + ext);
    }
    return candidate;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Stops watching and indexing, then closes service, indexer and writer (which commits). */
  @Override
  public synchronized void close() {
    scheduler.shutdownNow();
    passes.shutdownNow();
    try {
      if (!passes.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("the indexing pass did not stop within 30 s");
      }
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    fileLock.lock();
    try {
      SearchService s = service;
      service = null;
      closeQuietly(s);
      closeQuietly(manager);
      synchronized (indexerLock) {
        closeQuietly(indexer);
      }
      closeQuietly(writer);
      closeQuietly(directory);
    } finally {
      fileLock.unlock();
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      log.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
    }
  }
}

package org.stdsearch.http.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.http.Backend;
import org.stdsearch.http.ServerConfig;
import org.stdsearch.index.IndexHealth;
import org.stdsearch.index.IndexReport;
import org.stdsearch.index.IndexWriteException;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.index.StandardMetadata;
import org.stdsearch.search.IndexNotReadyException;
import org.stdsearch.search.SearchService;

/**
 * The index as {@code serve} runs it: one writer shared by the indexer and near-real-time
 * searchers ({@link WriterGeneration}), an incremental pass in the background at start, then a
 * {@link FolderWatcher} so that files added, changed or removed show up in search within seconds.
 * Searches see new documents at the next refresh (every second); each single-file change is
 * committed at once, and a pass commits every {@link #PASS_COMMIT_INTERVAL}.
 *
 * <p>When a write fails (a full disk), what was written since the last commit is rolled back and
 * the index is degraded: searches go on over the last searchable state, changes wait, and every
 * {@link #RECOVERY_INTERVAL} a small test write probes the disk; once it succeeds, a new writer
 * opens at the last commit and a pass indexes whatever changed meanwhile (issue 19: the writer
 * stayed closed for good and every later file failed).
 *
 * <p>Single-file changes (watcher, upload, delete) and recovery are serialised by one lock; the
 * full pass runs beside them (the writer is thread-safe and replacing by path makes a double update
 * harmless).
 */
public final class LiveIndex implements Backend {
  private static final Logger log = LoggerFactory.getLogger(LiveIndex.class);
  static final String UPLOADS = "uploads";
  static final long REFRESH_MILLIS = 1000;
  /**
   * What a crash of {@code serve} can lose of a pass: five seconds of work, which the next start
   * redoes. Shorter than a batch run's thirty: a server runs for weeks and is stopped any way.
   */
  static final Duration PASS_COMMIT_INTERVAL = Duration.ofSeconds(5);
  static final Duration RECOVERY_INTERVAL = Duration.ofSeconds(5);
  /** Bytes of the test write that tells whether the disk takes data again. */
  static final int PROBE_BYTES = 1 << 20;

  /** Builds the search service over the live searcher ({@code LuceneSearchService::over}). */
  @FunctionalInterface
  public interface ServiceFactory {
    SearchService over(SearcherManager manager, Taxonomy taxonomy) throws IOException;
  }

  private final ServerConfig config;
  private final ServiceFactory factory;
  private final ReentrantLock fileLock = new ReentrantLock();
  private final AtomicBoolean passRunning = new AtomicBoolean();
  private final AtomicBoolean recoveryScheduled = new AtomicBoolean();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("index-refresh"));
  private final ExecutorService passes = Executors.newSingleThreadExecutor(daemon("index-pass"));
  private final WriteHealth health = new WriteHealth();
  private Path docs;
  private Directory directory;
  private IndexerConfig indexerConfig;
  private Taxonomy taxonomy;
  private volatile WriterGeneration current;
  private final Watching watching;

  public LiveIndex(ServerConfig config, ServiceFactory factory) {
    this.config = config;
    this.factory = factory;
    this.watching = new Watching(scheduler, Duration.ofSeconds(config.watchIntervalSeconds()),
        Duration.ofSeconds(config.watchSettleSeconds()), fileLock, new FolderWatcher.Listener() {
          @Override
          public void changed(String relativePath) {
            onChanged(relativePath);
          }

          @Override
          public void removed(String relativePath) {
            onRemoved(relativePath);
          }
        });
  }

  /** Opens (or creates) the index and the search service; from now on the server is ready. */
  public synchronized void open() throws IOException {
    if (!Files.isDirectory(config.docs())) {
      throw new IllegalArgumentException("the docs folder does not exist: " + config.docs());
    }
    docs = config.docs().toRealPath();
    Files.createDirectories(config.index());
    directory = FSDirectory.open(config.index());
    indexerConfig = IndexerConfig.of(docs, config.index()).withWorkers(config.workers())
        .withCommitInterval(PASS_COMMIT_INTERVAL)
        .withOcr(OcrOptions.defaults().withMode(OcrMode.fromId(config.ocrMode())).withLanguages(config.ocrLanguages())
            .withCacheDir(OcrOptions.cacheOf(config.index())));
    taxonomy = Taxonomy.loadOrBundled(indexerConfig.taxonomy());
    current = WriterGeneration.open(directory, indexerConfig, taxonomy, factory);
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
      // The first searches come first: on two cores, walking 100,000 files while the reader
      // state is built held the first answer back by seconds.
      current.service.warm();
      passAndWatch(first);
    });
    return first;
  }

  /**
   * One pass, then watching from the state of the folder before it (a change made while the pass
   * ran is seen against that state: re-done at worst). Runs on the pass thread.
   */
  private void passAndWatch(CompletableFuture<IndexReport> done) {
    Map<String, FolderWatcher.Stamp> before = null;
    try {
      before = FolderWatcher.scan(docs);
      done.complete(pass());
    } catch (Throwable t) {
      if (!(t instanceof IndexWriteException)) {
        log.error("indexing pass failed", t);
      }
      done.completeExceptionally(t);
    } finally {
      passRunning.set(false);
      if (before != null && !health.degraded()) { // without a snapshot every file would look new
        watching.start(docs, before);
      }
    }
  }

  private IndexReport pass() throws IOException, InterruptedException {
    WriterGeneration g = current;
    IndexReport report;
    try {
      report = g.indexer().run();
      g.manager.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      if (g.broken(e) || e instanceof IndexWriteException) {
        failed(g, e);
      }
      throw e;
    }
    log.info("indexing pass done: {} indexed, {} unchanged, {} deleted; {} standards",
        report.indexed(), report.unchanged(), report.deleted(), report.documentsInIndex());
    return report;
  }

  @Override
  public SearchService service() {
    WriterGeneration g = current;
    if (g == null) {
      throw new IndexNotReadyException("the index is not open yet");
    }
    return g.service;
  }

  @Override
  public boolean ready() {
    return current != null;
  }

  @Override
  public IndexHealth health() {
    return health.state();
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
    if (health.degraded() || !passRunning.compareAndSet(false, true)) {
      return false;
    }
    passes.submit(() -> {
      try {
        pass();
      } catch (Throwable t) {
        if (!(t instanceof IndexWriteException)) {
          log.error("indexing pass failed", t);
        }
      } finally {
        passRunning.set(false);
      }
    });
    return true;
  }

  @Override
  public IndexReport.FileOutcome add(Path staged, String fileName) throws IOException, InterruptedException {
    fileLock.lock();
    try {
      WriterGeneration g = writable();
      Path folder = docs().resolve(UPLOADS);
      Files.createDirectories(folder);
      Path target = unique(folder, fileName);
      // Copy under a hidden name, then rename: neither watcher nor indexer ever sees half a file.
      Path part = folder.resolve("." + target.getFileName() + ".part");
      Files.copy(staged, part, StandardCopyOption.REPLACE_EXISTING);
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      String relative = FolderWatcher.relative(docs, target);
      IndexReport.FileOutcome outcome;
      try {
        outcome = g.indexer().indexFile(target);
        if (!isKept(outcome.status())) {
          g.indexer().delete(relative);
          Files.deleteIfExists(target);
        }
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(target);
        if (g.broken(e)) {
          throw writeFailed(g, e);
        }
        throw e;
      }
      commit(g, target);
      watching.acknowledge(relative);
      return outcome;
    } finally {
      fileLock.unlock();
    }
  }

  @Override
  public void delete(String id) throws IOException {
    StandardMetadata m = service().standard(id, "en").metadata();
    fileLock.lock();
    try {
      WriterGeneration g = writable();
      try {
        g.indexer().delete(m.path());
      } catch (IOException | RuntimeException e) {
        throw writeFailed(g, e);
      }
      Path file = docs.resolve(m.path()).normalize();
      if (file.startsWith(docs)) {
        Files.deleteIfExists(file);
      }
      commit(g, null);
      watching.acknowledge(m.path());
    } finally {
      fileLock.unlock();
    }
  }

  /** Commits an admin change; when that fails, the change is undone ({@code added} removed) and 503. */
  private void commit(WriterGeneration g, Path added) throws IOException {
    try {
      g.commitAndRefresh();
    } catch (IOException | RuntimeException e) {
      if (added != null) {
        Files.deleteIfExists(added);
      }
      throw writeFailed(g, e);
    }
  }

  private IndexNotReadyException writeFailed(WriterGeneration g, Throwable e) {
    failed(g, e);
    return new IndexNotReadyException("the index cannot be written now: " + health.state().reason());
  }

  /** The current generation when it can write; else a 503 naming why not. */
  private WriterGeneration writable() {
    if (health.degraded()) {
      throw new IndexNotReadyException("the index cannot be written now: " + health.state().reason());
    }
    if (current == null) {
      throw new IndexNotReadyException("the index is not open yet");
    }
    return current;
  }

  private static boolean isKept(String status) {
    return switch (status) {
      case "ok", "empty", "truncated", "garbled", "unchanged" -> true;
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
    if (!Files.isRegularFile(file) || health.degraded()) {
      return;
    }
    WriterGeneration g = current;
    try {
      IndexReport.FileOutcome o = g.indexer().indexFile(file);
      if (!o.status().equals("unchanged")) {
        g.commitAndRefresh();
      }
      log.info("re-indexed {}: {}{}", relativePath, o.status(), o.reason() == null ? "" : " (" + o.reason() + ")");
    } catch (IOException | RuntimeException e) {
      if (g.broken(e)) {
        failed(g, e);
      } else {
        log.error("re-indexing {} failed: {}", relativePath, e.toString());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void onRemoved(String relativePath) {
    if (relativePath.endsWith(".meta.json")) {
      onChanged(relativePath);
      return;
    }
    if (health.degraded()) {
      return;
    }
    WriterGeneration g = current;
    try {
      g.indexer().delete(relativePath);
      g.commitAndRefresh();
      log.info("removed {} from the index", relativePath);
    } catch (IOException | RuntimeException e) {
      failed(g, e);
    }
  }

  /**
   * A write failed: everything since the last commit is rolled back, the watcher stops (the pass
   * after recovery catches up), and recovery is scheduled.
   */
  private void failed(WriterGeneration g, Throwable e) {
    if (g != current) {
      log.debug("a write of a replaced index writer failed: {}", e.toString());
      return;
    }
    Throwable cause = g.cause(e instanceof IndexWriteException && e.getCause() != null ? e.getCause() : e);
    g.rollback();
    watching.stop();
    health.failed(IndexWriteException.describe(cause), cause, RECOVERY_INTERVAL);
    scheduleRecovery();
  }

  private void scheduleRecovery() {
    if (!recoveryScheduled.compareAndSet(false, true)) {
      return;
    }
    try {
      scheduler.schedule(this::recover, RECOVERY_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      recoveryScheduled.set(false); // closing
    }
  }

  /**
   * Probes the disk with a small write; once it takes data again, opens a new writer at the last
   * commit and runs a pass over the folder, after which the index is writable again.
   */
  private void recover() {
    recoveryScheduled.set(false);
    fileLock.lock();
    try {
      probeWrite();
      WriterGeneration old = current;
      current = WriterGeneration.open(directory, indexerConfig, taxonomy, factory);
      old.close();
      health.recovered();
    } catch (IOException | RuntimeException e) {
      health.stillFailing(IndexWriteException.describe(e));
      scheduleRecovery();
      return;
    } finally {
      fileLock.unlock();
    }
    // What changed while the index could not be written is indexed now, as after a start.
    try {
      passes.submit(() -> {
        passRunning.set(true);
        passAndWatch(new CompletableFuture<>());
      });
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  private void probeWrite() throws IOException {
    String name;
    try (IndexOutput out = directory.createTempOutput("probe", "health", IOContext.DEFAULT)) {
      name = out.getName();
      byte[] block = new byte[8192];
      for (int written = 0; written < PROBE_BYTES; written += block.length) {
        out.writeBytes(block, block.length);
      }
    } catch (IOException e) {
      cleanProbes();
      throw e;
    }
    directory.deleteFile(name);
  }

  private void cleanProbes() {
    try {
      for (String f : directory.listAll()) {
        if (f.startsWith("probe_") && f.endsWith(".tmp")) {
          directory.deleteFile(f);
        }
      }
    } catch (IOException e) {
      log.debug("removing a probe file failed: {}", e.toString());
    }
  }

  /** Skipped while a single-file change holds the lock (it refreshes itself), and while degraded. */
  private void refreshQuietly() {
    if (health.degraded() || !fileLock.tryLock()) {
      return;
    }
    WriterGeneration g = current;
    try {
      g.manager.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      if (g.broken(e)) {
        failed(g, e);
      } else {
        log.warn("refreshing the searcher failed: {}", e.toString());
      }
    } finally {
      fileLock.unlock();
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

  static java.util.concurrent.ThreadFactory daemon(String name) {
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
      WriterGeneration g = current;
      current = null;
      if (g != null) {
        g.close();
      }
      if (directory != null) {
        directory.close();
      }
    } catch (IOException e) {
      log.warn("closing the index folder failed: {}", e.toString());
    } finally {
      fileLock.unlock();
    }
  }
}

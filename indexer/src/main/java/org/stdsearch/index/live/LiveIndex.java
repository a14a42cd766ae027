package org.stdsearch.index.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.index.IndexReport;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.index.StandardSink;

/**
 * A docs folder kept indexed while a server runs, through any {@link StandardSink}: an incremental
 * pass in the background at start, then a {@link FolderWatcher} so that files added, changed or
 * removed show up in search within seconds, plus the single-file changes of the admin API. The
 * sink makes writes visible to searches every second ({@link StandardSink#refreshIfIdle}) and at
 * once after a single-file change; commits are for durability.
 *
 * <p>Single-file changes (watcher, upload, delete) are serialised by one lock; the full pass runs
 * beside them (sinks are thread-safe and replacing by path makes a double update harmless).
 */
public final class LiveIndex implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveIndex.class);
  static final String UPLOADS = "uploads";
  static final long REFRESH_MILLIS = 1000;

  private final IndexerConfig indexerConfig;
  private final Duration watchInterval;
  private final StandardSink sink;
  private final Taxonomy taxonomy;
  private final ReentrantLock fileLock = new ReentrantLock();
  private final AtomicBoolean passRunning = new AtomicBoolean();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("index-refresh"));
  private final ExecutorService passes = Executors.newSingleThreadExecutor(daemon("index-pass"));
  private volatile Path docs;
  private final Object indexerLock = new Object();
  /** Created on first use by the indexing thread: Tika's type registry is off the start-up path. */
  private Indexer indexer;
  private volatile FolderWatcher watcher;

  /**
   * @param config the docs folder and how to index it
   * @param watchInterval the least time between two scans of the folder; zero or less: no watching
   * @param sink where standards go; the caller opens it before and closes it after this
   * @param taxonomy the technology fields standards are classified into
   */
  public LiveIndex(IndexerConfig config, Duration watchInterval, StandardSink sink, Taxonomy taxonomy) {
    this.indexerConfig = config;
    this.watchInterval = watchInterval;
    this.sink = sink;
    this.taxonomy = taxonomy;
  }

  /** Checks the docs folder and starts refreshing the sink's searchers every second. */
  public synchronized void open() throws IOException {
    if (!Files.isDirectory(indexerConfig.docs())) {
      throw new IllegalArgumentException("the docs folder does not exist: " + indexerConfig.docs());
    }
    docs = indexerConfig.docs().toRealPath();
    scheduler.scheduleWithFixedDelay(this::refreshQuietly, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Runs the first incremental pass in the background, then starts watching the folder. The future
   * completes with the pass's report.
   *
   * @param beforeFirstPass run on the indexing thread before anything else (the search side's
   *     warm-up: the first searches come before the first pass)
   */
  public CompletableFuture<IndexReport> start(Runnable beforeFirstPass) {
    CompletableFuture<IndexReport> first = new CompletableFuture<>();
    passRunning.set(true);
    passes.submit(() -> {
      Map<String, FolderWatcher.Stamp> before = null;
      try {
        // The first searches come first: on two cores, walking 100,000 files while the reader
        // state is built held the first answer back by seconds.
        beforeFirstPass.run();
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
    if (watchInterval.toMillis() <= 0 || scheduler.isShutdown()) {
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
    schedulePoll(watchInterval.toMillis());
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
        schedulePoll(Math.max(watchInterval.toMillis(), POLL_COST_FACTOR * scanMillis));
      }, delayMillis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing: no more scans
    }
  }

  private Indexer indexer() {
    synchronized (indexerLock) {
      if (docs == null) {
        throw new IllegalStateException("the live index is not open");
      }
      if (indexer == null) {
        indexer = new Indexer(indexerConfig, sink, taxonomy);
      }
      return indexer;
    }
  }

  private IndexReport pass() throws IOException, InterruptedException {
    IndexReport report = indexer().run();
    sink.refreshIfIdle();
    log.info("indexing pass done: {} indexed, {} unchanged, {} deleted; {} standards",
        report.indexed(), report.unchanged(), report.deleted(), report.documentsInIndex());
    return report;
  }

  /** The real path of the docs folder, or null before {@link #open}. */
  public Path docs() {
    return docs;
  }

  /** Starts an incremental pass over the docs folder in the background; false when one is running. */
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

  /**
   * Moves {@code staged} into the docs folder's uploads as {@code fileName} (already a safe single
   * name), indexes it, commits and refreshes. A file that could not be extracted is removed again,
   * leaving the index as it was; its outcome says why.
   */
  public IndexReport.FileOutcome add(Path staged, String fileName) throws IOException, InterruptedException {
    fileLock.lock();
    try {
      Path folder = docs.resolve(UPLOADS);
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
      return outcome;
    } finally {
      fileLock.unlock();
    }
  }

  /** Removes the file at {@code path} (relative to the docs folder) from the folder and the index. */
  public void delete(String path) throws IOException {
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
      sink.refreshIfIdle();
    } catch (IOException | RuntimeException e) {
      log.warn("refreshing the searcher failed: {}", e.toString());
    } finally {
      fileLock.unlock();
    }
  }

  private void commitAndRefresh() throws IOException {
    sink.commit();
    sink.refresh();
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

  /** Stops watching and indexing, then closes the indexer; the sink stays open for its owner to close. */
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
      synchronized (indexerLock) {
        closeQuietly(indexer);
      }
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

package org.stdsearch.index.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.index.IndexReport;
import org.stdsearch.index.IndexWriteException;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.index.IndexingProgress;
import org.stdsearch.index.StandardSink;

/**
 * A docs folder kept indexed while a server runs, through any {@link StandardSink}: an incremental
 * pass in the background at start, then a {@link FolderWatcher} so that files added, changed or
 * removed show up in search within seconds, plus the single-file changes of the admin API. The
 * sink makes writes visible to searches every second ({@link StandardSink#refreshIfIdle}) and at
 * once after a single-file change; commits are for durability.
 *
 * <p>When a write fails (a full disk), what was written since the last commit is dropped
 * ({@link StandardSink#rollback}) and the index is degraded ({@link #writing}): searches go on
 * over the last searchable state, changes wait, and every {@link #RECOVERY_INTERVAL} the sink is
 * asked to {@link StandardSink#reopen} at its last commit; once it does, a pass indexes whatever
 * changed meanwhile (issue 19: the writer stayed closed for good and every later file failed).
 *
 * <p>Single-file changes (watcher, upload, delete) and recovery are serialised by one lock; the
 * full pass runs beside them (sinks are thread-safe and replacing by path makes a double update
 * harmless).
 */
public final class LiveIndex implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveIndex.class);
  static final long REFRESH_MILLIS = 1000;
  /**
   * What a crash of {@code serve} can lose of a pass: five seconds of work, which the next start
   * redoes (its server passes commit this often). Shorter than a batch run's thirty: a server runs
   * for weeks and is stopped any way.
   */
  public static final Duration PASS_COMMIT_INTERVAL = Duration.ofSeconds(5);
  static final Duration RECOVERY_INTERVAL = Duration.ofSeconds(5);

  /**
   * Whether changes reach the index: not while {@code degraded}, since {@code since}, for
   * {@code reason} (in words for an operator: no path, no stack trace).
   */
  public record Writing(boolean degraded, String reason, Instant since) {
    static final Writing OK = new Writing(false, null, Instant.EPOCH);
  }

  private final IndexerConfig indexerConfig;
  private final StandardSink sink;
  private final Taxonomy taxonomy;
  private final ReentrantLock fileLock = new ReentrantLock();
  private final AtomicBoolean passRunning = new AtomicBoolean();
  private final ScheduledExecutorService scheduler = scheduler();
  private final ExecutorService passes = Executors.newSingleThreadExecutor(daemon("index-pass"));
  private final SinkRecovery recovery;
  private final Watching watching;
  private volatile Path docs;
  private final Object indexerLock = new Object();
  /** Created on first use by the indexing thread: Tika's type registry is off the start-up path. */
  private Indexer indexer;
  private volatile boolean closing;

  /**
   * @param config the docs folder and how to index it
   * @param watchInterval the least time between two scans of the folder; zero or less: no watching
   * @param settle how long a changed file must look the same before it is indexed
   * @param sink where standards go; the caller opens it before and closes it after this
   * @param taxonomy the technology fields standards are classified into
   */
  public LiveIndex(IndexerConfig config, Duration watchInterval, Duration settle, StandardSink sink,
      Taxonomy taxonomy) {
    this.indexerConfig = config;
    this.sink = sink;
    this.taxonomy = taxonomy;
    this.watching = new Watching(scheduler, watchInterval, settle, fileLock, new FolderWatcher.Listener() {
      @Override
      public void changed(String relativePath) {
        onChanged(relativePath);
      }

      @Override
      public void removed(String relativePath) {
        onRemoved(relativePath);
      }
    });
    this.recovery = new SinkRecovery(sink, scheduler, fileLock, watching::stop, this::reopened);
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
      // The first searches come first: on two cores, walking 100,000 files while the reader
      // state is built held the first answer back by seconds.
      beforeFirstPass.run();
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
        logPassFailure(t);
      }
      done.completeExceptionally(t);
    } finally {
      passRunning.set(false);
      if (before != null && !recovery.degraded()) { // without a snapshot every file would look new
        watching.start(docs, before);
      }
    }
  }

  /**
   * A pass stopped by shutdown (SIGTERM, Ctrl-C) is not a failure: one calm line says so, and the
   * next start goes on from the last commit. Anything else is an error with its stack trace.
   */
  private void logPassFailure(Throwable t) {
    if (closing || interrupted(t)) {
      log.info("indexing stopped: the server is shutting down; the next start goes on from the last commit");
    } else {
      log.error("indexing pass failed", t);
    }
  }

  private static boolean interrupted(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof InterruptedException || c instanceof java.nio.channels.ClosedByInterruptException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The indexing pass running now, or null: {@link IndexingProgress#STARTING} until the folder has
   * been walked, then files done of files found and OCR pages done of pages to do.
   */
  public IndexingProgress.Snapshot indexing() {
    if (!passRunning.get()) {
      return null;
    }
    Indexer current;
    synchronized (indexerLock) {
      current = indexer;
    }
    IndexingProgress.Snapshot s = current == null ? null : current.progress();
    return s != null ? s : new IndexingProgress.Snapshot(IndexingProgress.STARTING, 0, 0, 0, 0, 0, 0);
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
    IndexReport report;
    try {
      report = indexer().run();
      sink.refreshIfIdle();
    } catch (IndexWriteException e) {
      failed(e.getCause() == null ? e : e.getCause()); // the run has already rolled the sink back
      throw e;
    }
    log.info("indexing pass done: {} indexed, {} unchanged, {} deleted; {} standards",
        report.indexed(), report.unchanged(), report.deleted(), report.documentsInIndex());
    return report;
  }

  /** The failure that stopped the current indexer writing, or null. */
  private Throwable indexerFailure() {
    synchronized (indexerLock) {
      return indexer == null ? null : indexer.writeFailure();
    }
  }

  /** The real path of the docs folder, or null before {@link #open}. */
  public Path docs() {
    return docs;
  }

  /** Whether changes reach the index now. */
  public Writing writing() {
    return recovery.state();
  }

  /** Starts an incremental pass over the docs folder in the background; false when one is running. */
  public boolean reindex() {
    if (recovery.degraded() || !passRunning.compareAndSet(false, true)) {
      return false;
    }
    passes.submit(() -> {
      try {
        pass();
      } catch (Throwable t) {
        if (!(t instanceof IndexWriteException)) {
          logPassFailure(t);
        }
      } finally {
        passRunning.set(false);
      }
    });
    return true;
  }

  /**
   * Moves {@code staged} into the docs folder's uploads as {@code fileName} (already a safe single
   * name), indexes it, commits and refreshes. A file that could not be extracted is removed again,
   * leaving the index as it was; its outcome says why. While the index cannot be written, throws
   * {@link IndexWriteException} and keeps nothing.
   */
  public IndexReport.FileOutcome add(Path staged, String fileName) throws IOException, InterruptedException {
    fileLock.lock();
    try {
      checkWritable();
      Path target = Uploads.place(docs, staged, fileName);
      String relative = FolderWatcher.relative(docs, target);
      IndexReport.FileOutcome outcome;
      try {
        outcome = indexer().indexFile(target);
        if (!isKept(outcome.status())) {
          indexer().delete(relative);
          Files.deleteIfExists(target);
        }
        commitAndRefresh();
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(target);
        if (indexerFailure() != null || e instanceof IndexWriteException) {
          throw writeFailed(e);
        }
        throw e;
      }
      watching.acknowledge(relative);
      return outcome;
    } finally {
      fileLock.unlock();
    }
  }

  /** Removes the file at {@code path} (relative to the docs folder) from the folder and the index. */
  public void delete(String path) throws IOException {
    fileLock.lock();
    try {
      checkWritable();
      try {
        indexer().delete(path);
      } catch (IOException | RuntimeException e) {
        throw writeFailed(e);
      }
      Path file = docs.resolve(path).normalize();
      if (file.startsWith(docs)) {
        Files.deleteIfExists(file);
      }
      commitAndRefresh();
      watching.acknowledge(path);
    } finally {
      fileLock.unlock();
    }
  }

  private void checkWritable() throws IndexWriteException {
    if (recovery.degraded()) {
      throw new IndexWriteException(recovery.state().reason(), null, null);
    }
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
    if (!Files.isRegularFile(file) || recovery.degraded()) {
      return;
    }
    try {
      IndexReport.FileOutcome o = indexer().indexFile(file);
      if (!o.status().equals("unchanged")) {
        commitAndRefresh();
      }
      log.info("re-indexed {}: {}{}", relativePath, o.status(), o.reason() == null ? "" : " (" + o.reason() + ")");
    } catch (IndexWriteException e) {
      // failed() has degraded the index; the pass after recovery indexes the file
    } catch (IOException | RuntimeException e) {
      if (indexerFailure() != null) {
        failed(indexerFailure());
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
    if (recovery.degraded()) {
      return;
    }
    try {
      indexer().delete(relativePath);
      commitAndRefresh();
      log.info("removed {} from the index", relativePath);
    } catch (IndexWriteException e) {
      // degraded: the pass after recovery removes it
    } catch (IOException | RuntimeException e) {
      failed(e);
    }
  }

  /** Skipped while a single-file change holds the lock (it refreshes itself), and while degraded. */
  private void refreshQuietly() {
    if (recovery.degraded() || !fileLock.tryLock()) {
      return;
    }
    try {
      sink.refreshIfIdle();
    } catch (IOException | RuntimeException e) {
      failed(e);
    } finally {
      fileLock.unlock();
    }
  }

  /** Commits and refreshes; a failure degrades the index and is rethrown as {@link IndexWriteException}. */
  private void commitAndRefresh() throws IndexWriteException {
    try {
      sink.commit();
      sink.refresh();
    } catch (IOException | RuntimeException e) {
      throw writeFailed(e);
    }
  }

  private IndexWriteException writeFailed(Throwable e) {
    Throwable cause = indexerFailure() != null ? indexerFailure() : e;
    failed(cause);
    return new IndexWriteException(recovery.state().reason(), null, cause);
  }

  private void failed(Throwable cause) {
    recovery.failed(cause);
  }

  /**
   * After the sink reopened at its last commit: a new indexer (the old one recorded the failure)
   * and a pass over the folder, as after a start, which also starts watching again.
   */
  private void reopened() {
    synchronized (indexerLock) {
      closeQuietly(indexer);
      indexer = null;
    }
    try {
      passes.submit(() -> {
        passRunning.set(true);
        passAndWatch(new CompletableFuture<>());
      });
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  /**
   * Refreshes and folder scans. Stopping it lets a refresh that has begun finish and runs nothing
   * more: an interrupt in the middle of one closes Lucene's file channels (ClosedByInterruptException).
   */
  private static ScheduledExecutorService scheduler() {
    java.util.concurrent.ScheduledThreadPoolExecutor s = new java.util.concurrent.ScheduledThreadPoolExecutor(2, daemon("index-refresh"));
    s.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    s.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    return s;
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
    closing = true;
    scheduler.shutdown();
    passes.shutdownNow();
    try {
      if (!passes.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("the indexing pass did not stop within 30 s");
      }
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    watching.close(); // releases the folder's change notifications
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

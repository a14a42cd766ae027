package org.stdsearch.index.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule of the {@link FolderWatcher}: one scan after another, each under the live index's
 * file lock, at the configured interval or more (see {@link #POLL_COST_FACTOR}). Watching stops
 * while the index cannot be written and starts again from a fresh snapshot after recovery.
 */
final class Watching {
  private static final Logger log = LoggerFactory.getLogger(Watching.class);

  /**
   * Each scan of the folder waits at least the configured interval and ten times the CPU time the
   * previous scan took, so watching costs at most a tenth of a core however large the folder (at
   * a fixed interval the scans of a very large folder take a core from the searches). CPU time,
   * not elapsed time: on a loaded machine the elapsed time of a scan is mostly the wait for a
   * core, and ten times it would hold changes back for no CPU saved. The scan alone counts:
   * counting the re-indexing it triggered would put the next scan ten times a long indexing away,
   * and the next change would go unnoticed that long.
   */
  static final int POLL_COST_FACTOR = 10;

  private final ScheduledExecutorService scheduler;
  private final Duration interval;
  private final Duration settle;
  private final ReentrantLock fileLock;
  private final FolderWatcher.Listener listener;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile FolderWatcher watcher;

  Watching(ScheduledExecutorService scheduler, Duration interval, Duration settle, ReentrantLock fileLock,
      FolderWatcher.Listener listener) {
    this.scheduler = scheduler;
    this.interval = interval;
    this.settle = settle;
    this.fileLock = fileLock;
    this.listener = listener;
  }

  /** Watches {@code root} for changes against {@code before}; no-op when watching is off. */
  void start(Path root, Map<String, FolderWatcher.Stamp> before) {
    if (interval.isZero() || interval.isNegative() || scheduler.isShutdown()) {
      return;
    }
    watcher = new FolderWatcher(root, before, settle, listener);
    if (scheduled.compareAndSet(false, true)) {
      schedule(interval.toMillis());
    }
  }

  /** No more scans until {@link #start} (the index cannot take the changes now). */
  void stop() {
    watcher = null;
  }

  /** Records the present state of a file the server changed itself (upload, delete). */
  void acknowledge(String relativePath) {
    FolderWatcher w = watcher;
    if (w != null) {
      w.acknowledge(relativePath);
    }
  }

  private void schedule(long delayMillis) {
    try {
      scheduler.schedule(() -> {
        long scanMillis = pollQuietly();
        schedule(Math.max(interval.toMillis(), POLL_COST_FACTOR * scanMillis));
      }, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closing: no more scans
    }
  }

  /** One scan; returns the CPU time of the scan itself (ms), 0 when there was none or it failed. */
  private long pollQuietly() {
    fileLock.lock();
    try {
      FolderWatcher w = watcher;
      return w == null ? 0 : w.poll();
    } catch (RuntimeException e) {
      log.error("watching the docs folder failed (retrying): {}", e.toString());
      return 0;
    } finally {
      fileLock.unlock();
    }
  }
}

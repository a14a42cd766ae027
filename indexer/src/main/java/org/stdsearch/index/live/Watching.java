package org.stdsearch.index.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule of the {@link FolderWatcher}: one look after another, each under the live index's
 * file lock, at the configured interval or more (see {@link #POLL_COST_FACTOR}). Where the
 * operating system reports changes ({@link FolderEvents}), a look scans only the folders it named
 * and those with files still settling, and the whole folder is scanned at most every {@link
 * #FULL_SCAN_COST_FACTOR} times the CPU time of the last full scan, for what notifications miss
 * (changes made by other machines on a network folder). Watching stops while the index cannot be
 * written and starts again from a fresh snapshot after recovery.
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

  /**
   * With change notifications, full scans wait at least this many times the CPU time the last one
   * took: at most a hundredth of a core for the safety net, where scanning alone takes up to a
   * tenth. A folder of a few thousand files is still scanned in full at the configured interval.
   */
  static final int FULL_SCAN_COST_FACTOR = 100;

  private final ScheduledExecutorService scheduler;
  private final Duration interval;
  /** With notifications, the least time between two full scans. */
  private final Duration fullScanInterval;
  private final Duration settle;
  private final ReentrantLock fileLock;
  private final FolderWatcher.Listener listener;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile FolderWatcher watcher;
  /** The folder's change notifications, or null where there are none (every look is a full scan). */
  private FolderEvents events;
  /** When the next full scan is due ({@link System#nanoTime()}). */
  private long fullScanDue;
  private final AtomicLong fullScans = new AtomicLong();
  private final AtomicLong folderScans = new AtomicLong();

  Watching(ScheduledExecutorService scheduler, Duration interval, Duration settle, ReentrantLock fileLock,
      FolderWatcher.Listener listener) {
    this(scheduler, interval, interval, settle, fileLock, listener);
  }

  /** As above, with full scans at most every {@code fullScanInterval} where notifications work. */
  Watching(ScheduledExecutorService scheduler, Duration interval, Duration fullScanInterval, Duration settle,
      ReentrantLock fileLock, FolderWatcher.Listener listener) {
    this.scheduler = scheduler;
    this.interval = interval;
    this.fullScanInterval = fullScanInterval;
    this.settle = settle;
    this.fileLock = fileLock;
    this.listener = listener;
  }

  /** Watches {@code root} for changes against {@code before}; no-op when watching is off. */
  void start(Path root, Map<String, FolderWatcher.Stamp> before) {
    if (interval.isZero() || interval.isNegative() || scheduler.isShutdown()) {
      return;
    }
    // Registering every folder walks the tree: done before taking the lock uploads wait for.
    FolderEvents opened = FolderEvents.open(root).orElse(null);
    if (opened == null) {
      log.info("no change notifications for {}: every look at it is a full scan", root);
    }
    fileLock.lock();
    try {
      closeEvents();
      events = opened;
      fullScanDue = System.nanoTime(); // the first look scans everything
      watcher = new FolderWatcher(root, before, settle, listener);
    } finally {
      fileLock.unlock();
    }
    if (scheduled.compareAndSet(false, true)) {
      schedule(interval.toMillis());
    }
  }

  /**
   * No more scans until {@link #start} (the index cannot take the changes now). Does not wait for
   * the file lock: a failed write calls this wherever it happens; the next look releases the
   * notifications.
   */
  void stop() {
    watcher = null;
  }

  /** Stops for good and releases the notifications now; the scheduler has stopped running looks. */
  void close() {
    fileLock.lock();
    try {
      watcher = null;
      closeEvents();
    } finally {
      fileLock.unlock();
    }
  }

  /** Records the present state of a file the server changed itself (upload, delete). */
  void acknowledge(String relativePath) {
    FolderWatcher w = watcher;
    if (w != null) {
      w.acknowledge(relativePath);
    }
  }

  /** Whether the operating system's change notifications are in use. */
  boolean notified() {
    fileLock.lock();
    try {
      return events != null;
    } finally {
      fileLock.unlock();
    }
  }

  /** How many full scans and how many scans of some folders ran. */
  long fullScans() {
    return fullScans.get();
  }

  long folderScans() {
    return folderScans.get();
  }

  private void closeEvents() {
    if (events != null) {
      events.close();
      events = null;
    }
  }

  private void schedule(long delayMillis) {
    try {
      scheduler.schedule(() -> schedule(lookQuietly()), delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closing: no more scans
    }
  }

  /** One look at the folder; returns the delay until the next one (ms). */
  private long lookQuietly() {
    fileLock.lock();
    try {
      FolderWatcher w = watcher;
      if (w == null) {
        closeEvents(); // stopped
        return interval.toMillis();
      }
      return Math.max(interval.toMillis(), POLL_COST_FACTOR * look(w));
    } catch (RuntimeException e) {
      log.error("watching the docs folder failed (retrying): {}", e.toString());
      return interval.toMillis();
    } finally {
      fileLock.unlock();
    }
  }

  /**
   * A full scan when notifications are missing, were lost or one is due; else a scan of the folders
   * notified and of those with files still settling. Returns the CPU time of the scan itself (ms).
   */
  private long look(FolderWatcher w) {
    Set<Path> changed = events == null ? null : events.changedFolders();
    long now = System.nanoTime();
    if (changed == null || now - fullScanDue >= 0) {
      long cpu = w.poll();
      // consulted only while notifications work: without them every look is a full scan
      fullScanDue = now + TimeUnit.MILLISECONDS.toNanos(Math.max(fullScanInterval.toMillis(), FULL_SCAN_COST_FACTOR * cpu));
      fullScans.incrementAndGet();
      return cpu;
    }
    changed.addAll(w.unsettledFolders());
    if (changed.isEmpty()) {
      return 0;
    }
    folderScans.incrementAndGet();
    return w.poll(changed);
  }
}

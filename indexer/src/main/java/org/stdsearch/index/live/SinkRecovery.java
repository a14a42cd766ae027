package org.stdsearch.index.live;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.index.IndexWriteException;
import org.stdsearch.index.StandardSink;

/**
 * What the live index does when its sink fails to write (a full disk): drop what was written since
 * the last commit, stop taking changes, and every {@link LiveIndex#RECOVERY_INTERVAL} ask the sink
 * to reopen at its last commit; once it does, hand over to the live index for a catch-up pass.
 * One log line per change of state rather than one per failed attempt (issue 19: a warning every
 * second for as long as the disk stayed full); while degraded, a reminder every {@link #REMINDER}.
 */
final class SinkRecovery {
  private static final Logger log = LoggerFactory.getLogger(SinkRecovery.class);
  static final Duration REMINDER = Duration.ofMinutes(10);

  private final StandardSink sink;
  private final ScheduledExecutorService scheduler;
  private final ReentrantLock fileLock;
  private final Runnable paused;
  private final Runnable reopened;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile LiveIndex.Writing state = LiveIndex.Writing.OK;
  private Instant lastReminder = Instant.MIN;

  /**
   * @param paused stops taking changes (the watcher); run once per failure
   * @param reopened resumes after the sink reopened (a new indexer, a pass); run under the file lock
   */
  SinkRecovery(StandardSink sink, ScheduledExecutorService scheduler, ReentrantLock fileLock, Runnable paused,
      Runnable reopened) {
    this.sink = sink;
    this.scheduler = scheduler;
    this.fileLock = fileLock;
    this.paused = paused;
    this.reopened = reopened;
  }

  LiveIndex.Writing state() {
    return state;
  }

  boolean degraded() {
    return state.degraded();
  }

  /**
   * A write failed: everything since the last commit is dropped, changes stop, and recovery is
   * scheduled. Once degraded, later failures change nothing.
   */
  void failed(Throwable cause) {
    String reason = IndexWriteException.describe(cause);
    synchronized (this) {
      if (state.degraded()) {
        log.debug("the index still cannot be written: {}", reason);
        return;
      }
      try {
        sink.rollback();
      } catch (IOException | RuntimeException e) {
        log.warn("dropping the uncommitted writes failed: {}", e.toString());
      }
      paused.run();
      state = new LiveIndex.Writing(true, reason, Instant.now());
      lastReminder = state.since();
      log.error("writing the index failed: {}. Changes wait; searches answer over what was searchable. "
          + "Retrying every {} s from the last commit.", reason, LiveIndex.RECOVERY_INTERVAL.toSeconds());
      log.debug("the failed write", cause);
    }
    schedule();
  }

  private void schedule() {
    if (!scheduled.compareAndSet(false, true)) {
      return;
    }
    try {
      scheduler.schedule(this::attempt, LiveIndex.RECOVERY_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      scheduled.set(false); // closing
    }
  }

  /** Asks the sink to reopen (it fails while the disk is still full); on success, resumes. */
  private void attempt() {
    scheduled.set(false);
    fileLock.lock();
    try {
      sink.reopen();
      synchronized (this) {
        log.info("the index is writable again after {} s; changes made meanwhile are indexed now",
            Duration.between(state.since(), Instant.now()).toSeconds());
        state = LiveIndex.Writing.OK;
      }
      reopened.run();
    } catch (IOException | RuntimeException e) {
      stillFailing(IndexWriteException.describe(e));
      schedule();
    } finally {
      fileLock.unlock();
    }
  }

  private synchronized void stillFailing(String reason) {
    log.debug("the index still cannot be written: {}", reason);
    Instant now = Instant.now();
    if (Duration.between(lastReminder, now).compareTo(REMINDER) >= 0) {
      lastReminder = now;
      log.warn("the index has not been writable since {}: {}", state.since(), state.reason());
    }
  }
}

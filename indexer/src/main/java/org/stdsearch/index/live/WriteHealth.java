package org.stdsearch.index.live;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the live index can write, with one log line per change of state rather than one per
 * failed attempt (issue 19: a warning every second for as long as the disk stayed full). While
 * degraded, a reminder is logged every {@link #REMINDER}.
 */
final class WriteHealth {
  private static final Logger log = LoggerFactory.getLogger(WriteHealth.class);
  static final Duration REMINDER = Duration.ofMinutes(10);

  private volatile LiveIndex.Writing state = LiveIndex.Writing.OK;
  private Instant lastReminder = Instant.MIN;

  LiveIndex.Writing state() {
    return state;
  }

  boolean degraded() {
    return state.degraded();
  }

  /** Records a failed write; logs it when the index was writable until now. */
  synchronized void failed(String reason, Throwable cause, Duration retry) {
    if (!state.degraded()) {
      state = new LiveIndex.Writing(true, reason, Instant.now());
      lastReminder = Instant.now();
      log.error("writing the index failed: {}. Changes wait; searches answer over what was searchable. "
          + "Retrying every {} s from the last commit.", reason, retry.toSeconds());
      log.debug("the failed write", cause);
    } else if (!reason.equals(state.reason())) {
      state = new LiveIndex.Writing(true, reason, state.since());
      log.warn("the index still cannot be written: {}", reason);
    } else {
      stillFailing(reason);
    }
  }

  /** A recovery attempt found the index still not writable. */
  synchronized void stillFailing(String reason) {
    log.debug("the index still cannot be written: {}", reason);
    Instant now = Instant.now();
    if (Duration.between(lastReminder, now).compareTo(REMINDER) >= 0) {
      lastReminder = now;
      log.warn("the index has not been writable since {}: {}", state.since(), state.reason());
    }
  }

  /** Writing works again. */
  synchronized void recovered() {
    if (state.degraded()) {
      log.info("the index is writable again after {} s; changes made meanwhile are indexed now",
          Duration.between(state.since(), Instant.now()).toSeconds());
      state = LiveIndex.Writing.OK;
    }
  }
}

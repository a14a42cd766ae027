package org.stdsearch.index;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a sink periodically during a run, so that a run killed at any moment loses at most
 * {@link #INTERVAL_SECONDS} of work: the next run redoes whatever came after the last commit, and
 * writing by path means no duplicates.
 */
final class CommitSchedule implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CommitSchedule.class);
  /** Seconds between commits during a run; a system property lets tests commit more often. */
  static final int INTERVAL_SECONDS = Integer.getInteger("stdsearch.commitIntervalSeconds", 30);

  private final StandardSink sink;
  private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "index-committer");
    t.setDaemon(true);
    return t;
  });

  private CommitSchedule(StandardSink sink) {
    this.sink = sink;
  }

  static CommitSchedule start(StandardSink sink) {
    CommitSchedule schedule = new CommitSchedule(sink);
    schedule.committer.scheduleWithFixedDelay(schedule::commitQuietly, INTERVAL_SECONDS, INTERVAL_SECONDS,
        TimeUnit.SECONDS);
    return schedule;
  }

  private void commitQuietly() {
    try {
      sink.commit();
    } catch (IOException | RuntimeException e) {
      log.error("periodic commit failed (the final commit will retry): {}", e.toString());
    }
  }

  /**
   * Stops the periodic commits without interrupting one in progress: an interrupt during a
   * commit closes Lucene's file channels (ClosedByInterruptException) and with them the writer.
   */
  @Override
  public void close() throws InterruptedException {
    committer.shutdown();
    if (!committer.awaitTermination(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("a periodic commit did not finish within 10 minutes");
    }
  }
}

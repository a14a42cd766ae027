package org.stdsearch.index;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a sink periodically during a run ({@link IndexerConfig#commitInterval}), so that a run
 * killed at any moment loses at most that much work: the next run redoes whatever came after the
 * last commit, and writing by path means no duplicates.
 */
final class CommitSchedule implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CommitSchedule.class);
  private final StandardSink sink;
  private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "index-committer");
    t.setDaemon(true);
    return t;
  });

  private CommitSchedule(StandardSink sink) {
    this.sink = sink;
  }

  static CommitSchedule start(StandardSink sink, java.time.Duration interval) {
    CommitSchedule schedule = new CommitSchedule(sink);
    long millis = interval.toMillis();
    schedule.committer.scheduleWithFixedDelay(schedule::commitQuietly, millis, millis, TimeUnit.MILLISECONDS);
    return schedule;
  }

  private void commitQuietly() {
    try {
      sink.commit();
    } catch (IOException | RuntimeException e) {
      log.error("periodic commit failed (the final commit will retry): {}", IndexWriteException.describe(e));
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

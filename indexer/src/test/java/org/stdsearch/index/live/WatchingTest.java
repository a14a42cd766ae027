package org.stdsearch.index.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watching with the operating system's change notifications: after the first full scan, changes
 * are found by scanning only the folders notified, new folders included; full scans keep their
 * own, longer schedule. Skipped where the platform has no native notifications.
 */
class WatchingTest {
  @TempDir Path docs;
  private final List<String> events = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService scheduler;
  private Watching watching;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(FolderEvents.open(docs).map(e -> { e.close(); return true; }).orElse(false),
        "no native change notifications here");
    for (String f : List.of("gb/a.txt", "gb/b.txt", "rfc/c.txt")) {
      Files.createDirectories(docs.resolve(f).getParent());
      Files.writeString(docs.resolve(f), f);
    }
    scheduler = Executors.newSingleThreadScheduledExecutor();
    watching = new Watching(scheduler, Duration.ofMillis(20), Duration.ofHours(1), Duration.ZERO, new ReentrantLock(),
        FolderWatcherTest.recording(events));
    watching.start(docs, FolderWatcher.scan(docs));
    waitFor(() -> watching.fullScans() == 1);
  }

  @AfterEach
  void stop() throws Exception {
    if (watching != null) {
      watching.close();
      scheduler.shutdownNow();
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void changesAreFoundByScanningTheNotifiedFoldersOnly() throws Exception {
    assertThat(watching.notified()).isTrue();
    Files.writeString(docs.resolve("gb/new.txt"), "new");
    waitFor(() -> events.contains("changed gb/new.txt"));

    Files.createDirectories(docs.resolve("iso/deep"));
    Files.writeString(docs.resolve("iso/deep/d.txt"), "in a folder made after watching started");
    waitFor(() -> events.contains("changed iso/deep/d.txt"));
    Files.writeString(docs.resolve("iso/deep/e.txt"), "in that folder, later");
    waitFor(() -> events.contains("changed iso/deep/e.txt"));

    Files.delete(docs.resolve("rfc/c.txt"));
    Files.delete(docs.resolve("rfc"));
    waitFor(() -> events.contains("removed rfc/c.txt"));

    assertThat(events).doesNotContain("changed gb/a.txt", "changed gb/b.txt");
    assertThat(watching.fullScans()).as("the full scan is an hour away").isEqualTo(1);
    assertThat(watching.folderScans()).isPositive();
  }

  @Test
  void stoppedWatchingSeesNothingAndReleasesTheNotifications() throws Exception {
    watching.stop();
    Files.writeString(docs.resolve("gb/late.txt"), "late");
    waitFor(() -> !watching.notified());
    Thread.sleep(200);
    assertThat(events).isEmpty();
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("within 10 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}

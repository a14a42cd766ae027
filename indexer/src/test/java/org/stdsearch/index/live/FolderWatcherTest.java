package org.stdsearch.index.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {
  @TempDir Path docs;

  @Test
  void reportsAFileOnceItIsStableAndAGoneFile() throws Exception {
    List<String> events = new ArrayList<>();
    FolderWatcher w = new FolderWatcher(docs, Map.of(), Duration.ZERO, recording(events));
    Files.createDirectories(docs.resolve("sub"));
    Files.writeString(docs.resolve("sub/a.txt"), "one");
    w.poll();
    assertThat(events).as("seen once: may still be being written").isEmpty();
    w.poll();
    assertThat(events).containsExactly("changed sub/a.txt");
    Files.delete(docs.resolve("sub/a.txt"));
    w.poll();
    assertThat(events).containsExactly("changed sub/a.txt", "removed sub/a.txt");
  }

  @Test
  void aFileWrittenWithPausesIsReportedOnlyOnceItHasSettled() throws Exception {
    // Issue 19: a file written with pauses of 3 s was indexed half-written, since two scans 2 s
    // apart saw it unchanged.
    List<String> events = new ArrayList<>();
    Duration settle = Duration.ofMillis(1500);
    FolderWatcher w = new FolderWatcher(docs, Map.of(), settle, new FolderWatcher.Listener() {
      @Override
      public void changed(String relativePath) {
        events.add("changed " + relativePath);
      }

      @Override
      public void removed(String relativePath) {}
    });
    Path slow = docs.resolve("slow.txt");
    Files.writeString(slow, "first half ");
    w.poll();
    Thread.sleep(600); // the writer pauses: the scans see the same half file
    w.poll();
    w.poll();
    assertThat(events).as("unchanged for less than the settle period").isEmpty();
    Files.writeString(slow, "second half", StandardOpenOption.APPEND);
    w.poll();
    Thread.sleep(settle.toMillis() + 100);
    w.poll();
    assertThat(events).containsExactly("changed slow.txt");
  }

  /** The poll interval scales with the scan's cost; the work a change triggers must not count. */
  @Test
  void pollReturnsTheScanTimeWithoutTheListenersWork() throws Exception {
    long listenerMillis = 1_500;
    FolderWatcher w = new FolderWatcher(docs, Map.of(), Duration.ZERO, new FolderWatcher.Listener() {
      @Override
      public void changed(String relativePath) {
        try {
          Thread.sleep(listenerMillis); // as a re-index of the file would take
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void removed(String relativePath) {}
    });
    Files.writeString(docs.resolve("a.txt"), "one");
    w.poll();
    long start = System.nanoTime();
    long scan = w.poll();
    long whole = (System.nanoTime() - start) / 1_000_000;
    assertThat(whole).as("the listener ran").isGreaterThanOrEqualTo(listenerMillis);
    assertThat(scan).isLessThan(listenerMillis);
  }

  /** A scan of some folders reports their changes and gone files, and leaves the rest alone. */
  @Test
  void aScanOfSomeFoldersLeavesTheOthersAlone() throws Exception {
    for (String f : List.of("a/one.txt", "a/deep/two.txt", "b/three.txt", "c/four.txt")) {
      Files.createDirectories(docs.resolve(f).getParent());
      Files.writeString(docs.resolve(f), f);
    }
    List<String> events = new ArrayList<>();
    FolderWatcher w = new FolderWatcher(docs, FolderWatcher.scan(docs), Duration.ZERO, recording(events));
    Files.writeString(docs.resolve("a/new.txt"), "new");
    Files.writeString(docs.resolve("b/three.txt"), "changed, longer");
    Files.delete(docs.resolve("a/deep/two.txt"));
    Files.delete(docs.resolve("a/deep"));
    Files.delete(docs.resolve("c/four.txt"));

    w.poll(List.of(docs.resolve("a"), docs.resolve("a/deep")));
    assertThat(events).containsExactly("removed a/deep/two.txt");
    assertThat(w.unsettledFolders()).containsExactly(docs.resolve("a"));
    w.poll(w.unsettledFolders());
    assertThat(events).containsExactly("removed a/deep/two.txt", "changed a/new.txt");
    assertThat(w.unsettledFolders()).isEmpty();

    w.poll(List.of(docs.resolve("b")));
    w.poll(List.of(docs.resolve("b")));
    assertThat(events).as("c was not scanned: its gone file is not seen yet")
        .containsExactly("removed a/deep/two.txt", "changed a/new.txt", "changed b/three.txt");
    w.poll();
    assertThat(events).last().isEqualTo("removed c/four.txt");
  }

  /** A listener that writes down what it is told, as "changed PATH" and "removed PATH". */
  static FolderWatcher.Listener recording(List<String> events) {
    return new FolderWatcher.Listener() {
      @Override
      public void changed(String relativePath) {
        events.add("changed " + relativePath);
      }

      @Override
      public void removed(String relativePath) {
        events.add("removed " + relativePath);
      }
    };
  }
}

package org.stdsearch.index.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
    FolderWatcher w = new FolderWatcher(docs, Map.of(), new FolderWatcher.Listener() {
      @Override
      public void changed(String relativePath) {
        events.add("changed " + relativePath);
      }

      @Override
      public void removed(String relativePath) {
        events.add("removed " + relativePath);
      }
    });
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

  /** The poll interval scales with the scan's cost; the work a change triggers must not count. */
  @Test
  void pollReturnsTheScanTimeWithoutTheListenersWork() throws Exception {
    long listenerMillis = 1_500;
    FolderWatcher w = new FolderWatcher(docs, Map.of(), new FolderWatcher.Listener() {
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
}

package org.stdsearch.index.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/**
 * Notices new, changed and removed files below the docs folder by polling: each scan records size
 * and modification time per file, and a changed file is reported once it looks the same in two
 * consecutive scans (a copy in progress is not indexed half-written). Polling rather than
 * {@code WatchService}: it is recursive without registering every new folder, works on network
 * and container-mounted folders where inotify events do not arrive, and cannot overflow; a scan of
 * a few thousand files costs milliseconds.
 */
final class FolderWatcher {
  /** What a scan knows about one file. */
  record Stamp(long size, long modified) {}

  /** What to do about a change (paths relative to the root, with {@code /}). */
  interface Listener {
    void changed(String relativePath);

    void removed(String relativePath);
  }

  private final Path root;
  private final Listener listener;
  private Map<String, Stamp> known;
  private final Map<String, Stamp> pending = new HashMap<>();

  FolderWatcher(Path root, Map<String, Stamp> initial, Listener listener) {
    this.root = root;
    this.known = new HashMap<>(initial);
    this.listener = listener;
  }

  /** Every visible file below {@code root} (hidden files and folders are skipped, like the indexer does). */
  static Map<String, Stamp> scan(Path root) {
    Map<String, Stamp> out = new HashMap<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && !hidden(file)) {
            out.put(relative(root, file), new Stamp(attrs.size(), attrs.lastModifiedTime().toMillis()));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // vanished between listing and reading: the next scan sees it gone
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("scanning the docs folder failed", e);
    }
    return out;
  }

  /**
   * One scan: reports files stable since the previous scan, and files gone.
   *
   * @return how long the scan of the folder took (ms), without the listener's work on what it found
   */
  synchronized long poll() {
    long start = System.nanoTime();
    Map<String, Stamp> current = scan(root);
    long scanMillis = (System.nanoTime() - start) / 1_000_000;
    for (var e : current.entrySet()) {
      String path = e.getKey();
      Stamp stamp = e.getValue();
      if (stamp.equals(known.get(path))) {
        pending.remove(path);
      } else if (stamp.equals(pending.get(path))) {
        pending.remove(path);
        known.put(path, stamp);
        listener.changed(path);
      } else {
        pending.put(path, stamp);
      }
    }
    for (String path : new HashSet<>(known.keySet())) {
      if (!current.containsKey(path)) {
        known.remove(path);
        listener.removed(path);
      }
    }
    pending.keySet().retainAll(current.keySet());
    return scanMillis;
  }

  /** Records the present state of one file after the server changed it itself (upload, delete). */
  synchronized void acknowledge(String relativePath) {
    Path file = root.resolve(relativePath);
    pending.remove(relativePath);
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      known.put(relativePath, new Stamp(attrs.size(), attrs.lastModifiedTime().toMillis()));
    } catch (IOException e) {
      known.remove(relativePath);
    }
  }

  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}

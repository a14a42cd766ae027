package org.stdsearch.index.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Notices new, changed and removed files below the docs folder by scanning: each scan records size
 * and modification time per file, and a changed file is reported once it has looked the same for
 * the settle period, however many scans that takes: two equal scans in a row are not enough, as a
 * writer may pause for longer than the scan interval. A writer pausing longer than the
 * settle period still gets its half-written file indexed for a while, until it is finished.
 *
 * <p>A scan covers the whole folder ({@link #poll()}) or only some folders in it ({@link
 * #poll(Collection)}: those the operating system reported changes in, {@link FolderEvents}, and
 * those holding files not settled yet). Scanning, not the notifications, decides what changed: it
 * works on network and container-mounted folders where inotify events do not arrive, and cannot
 * overflow.
 */
final class FolderWatcher {
  /** What a scan knows about one file. */
  record Stamp(long size, long modified) {}

  /** What to do about a change (paths relative to the root, with {@code /}). */
  interface Listener {
    void changed(String relativePath);

    void removed(String relativePath);
  }

  /** A change not reported yet: its latest stamp and when a scan first saw that stamp. */
  private record Pending(Stamp stamp, long seenNanos) {}

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private final Path root;
  private final Listener listener;
  private final long settleNanos;
  private final Map<String, Stamp> known;
  private final Map<String, Pending> pending = new HashMap<>();

  /**
   * @param settle how long a changed file must keep the same size and time before it is reported;
   *     zero reports it at the second scan that sees it unchanged
   */
  FolderWatcher(Path root, Map<String, Stamp> initial, java.time.Duration settle, Listener listener) {
    this.root = root;
    this.known = new HashMap<>(initial);
    this.settleNanos = settle.toNanos();
    this.listener = listener;
  }

  /** Every visible file below {@code root} (hidden files and folders are skipped, like the indexer does). */
  static Map<String, Stamp> scan(Path root) {
    return scan(root, root);
  }

  /**
   * Every visible file below {@code start}, a folder in {@code root}, by its path relative to
   * {@code root}; empty when {@code start} is gone.
   */
  private static Map<String, Stamp> scan(Path root, Path start) {
    Map<String, Stamp> out = new HashMap<>();
    try {
      Files.walkFileTree(start, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return skipped(root, dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
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
   * One scan of the whole folder: reports files stable for the settle period, and files gone.
   *
   * @return the CPU time the scan of the folder took (ms), without the listener's work on what it
   *     found
   */
  synchronized long poll() {
    return poll(List.of(root));
  }

  /**
   * One scan of the given folders in the docs folder and everything in them (absolute paths; a
   * folder that is gone reports its files gone): reports files stable for the settle period, and
   * files gone. Files elsewhere are left as they were.
   *
   * @return the CPU time the scan took (ms), without the listener's work on what it found
   */
  synchronized long poll(Collection<Path> folders) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    List<String> prefixes = new ArrayList<>();
    Map<String, Stamp> current = new HashMap<>();
    for (Path folder : outermost(folders)) {
      String prefix = folder.equals(root) ? "" : relative(root, folder) + "/";
      prefixes.add(prefix);
      current.putAll(scan(root, folder));
    }
    long now = System.nanoTime();
    long wallNow = System.currentTimeMillis();
    long scanMillis = (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000;
    for (var e : current.entrySet()) {
      String path = e.getKey();
      Stamp stamp = e.getValue();
      Pending p = pending.get(path);
      if (stamp.equals(known.get(path))) {
        pending.remove(path);
      } else if (p != null && stamp.equals(p.stamp()) && settled(p, now, wallNow)) {
        pending.remove(path);
        known.put(path, stamp);
        listener.changed(path);
      } else if (p == null || !stamp.equals(p.stamp())) {
        pending.put(path, new Pending(stamp, now));
      }
    }
    List<String> gone = new ArrayList<>();
    for (Iterator<String> it = known.keySet().iterator(); it.hasNext(); ) {
      String path = it.next();
      if (within(path, prefixes) && !current.containsKey(path)) {
        it.remove();
        gone.add(path);
      }
    }
    gone.forEach(listener::removed);
    pending.keySet().removeIf(path -> within(path, prefixes) && !current.containsKey(path));
    return scanMillis;
  }

  /** The folders holding files seen changed but not settled yet: a later scan must look again. */
  synchronized Set<Path> unsettledFolders() {
    Set<Path> out = new HashSet<>();
    for (String path : pending.keySet()) {
      out.add(root.resolve(path).getParent()); // a path below root: its parent is root at least
    }
    return out;
  }

  /** {@code folders} without those inside another of them (a scan covers what is inside). */
  private static List<Path> outermost(Collection<Path> folders) {
    Set<Path> all = new HashSet<>(folders);
    List<Path> out = new ArrayList<>();
    for (Path f : all) {
      boolean inside = false;
      for (Path p = f.getParent(); p != null && !inside; p = p.getParent()) {
        inside = all.contains(p);
      }
      if (!inside) {
        out.add(f);
      }
    }
    return out;
  }

  private static boolean within(String path, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (path.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A file seen the same in two scans has settled once this watcher has seen it unchanged for the
   * settle period, or once its own modification time is that old (a write moves the time, so a
   * file finished a while ago is indexed at the next scan instead of a settle period later; a copy
   * that keeps the original's old time sets it only when done). The watcher's own clock decides
   * when the file system's clock cannot be trusted.
   */
  private boolean settled(Pending p, long now, long wallNow) {
    return now - p.seenNanos() >= settleNanos || (wallNow - p.stamp().modified()) * 1_000_000 >= settleNanos;
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

  /** Whether a folder below {@code root} is left out, with all it holds: a hidden one. */
  static boolean skipped(Path root, Path dir) {
    return !dir.equals(root) && hidden(dir);
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}

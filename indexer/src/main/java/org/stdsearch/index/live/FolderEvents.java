package org.stdsearch.index.live;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which folders below the docs folder have changed, from the operating system's change
 * notifications (inotify on Linux): every visible folder is registered, and a folder created later
 * is registered when its creation is seen. The {@link FolderWatcher} then scans only those folders,
 * not the whole tree, whose scan costs a stat of every file (docs/benchmarks.md has the figures).
 *
 * <p>Notifications are a shortcut, never the only way a change is found: they do not arrive for
 * changes made by another machine on a network folder, and the kernel drops them when its queue
 * overflows. A lost notification makes {@link #changedFolders()} answer "everything", and full
 * scans still run, only less often ({@link Watching}).
 */
final class FolderEvents implements Closeable {
  private final Path root;
  private final WatchService service;
  private final Map<WatchKey, Path> folders = new HashMap<>();

  private FolderEvents(Path root, WatchService service) {
    this.root = root;
    this.service = service;
  }

  /**
   * Notifications for the folders below {@code root}, or none where the platform has no native
   * ones (the JDK's fallback lists every registered folder every few seconds, a scan of its own) or
   * the kernel's limit of watched folders is reached.
   */
  static Optional<FolderEvents> open(Path root) {
    WatchService service;
    try {
      service = root.getFileSystem().newWatchService();
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
    if (service.getClass().getSimpleName().startsWith("Polling")) {
      closeQuietly(service);
      return Optional.empty();
    }
    FolderEvents events = new FolderEvents(root, service);
    try {
      events.registerTree(root);
    } catch (IOException e) {
      events.close();
      return Optional.empty();
    }
    return Optional.of(events);
  }

  /**
   * The folders (absolute) in which a file or folder was created, changed or removed since the last
   * call, a new folder with every folder in it; null when a notification was lost, so that the
   * whole tree must be scanned.
   */
  Set<Path> changedFolders() {
    Set<Path> changed = new LinkedHashSet<>();
    boolean lost = false; // a notification lost or a folder not registered: scan everything
    WatchKey key;
    try {
      while ((key = service.poll()) != null) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
            lost = true;
            continue;
          }
          changed.add(folder);
          Path child = folder.resolve((Path) event.context());
          if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
            try {
              changed.addAll(registerTree(child));
            } catch (IOException e) {
              lost = true; // gone again, or past the kernel's limit: the full scan sees it
            }
          }
        }
        if (!key.reset()) {
          folders.remove(key); // the folder is gone; its parent's notification reports that
        }
      }
    } catch (ClosedWatchServiceException e) {
      lost = true;
    }
    return lost ? null : changed;
  }

  /** Registers {@code top} and every visible folder in it; returns them. */
  private Set<Path> registerTree(Path top) throws IOException {
    Set<Path> registered = new LinkedHashSet<>();
    Files.walkFileTree(top, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (FolderWatcher.skipped(root, dir)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
        folders.put(key, dir);
        registered.add(dir);
        return FileVisitResult.CONTINUE;
      }
    });
    return registered;
  }

  @Override
  public void close() {
    closeQuietly(service);
  }

  private static void closeQuietly(WatchService service) {
    try {
      service.close();
    } catch (IOException e) {
      // nothing more to release
    }
  }
}

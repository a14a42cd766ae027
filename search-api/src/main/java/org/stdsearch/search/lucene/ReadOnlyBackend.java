package org.stdsearch.search.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.CompletableFuture;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.search.Backend;
import org.stdsearch.search.IndexHealth;
import org.stdsearch.search.IndexNotReadyException;
import org.stdsearch.search.SearchService;

/**
 * {@code serve --read-only}: an index built elsewhere, served as it is, the usual way to ship one
 * prebuilt index to several servers. No writer (nothing is written, not even a lock: the folder
 * may be on a read-only file system), no watcher, no admin routes. Every
 * {@link #REOPEN_INTERVAL} the newest commit is opened if there is one, so an index replaced in
 * place (a new commit copied in, its segments file last) is served without a restart.
 */
public final class ReadOnlyBackend implements Backend {
  private static final Logger log = LoggerFactory.getLogger(ReadOnlyBackend.class);
  static final Duration REOPEN_INTERVAL = Duration.ofSeconds(10);

  private final Path index;
  private final Path docs;
  private final Path taxonomy;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "index-reopen");
    t.setDaemon(true);
    return t;
  });
  private final IndexHealth health = new IndexHealth(IndexHealth.State.READ_ONLY, null, Instant.now());
  private Directory directory;
  private SearcherManager manager;
  private volatile SearchService service;
  private volatile boolean reopenFailing;

  /**
   * @param index the index folder
   * @param docs the docs folder the original files are served from (may be absent)
   * @param taxonomy a taxonomy file, or null for the bundled one
   */
  public ReadOnlyBackend(Path index, Path docs, Path taxonomy) {
    this.index = index;
    this.docs = docs;
    this.taxonomy = taxonomy;
  }

  /** Opens the newest commit of the index folder; fails when there is none. */
  @Override
  public synchronized void open() throws IOException {
    directory = FSDirectory.open(index);
    if (!DirectoryReader.indexExists(directory)) {
      directory.close();
      throw new IllegalArgumentException("no index in " + index + " to serve read-only");
    }
    manager = new SearcherManager(directory, new SearcherFactory());
    service = LuceneSearchService.over(manager, Taxonomy.loadOrBundled(taxonomy));
    scheduler.scheduleWithFixedDelay(this::reopenQuietly, REOPEN_INTERVAL.toMillis(), REOPEN_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void reopenQuietly() {
    try {
      manager.maybeRefresh();
      if (reopenFailing) {
        reopenFailing = false;
        log.info("the newest commit of the index is served");
      }
    } catch (IOException | RuntimeException e) {
      // A copy in progress: the old commit is served until the new one is whole.
      if (!reopenFailing) {
        reopenFailing = true;
        log.warn("opening the newest commit of the index failed (serving the previous one): {}", e.toString());
      }
    }
  }

  /** Nothing to keep up to date. */
  @Override
  public CompletableFuture<String> start() {
    return CompletableFuture.completedFuture("serving the index read-only; nothing is indexed\n");
  }

  @Override
  public SearchService service() {
    SearchService s = service;
    if (s == null) {
      throw new IndexNotReadyException("the index is not open yet");
    }
    return s;
  }

  @Override
  public boolean ready() {
    return service != null;
  }

  @Override
  public IndexHealth health() {
    return health;
  }

  /** The docs folder, for the original files; when it is absent their route answers 404. */
  @Override
  public Path docs() {
    Path folder = docs.toAbsolutePath().normalize();
    try {
      return Files.exists(folder) ? folder.toRealPath() : folder;
    } catch (IOException e) {
      return folder;
    }
  }

  @Override
  public long indexBytes() {
    try (var files = Files.list(index)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public boolean reindex() {
    return false;
  }

  @Override
  public AddedFile add(Path staged, String fileName) {
    throw new IllegalStateException("a read-only index takes no documents");
  }

  @Override
  public void delete(String id) {
    throw new IllegalStateException("a read-only index deletes nothing");
  }

  @Override
  public synchronized void close() {
    scheduler.shutdownNow();
    SearchService s = service;
    service = null;
    try {
      if (s != null) {
        s.close();
      }
      if (manager != null) {
        manager.close();
      }
      if (directory != null) {
        directory.close();
      }
    } catch (IOException | RuntimeException e) {
      log.warn("closing the index failed: {}", e.toString());
    }
  }
}

package org.stdsearch.http.live;

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
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.http.Backend;
import org.stdsearch.http.ServerConfig;
import org.stdsearch.index.IndexHealth;
import org.stdsearch.index.IndexReport;
import org.stdsearch.search.IndexNotReadyException;
import org.stdsearch.search.SearchService;

/**
 * {@code serve --read-only}: an index built elsewhere, served as it is, the usual way to ship one
 * prebuilt index to several servers. No writer (nothing is written, not even a lock: the folder
 * may be on a read-only file system), no watcher, no admin routes. Every
 * {@link #REOPEN_INTERVAL} the newest commit is opened if there is one, so an index replaced in
 * place (a new commit copied in, its segments file last) is served without a restart.
 */
public final class ReadOnlyIndex implements Backend {
  private static final Logger log = LoggerFactory.getLogger(ReadOnlyIndex.class);
  static final Duration REOPEN_INTERVAL = Duration.ofSeconds(10);

  private final ServerConfig config;
  private final LiveIndex.ServiceFactory factory;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
      LiveIndex.daemon("index-reopen"));
  private final IndexHealth health = new IndexHealth(IndexHealth.State.READ_ONLY, null, Instant.now());
  private Directory directory;
  private SearcherManager manager;
  private volatile SearchService service;
  private volatile boolean reopenFailing;

  public ReadOnlyIndex(ServerConfig config, LiveIndex.ServiceFactory factory) {
    this.config = config;
    this.factory = factory;
  }

  /** Opens the newest commit of the index folder; fails when there is none. */
  public synchronized void open() throws IOException {
    directory = FSDirectory.open(config.index());
    if (!DirectoryReader.indexExists(directory)) {
      directory.close();
      throw new IllegalArgumentException("no index in " + config.index() + " to serve read-only");
    }
    manager = new SearcherManager(directory, new SearcherFactory());
    service = factory.over(manager, Taxonomy.loadOrBundled(null));
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
    Path docs = config.docs().toAbsolutePath().normalize();
    try {
      return Files.exists(docs) ? docs.toRealPath() : docs;
    } catch (IOException e) {
      return docs;
    }
  }

  @Override
  public long indexBytes() {
    try (var files = Files.list(config.index())) {
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
  public IndexReport.FileOutcome add(Path staged, String fileName) {
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

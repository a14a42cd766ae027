package org.stdsearch.search.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.index.IndexReport;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.index.LuceneSink;
import org.stdsearch.index.live.LiveIndex;
import org.stdsearch.search.Backend;
import org.stdsearch.search.IndexNotReadyException;
import org.stdsearch.search.SearchService;

/**
 * The embedded backend: one Lucene index on local disk, written by a {@link LiveIndex} through a
 * {@link LuceneSink} and searched by a {@link LuceneSearchService} over the sink's near-real-time
 * searchers, so searches see a new document within a second, before it is committed.
 */
public final class EmbeddedBackend implements Backend {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedBackend.class);

  private final IndexerConfig config;
  private final Duration watchInterval;
  private LuceneSink sink;
  private LiveIndex live;
  private volatile SearchService service;

  /**
   * @param config the docs folder, the index folder and how to index
   * @param watchInterval the least time between two scans of the docs folder; zero: no watching
   */
  public EmbeddedBackend(IndexerConfig config, Duration watchInterval) {
    this.config = config;
    this.watchInterval = watchInterval;
  }

  @Override
  public synchronized void open() throws IOException {
    if (!Files.isDirectory(config.docs())) {
      throw new IllegalArgumentException("the docs folder does not exist: " + config.docs());
    }
    Taxonomy taxonomy = Taxonomy.loadOrBundled(config.taxonomy());
    sink = LuceneSink.open(config.index(), taxonomy);
    live = new LiveIndex(config, watchInterval, sink, taxonomy);
    live.open();
    service = LuceneSearchService.over(sink.searchers(), taxonomy); // from here on: ready
  }

  @Override
  public CompletableFuture<String> start() {
    return startIndexing().thenApply(IndexReport::summary);
  }

  /** As {@link #start}, with the first pass's full report. */
  public CompletableFuture<IndexReport> startIndexing() {
    SearchService s = service();
    return live.start(s::warm);
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
  public Path docs() {
    Path docs = service == null ? null : live.docs();
    if (docs == null) {
      throw new IndexNotReadyException("the index is not open yet");
    }
    return docs;
  }

  @Override
  public long indexBytes() {
    try (var files = Files.list(config.index())) {
      return files.mapToLong(p -> {
        try {
          return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException e) {
          return 0; // merged away while listing
        }
      }).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public boolean reindex() {
    service();
    return live.reindex();
  }

  @Override
  public AddedFile add(Path staged, String fileName) throws IOException, InterruptedException {
    service();
    IndexReport.FileOutcome o = live.add(staged, fileName);
    return new AddedFile(o.path(), o.status(), o.type(), o.reason());
  }

  @Override
  public void delete(String id) throws IOException {
    live.delete(service().file(id).path());
  }

  /** Stops indexing and watching, then closes the search service and the index (which commits). */
  @Override
  public synchronized void close() {
    SearchService s = service;
    service = null;
    closeQuietly(live);
    closeQuietly(s);
    closeQuietly(sink);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      log.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
    }
  }
}

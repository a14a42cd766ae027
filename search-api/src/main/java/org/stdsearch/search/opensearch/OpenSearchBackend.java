package org.stdsearch.search.opensearch;

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
import org.stdsearch.index.IndexingProgress;
import org.stdsearch.index.live.LiveIndex;
import org.stdsearch.index.opensearch.OpenSearchSink;
import org.stdsearch.opensearch.Cluster;
import org.stdsearch.opensearch.ClusterConfig;
import org.stdsearch.search.Backend;
import org.stdsearch.search.IndexHealth;
import org.stdsearch.search.IndexNotReadyException;
import org.stdsearch.search.IndexingStatus;
import org.stdsearch.search.SearchService;

/**
 * A served index in an OpenSearch cluster: the {@link OpenSearchSearchService} answers, and, on the
 * node that indexes, a {@link LiveIndex} keeps the docs folder indexed through an {@link
 * OpenSearchSink}. Other nodes answer from the same cluster without indexing; every node serves
 * file content from its own docs folder (the same files: a shared or copied folder).
 */
public final class OpenSearchBackend implements Backend {
  private static final Logger log = LoggerFactory.getLogger(OpenSearchBackend.class);
  /** The bytes gauge asks often; the cluster is asked at most this often. */
  private static final long BYTES_TTL_NANOS = 10_000_000_000L;

  private final IndexerConfig config;
  private final Duration watchInterval;
  private final Duration settle;
  private final ClusterConfig clusterConfig;
  private final int shards;
  private final boolean indexing;
  private Cluster cluster;
  private OpenSearchSink sink;
  private LiveIndex live;
  private Path docs;
  private volatile OpenSearchSearchService service;
  private volatile long bytes;
  private volatile long bytesAt;

  /**
   * @param config the docs folder and how to index it
   * @param watchInterval the least time between two scans of the docs folder; zero: no watching
   * @param settle how long a changed file must look the same before it is indexed
   * @param cluster where the indexes are
   * @param shards primary shards of indexes this node creates
   * @param indexing whether this node indexes the docs folder (one node per cluster should)
   */
  public OpenSearchBackend(IndexerConfig config, Duration watchInterval, Duration settle, ClusterConfig cluster,
      int shards, boolean indexing) {
    this.config = config;
    this.watchInterval = watchInterval;
    this.settle = settle;
    this.clusterConfig = cluster;
    this.shards = shards;
    this.indexing = indexing;
  }

  @Override
  public synchronized void open() throws IOException {
    if (!Files.isDirectory(config.docs())) {
      throw new IllegalArgumentException("the docs folder does not exist: " + config.docs());
    }
    docs = config.docs().toRealPath();
    Taxonomy taxonomy = Taxonomy.loadOrBundled(config.taxonomy());
    cluster = Cluster.connect(clusterConfig);
    if (indexing) {
      sink = OpenSearchSink.open(cluster, taxonomy, shards, false);
      live = new LiveIndex(config, watchInterval, settle, sink, taxonomy);
      live.open();
    }
    IndexerVocabulary vocabulary = new IndexerVocabulary(taxonomy);
    service = OpenSearchSearchService.over(cluster, vocabulary, vocabulary); // from here on: ready
  }

  @Override
  public CompletableFuture<String> start() {
    SearchService s = service();
    if (!indexing) {
      return CompletableFuture.completedFuture("answering from OpenSearch index " + clusterConfig.index()
          + "; another node indexes\n");
    }
    return live.start(s::warm).thenApply(IndexReport::summary);
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
    LiveIndex l = live;
    LiveIndex.Writing w = l == null ? null : l.writing();
    return w == null || !w.degraded() ? IndexHealth.ok()
        : new IndexHealth(IndexHealth.State.DEGRADED, w.reason(), w.since());
  }

  @Override
  public Path docs() {
    service();
    return docs;
  }

  @Override
  public long indexBytes() {
    Cluster c = cluster;
    if (c == null) {
      return 0;
    }
    if (System.nanoTime() - bytesAt > BYTES_TTL_NANOS) {
      try {
        bytes = c.indexBytes();
      } catch (IOException | RuntimeException e) {
        log.debug("index size unavailable: {}", e.toString());
      }
      bytesAt = System.nanoTime();
    }
    return bytes;
  }

  @Override
  public IndexingStatus indexing() {
    // live is set before the volatile service: reading service first sees it (open() publishes both)
    IndexingProgress.Snapshot s = service == null || live == null ? null : live.indexing();
    return s == null ? null : new IndexingStatus(s.phase(), s.filesDone(), s.filesTotal(), s.ocrDocumentsDone(),
        s.ocrDocumentsTotal(), s.ocrPagesDone(), s.ocrPagesTotal());
  }

  @Override
  public boolean reindex() {
    service();
    return indexingNode().reindex();
  }

  @Override
  public AddedFile add(Path staged, String fileName) throws IOException, InterruptedException {
    service();
    IndexReport.FileOutcome o = indexingNode().add(staged, fileName);
    return new AddedFile(o.path(), o.status(), o.type(), o.reason());
  }

  @Override
  public void delete(String id) throws IOException {
    String path = service().file(id).path();
    indexingNode().delete(path);
  }

  private LiveIndex indexingNode() {
    if (live == null) {
      throw new IndexNotReadyException("this server answers from the cluster but does not index: send changes to the "
          + "node that indexes");
    }
    return live;
  }

  @Override
  public synchronized void close() {
    SearchService s = service;
    service = null;
    closeQuietly(live);
    closeQuietly(s);
    closeQuietly(sink);
    closeQuietly(cluster);
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

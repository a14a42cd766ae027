package org.stdsearch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.http.ServerConfig;
import org.stdsearch.index.IndexReport;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.index.LuceneSink;
import org.stdsearch.index.StandardSink;
import org.stdsearch.index.live.LiveIndex;
import org.stdsearch.search.Backend;
import org.stdsearch.search.SearchService;
import org.stdsearch.index.opensearch.OpenSearchSink;
import org.stdsearch.opensearch.Cluster;
import org.stdsearch.search.IndexNotReadyException;
import org.stdsearch.search.lucene.EmbeddedBackend;
import org.stdsearch.search.lucene.LuceneSearchService;
import org.stdsearch.search.lucene.ReadOnlyBackend;
import org.stdsearch.search.opensearch.IndexerVocabulary;
import org.stdsearch.search.opensearch.OpenSearchBackend;
import org.stdsearch.search.opensearch.OpenSearchSearchService;

/**
 * The one place that chooses a backend and wires it: everything else in {@code cli} and {@code
 * http} sees only the search contract ({@link SearchService}, {@link Backend}). The embedded
 * Lucene index is the default; an OpenSearch cluster is chosen by {@link BackendConfig}. Tests
 * start servers through here too, as {@code serve} does.
 */
public final class Backends {
  private Backends() {}

  /** A read-only search service over an index on disk ({@code search}). */
  static SearchService open(Path index, Path taxonomy) throws IOException {
    return LuceneSearchService.open(index, Taxonomy.loadOrBundled(taxonomy));
  }

  /** A read-only search service over the chosen backend ({@code search}). */
  static SearchService open(BackendConfig backend, Path index, Path taxonomy) throws IOException {
    if (backend.isEmbedded()) {
      return open(index, taxonomy);
    }
    Cluster cluster = Cluster.connect(backend.cluster());
    try {
      if (!cluster.layoutReady()) {
        throw new IndexNotReadyException("no stdsearch index '" + backend.cluster().index() + "' in the cluster yet:"
            + " run 'index --backend opensearch' first");
      }
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    IndexerVocabulary vocabulary = new IndexerVocabulary(Taxonomy.loadOrBundled(taxonomy));
    return OpenSearchSearchService.owning(cluster, vocabulary, vocabulary);
  }

  /** One indexing run of {@code index} into the chosen sink (the embedded Lucene index). */
  static IndexReport index(IndexerConfig config) throws IOException, InterruptedException {
    return index(config, BackendConfig.embedded());
  }

  /** One indexing run into the chosen backend's sink. */
  static IndexReport index(IndexerConfig config, BackendConfig backend) throws IOException, InterruptedException {
    Taxonomy taxonomy = Taxonomy.loadOrBundled(config.taxonomy());
    try (StandardSink sink = backend.isEmbedded() ? LuceneSink.open(config.index(), taxonomy)
            : OpenSearchSink.open(Cluster.connect(backend.cluster()), taxonomy, backend.shards(), true);
        Indexer indexer = new Indexer(config, sink, taxonomy)) {
      return indexer.run();
    }
  }

  /**
   * The served index of {@code serve}: not yet open (call {@link Backend#open}, then {@link
   * Backend#start}). Read-only: the index as it is, with no writer and no watcher.
   */
  public static Backend serving(ServerConfig config) {
    return serving(config, BackendConfig.embedded());
  }

  /** As {@link #serving(ServerConfig)} on the chosen backend. */
  public static Backend serving(ServerConfig config, BackendConfig backend) {
    Duration watch = Duration.ofSeconds(Math.max(0, config.watchIntervalSeconds()));
    Duration settle = Duration.ofSeconds(config.watchSettleSeconds());
    if (backend.isEmbedded()) {
      return config.readOnly()
          ? new ReadOnlyBackend(config.index(), config.docs(), null)
          : new EmbeddedBackend(indexerConfig(config), watch, settle);
    }
    return new OpenSearchBackend(indexerConfig(config), watch, settle, backend.cluster(), backend.shards(),
        backend.indexing() && !config.readOnly());
  }

  /**
   * How {@code serve} indexes its docs folder: workers and OCR as configured, the OCR cache in the
   * index folder, a commit every {@link LiveIndex#PASS_COMMIT_INTERVAL} during a pass.
   */
  static IndexerConfig indexerConfig(ServerConfig config) {
    // Progress as log lines like the index command's, never a bar: serve's output is a log.
    return IndexerConfig.of(config.docs(), config.index())
        .withWorkers(config.workers() == ServerConfig.DEFAULT_WORKERS ? IndexerConfig.defaultWorkers() : config.workers())
        .withProgress(IndexerConfig.ProgressDisplay.LOG)
        .withCommitInterval(LiveIndex.PASS_COMMIT_INTERVAL)
        .withOcr(OcrOptions.defaults().withMode(OcrMode.fromId(config.ocrMode())).withLanguages(config.ocrLanguages())
            .withCacheDir(OcrOptions.cacheOf(config.index())));
  }
}

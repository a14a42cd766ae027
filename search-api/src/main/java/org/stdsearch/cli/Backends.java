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
import org.stdsearch.search.Backend;
import org.stdsearch.search.SearchService;
import org.stdsearch.search.lucene.EmbeddedBackend;
import org.stdsearch.search.lucene.LuceneSearchService;

/**
 * The one place that chooses a backend and wires it: everything else in {@code cli} and {@code
 * http} sees only the search contract ({@link SearchService}, {@link Backend}). The embedded
 * Lucene index is the only backend so far; a second one (an OpenSearch cluster) is chosen here,
 * from the same configuration. Tests start servers through here too, as {@code serve} does.
 */
public final class Backends {
  private Backends() {}

  /** A read-only search service over an index on disk ({@code search}). */
  static SearchService open(Path index, Path taxonomy) throws IOException {
    return LuceneSearchService.open(index, Taxonomy.loadOrBundled(taxonomy));
  }

  /** One indexing run of {@code index} into the chosen sink (the embedded Lucene index). */
  static IndexReport index(IndexerConfig config) throws IOException, InterruptedException {
    Taxonomy taxonomy = Taxonomy.loadOrBundled(config.taxonomy());
    try (StandardSink sink = LuceneSink.open(config.index(), taxonomy);
        Indexer indexer = new Indexer(config, sink, taxonomy)) {
      return indexer.run();
    }
  }

  /** The served index of {@code serve}: not yet open (call {@link Backend#open}, then {@link Backend#start}). */
  public static Backend serving(ServerConfig config) {
    return new EmbeddedBackend(indexerConfig(config), Duration.ofSeconds(Math.max(0, config.watchIntervalSeconds())));
  }

  /** How {@code serve} indexes its docs folder: workers and OCR as configured, the OCR cache beside the index. */
  static IndexerConfig indexerConfig(ServerConfig config) {
    return IndexerConfig.of(config.docs(), config.index()).withWorkers(config.workers())
        .withOcr(OcrOptions.defaults().withMode(OcrMode.fromId(config.ocrMode())).withLanguages(config.ocrLanguages())
            .withCacheDir(OcrOptions.cacheBesideIndex(config.index())));
  }
}

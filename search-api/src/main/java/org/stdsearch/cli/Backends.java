package org.stdsearch.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.http.ServerConfig;
import org.stdsearch.index.live.LiveIndex;
import org.stdsearch.search.SearchService;
import org.stdsearch.search.lucene.LuceneSearchService;

/**
 * The one place that chooses a backend and wires it: everything else in {@code cli} and {@code
 * http} sees only the search contract ({@link SearchService}, {@code http.Backend}). The embedded
 * Lucene index is the only backend so far; a second one (an OpenSearch cluster) is chosen here.
 */
final class Backends {
  private Backends() {}

  /** A read-only search service over an index on disk ({@code search}). */
  static SearchService open(Path index, Path taxonomy) throws IOException {
    return LuceneSearchService.open(index, Taxonomy.loadOrBundled(taxonomy));
  }

  /** The served, live-updated index over {@code config}'s docs folder ({@code serve}). */
  static LiveIndex live(ServerConfig config) {
    return new LiveIndex(config, LuceneSearchService::over);
  }
}

package org.stdsearch.http.live;

import java.io.IOException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.search.SearchService;

/**
 * One opening of the index for writing: the writer, the near-real-time searchers over it, the
 * search service and the indexer that share it. After a failed write (a full disk) the whole
 * generation is dropped and a new one opened from the last commit; searches go on over the old
 * one's last searcher until then.
 */
final class WriterGeneration implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WriterGeneration.class);

  final IndexWriter writer;
  final SearcherManager manager;
  final SearchService service;
  private final IndexerConfig indexerConfig;
  private final Taxonomy taxonomy;
  /** Created on first use by the indexing thread: Tika's type registry is off the start-up path. */
  private Indexer indexer;

  private WriterGeneration(IndexWriter writer, SearcherManager manager, SearchService service,
      IndexerConfig indexerConfig, Taxonomy taxonomy) {
    this.writer = writer;
    this.manager = manager;
    this.service = service;
    this.indexerConfig = indexerConfig;
    this.taxonomy = taxonomy;
  }

  /**
   * Opens a writer on {@code directory} at its last commit; Lucene deletes on opening the files no
   * commit refers to (what a failed flush left behind).
   */
  static WriterGeneration open(Directory directory, IndexerConfig indexerConfig, Taxonomy taxonomy,
      LiveIndex.ServiceFactory factory) throws IOException {
    IndexWriter writer = Indexer.openWriter(directory);
    try {
      SearcherManager manager = new SearcherManager(writer, null);
      return new WriterGeneration(writer, manager, factory.over(manager, taxonomy), indexerConfig, taxonomy);
    } catch (IOException | RuntimeException e) {
      writer.rollback();
      throw e;
    }
  }

  synchronized Indexer indexer() {
    if (indexer == null) {
      indexer = new Indexer(indexerConfig, writer, taxonomy);
    }
    return indexer;
  }

  /**
   * Whether {@code e}, thrown while indexing or committing, means this generation cannot write any
   * more (rather than a problem of one file, such as a file that vanished).
   */
  synchronized boolean broken(Throwable e) {
    return !writer.isOpen() || writer.getTragicException() != null
        || (indexer != null && indexer.writeFailure() != null)
        || e instanceof org.apache.lucene.store.AlreadyClosedException;
  }

  /** The failure to report for {@code e}: the writer's own when it has one. */
  synchronized Throwable cause(Throwable e) {
    Throwable own = indexer == null ? writer.getTragicException() : indexer.writeFailure();
    return own != null ? own : e;
  }

  /**
   * Drops what was written since the last commit, files included, and closes the writer. Searches
   * go on: their open segment files stay readable after deletion until the searcher is replaced.
   */
  void rollback() {
    try {
      writer.rollback();
      Indexer.dropUncommittedFiles(writer.getDirectory());
    } catch (IOException | RuntimeException e) {
      log.warn("rolling back the index writer failed: {}", e.toString());
    }
  }

  void commitAndRefresh() throws IOException {
    writer.commit();
    manager.maybeRefreshBlocking();
  }

  /** Closes service, searchers, indexer and writer (which commits when still open). */
  @Override
  public void close() {
    closeQuietly(service);
    closeQuietly(manager);
    synchronized (this) {
      closeQuietly(indexer);
    }
    closeQuietly(writer);
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

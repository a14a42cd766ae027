package org.stdsearch.index;

import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;

/**
 * Near-real-time searchers over an index writer that may be replaced: Lucene's
 * {@code SearcherManager} is bound to one writer, and after a failed write the sink opens a new
 * one at the last commit. Searches keep the searcher they hold; the next refresh opens the new
 * writer's view, so whoever searches through this manager never has to know.
 */
final class NrtSearchers extends ReferenceManager<IndexSearcher> {
  private volatile IndexWriter writer;

  NrtSearchers(IndexWriter writer) throws IOException {
    this.writer = writer;
    current = new IndexSearcher(DirectoryReader.open(writer));
  }

  /** Refreshes from {@code replacement} from now on. */
  void follow(IndexWriter replacement) {
    this.writer = replacement;
  }

  @Override
  protected void decRef(IndexSearcher reference) throws IOException {
    reference.getIndexReader().decRef();
  }

  @Override
  protected IndexSearcher refreshIfNeeded(IndexSearcher referenceToRefresh) throws IOException {
    IndexReader old = referenceToRefresh.getIndexReader();
    // From another writer than the one it came from, Lucene opens that writer's view.
    DirectoryReader reader = DirectoryReader.openIfChanged((DirectoryReader) old, writer);
    return reader == null ? null : new IndexSearcher(reader);
  }

  @Override
  protected boolean tryIncRef(IndexSearcher reference) {
    return reference.getIndexReader().tryIncRef();
  }

  @Override
  protected int getRefCount(IndexSearcher reference) {
    return reference.getIndexReader().getRefCount();
  }
}

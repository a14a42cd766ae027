package org.stdsearch.index;

import java.io.IOException;
import java.util.Map;

/**
 * Where the pipeline (walk → extract → recognise → classify) puts each standard, and where the
 * incremental state of a run lives: the embedded Lucene index ({@link LuceneSink}) by default, a
 * cluster's bulk API in another implementation. Writes replace by path, so writing a file twice
 * (a run resumed after a crash, a watcher event beside a full pass) leaves one copy.
 *
 * <p>Implementations are thread-safe: the pipeline writes from several threads at once.
 */
public interface StandardSink extends AutoCloseable {

  /** Path → what is indexed for it: the state a run compares the docs folder with. */
  Map<String, IndexedFile> indexedFiles() throws IOException;

  /** Writes one standard, replacing whatever was indexed under its path. */
  void write(IndexEntry entry) throws IOException;

  /** Records a new modification time for a file whose content is unchanged (a copy, a touch). */
  void touch(String path, long modified) throws IOException;

  /** Removes what is indexed under {@code path}. */
  void delete(String path) throws IOException;

  /** Makes everything written so far durable: a run killed after this resumes from here. */
  void commit() throws IOException;

  /** Makes everything written so far visible to searches before returning. */
  default void refresh() throws IOException {}

  /** As {@link #refresh}, but returns at once when a refresh is already running. */
  default void refreshIfIdle() throws IOException {
    refresh();
  }

  /** Live standards in the sink now (for the run's report). */
  int standards() throws IOException;

  /** Releases what the sink owns; a sink over a caller's writer leaves the writer open. */
  @Override
  void close() throws IOException;
}

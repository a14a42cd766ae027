package org.stdsearch.search.opensearch;

import java.io.IOException;
import java.util.Map;
import org.stdsearch.index.IndexEntry;
import org.stdsearch.index.IndexedFile;
import org.stdsearch.index.StandardSink;

/**
 * Writes one indexing run into two sinks (the embedded index and a cluster), so both backends are
 * compared on the very same recognised standards, extracted once. The first sink's state decides
 * what the run skips.
 */
final class TeeSink implements StandardSink {
  private final StandardSink first;
  private final StandardSink second;

  TeeSink(StandardSink first, StandardSink second) {
    this.first = first;
    this.second = second;
  }

  @Override
  public Map<String, IndexedFile> indexedFiles() throws IOException {
    second.indexedFiles();
    return first.indexedFiles();
  }

  @Override
  public void write(IndexEntry entry) throws IOException {
    first.write(entry);
    second.write(entry);
  }

  @Override
  public void touch(String path, long modified) throws IOException {
    first.touch(path, modified);
    second.touch(path, modified);
  }

  @Override
  public void delete(String path) throws IOException {
    first.delete(path);
    second.delete(path);
  }

  @Override
  public void commit() throws IOException {
    first.commit();
    second.commit();
  }

  @Override
  public void refresh() throws IOException {
    first.refresh();
    second.refresh();
  }

  @Override
  public int standards() throws IOException {
    return first.standards();
  }

  @Override
  public void close() throws IOException {
    try {
      first.close();
    } finally {
      second.close();
    }
  }
}

package org.stdsearch.integration;

import java.nio.file.Path;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;

/** An indexing run in its own JVM, for the test that kills it: {@code IndexRunMain DOCS INDEX}. */
public final class IndexRunMain {
  private IndexRunMain() {}

  public static void main(String[] args) throws Exception {
    Indexer.indexFolder(IndexerConfig.of(Path.of(args[0]), Path.of(args[1])).withWorkers(2));
  }
}

package org.stdsearch.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * A served index: its search service once it is open, the docs folder, the admin operations and
 * the background work that keeps the index up to date; in the contract's types only, so that the
 * HTTP layer and {@code serve} work with any backend. The embedded Lucene index ({@code
 * search.lucene.EmbeddedBackend}) is the default; tests of pure HTTP behaviour may pass a fake.
 */
public interface Backend extends AutoCloseable {

  /**
   * Opens the index and its search service; from then on the backend is {@link #ready}. May run
   * while the HTTP server starts (the API answers 503 until it returns).
   */
  void open() throws IOException;

  /**
   * Starts keeping the index up to date in the background: a first pass over the docs folder,
   * then watching it. The future completes with a human summary of the first pass.
   */
  CompletableFuture<String> start();

  /** The search service; throws {@link IndexNotReadyException} until the index is open. */
  SearchService service();

  boolean ready();

  /** The real path of the docs folder: the only place file content is served from. */
  Path docs();

  /** Bytes on disk of the index (a metrics gauge; cheap). */
  long indexBytes();

  /** Starts an incremental pass over the docs folder in the background; false when one is running. */
  boolean reindex();

  /**
   * Moves {@code staged} into the docs folder as {@code fileName} (already a safe single name),
   * indexes it, commits and refreshes. A file that could not be extracted is removed again, leaving
   * the index as it was; its outcome says why.
   */
  AddedFile add(Path staged, String fileName) throws IOException, InterruptedException;

  /** Removes the standard's file from the docs folder and the standard from the index. */
  void delete(String id) throws IOException;

  /**
   * What became of an uploaded file: its path below the docs folder, the extraction status
   * ({@code ok}, {@code failed}, ...), its detected type, and why when it was not fully indexed.
   */
  record AddedFile(String path, String status, String type, String reason) {}

  /** Stops background work and closes the service and the index. */
  @Override
  void close();
}

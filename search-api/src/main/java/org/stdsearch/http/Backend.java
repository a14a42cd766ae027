package org.stdsearch.http;

import java.io.IOException;
import java.nio.file.Path;
import org.stdsearch.index.IndexHealth;
import org.stdsearch.index.IndexReport;
import org.stdsearch.search.SearchService;

/**
 * What the routes need from the index being served: the search service once it is open, the docs
 * folder, and the admin operations. {@code live.LiveIndex} is the real one ({@code serve} and the
 * integration tests); tests of pure HTTP behaviour may pass a fake.
 */
public interface Backend extends AutoCloseable {

  /** The search service; throws {@link org.stdsearch.search.IndexNotReadyException} until the index is open. */
  SearchService service();

  boolean ready();

  /** Whether changes can be written; searches go on in every state. */
  default IndexHealth health() {
    return IndexHealth.ok();
  }

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
  IndexReport.FileOutcome add(Path staged, String fileName) throws IOException, InterruptedException;

  /** Removes the standard's file from the docs folder and the standard from the index. */
  void delete(String id) throws IOException;

  /** Stops background work and closes the service and the index. */
  @Override
  void close();
}

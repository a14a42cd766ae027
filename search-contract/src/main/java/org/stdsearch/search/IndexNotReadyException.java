package org.stdsearch.search;

/** No index is open yet (first indexing still starting); the HTTP layer answers 503. */
public final class IndexNotReadyException extends RuntimeException {
  public IndexNotReadyException(String message) {
    super(message);
  }
}

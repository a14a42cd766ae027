package org.stdsearch.search;

/** A search stopped because nobody waits for its answer any more (the client went away). */
public final class SearchCancelledException extends RuntimeException {
  public SearchCancelledException() {
    super("the client went away", null, false, false);
  }
}

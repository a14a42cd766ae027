package org.stdsearch.search;

/** No standard with that id; the HTTP layer answers 404. */
public final class StandardNotFoundException extends RuntimeException {
  private final String id;

  public StandardNotFoundException(String id) {
    super("no standard with id " + id);
    this.id = id;
  }

  public String id() {
    return id;
  }
}

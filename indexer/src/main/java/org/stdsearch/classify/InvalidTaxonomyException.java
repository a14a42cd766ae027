package org.stdsearch.classify;

/** A taxonomy file that cannot be used; the message names the file and what is wrong. */
public final class InvalidTaxonomyException extends RuntimeException {

  private final String source;
  private final String reason;

  public InvalidTaxonomyException(String source, String reason) {
    this(source, reason, null);
  }

  public InvalidTaxonomyException(String source, String reason, Throwable cause) {
    super("invalid taxonomy " + source + ": " + reason, cause);
    this.source = source;
    this.reason = reason;
  }

  /** The file or resource that was read. */
  public String source() {
    return source;
  }

  public String reason() {
    return reason;
  }
}

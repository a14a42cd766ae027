package org.stdsearch.index;

import java.io.IOException;
import java.util.Locale;

/**
 * A run could not write the index (a full disk, an I/O error); it carries the report of what the
 * run did until then, whose {@link IndexReport#failure()} says why in words for an operator.
 */
public final class IndexWriteException extends IOException {
  private final transient IndexReport report;

  public IndexWriteException(String reason, IndexReport report, Throwable cause) {
    super(reason, cause);
    this.report = report;
  }

  public IndexReport report() {
    return report;
  }

  /**
   * The real reason behind a failed write, in words: "the disk holding the index is full" when a
   * cause in the chain says so, else the innermost I/O error's message. Lucene's
   * {@code AlreadyClosedException} ("this IndexWriter is closed") is never the reason: the
   * writer's tragic exception, its cause, is.
   */
  public static String describe(Throwable failure) {
    Throwable io = null;
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (diskFull(t)) {
        return "the disk holding the index is full (" + t.getMessage() + ")";
      }
      if (t instanceof IOException) {
        io = t;
      }
    }
    Throwable shown = io != null ? io : failure;
    return shown.getClass().getSimpleName() + (shown.getMessage() == null ? "" : ": " + shown.getMessage());
  }

  /** Whether an error is the operating system's "no space left on device" (ENOSPC) or a quota. */
  static boolean diskFull(Throwable t) {
    String m = t.getMessage();
    if (m == null) {
      return false;
    }
    String lower = m.toLowerCase(Locale.ROOT);
    return lower.contains("no space left on device") || lower.contains("disk quota exceeded")
        || lower.contains("not enough space on the disk");
  }
}

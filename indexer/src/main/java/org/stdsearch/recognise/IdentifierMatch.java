package org.stdsearch.recognise;

import java.util.Objects;

/**
 * An identifier found in running text, with the character offsets {@code [start, end)} of its
 * spelling in the text as given (full-width and ASCII forms take one character each).
 */
public record IdentifierMatch(StandardIdentifier identifier, int start, int end) {

  public IdentifierMatch {
    Objects.requireNonNull(identifier, "identifier");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad offsets: start=" + start + ", end=" + end);
    }
  }
}

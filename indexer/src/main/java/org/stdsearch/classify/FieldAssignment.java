package org.stdsearch.classify;

import java.util.Objects;

/**
 * One technology field assigned to a document.
 *
 * @param fieldId the most specific field id that matched; its ancestors are implied
 * @param confidence in [0, 1]; grows with the strength of the evidence, saturating
 */
public record FieldAssignment(String fieldId, double confidence) {

  public FieldAssignment {
    Objects.requireNonNull(fieldId, "fieldId");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
    }
  }
}

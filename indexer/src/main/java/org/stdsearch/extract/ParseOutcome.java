package org.stdsearch.extract;

import java.util.List;
import java.util.Map;

/**
 * What one parse produced, before the indexer adds the file's path, hash and size. This is what
 * a worker process sends back to the indexer.
 */
record ParseOutcome(
    String mimeType,
    ExtractionStatus status,
    String reason,
    String text,
    List<Integer> pageStarts,
    Map<String, List<String>> metadata) {

  static ParseOutcome failed(String mimeType, String reason) {
    return new ParseOutcome(mimeType, ExtractionStatus.FAILED, reason, "", List.of(0), Map.of());
  }
}

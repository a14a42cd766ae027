package org.stdsearch.search.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import org.stdsearch.opensearch.Documents;
import org.stdsearch.opensearch.Documents.StandardDocument;
import org.stdsearch.search.StandardDetail;

/** A standard's stored record read as the contract's type. */
final class Records {
  private Records() {}

  static StandardDetail.Metadata of(StandardDocument d) {
    return of(d.record());
  }

  static StandardDetail.Metadata of(JsonNode record) {
    if (record == null || record.isNull()) {
      return null;
    }
    try {
      return Documents.mapper().treeToValue(record, StandardDetail.Metadata.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("unreadable stored record", e);
    }
  }
}

package org.stdsearch.search.opensearch;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.stdsearch.opensearch.Documents;
import org.stdsearch.search.StandardDetail;
import org.stdsearch.search.internal.RecentlyUsed;

/**
 * Hit records read from the {@code hit} doc value (JSON, base64-encoded in the answer), the most
 * recently used kept by their encoded form: the same standards come back in the hits of many
 * searches, and reading their JSON is a large part of the service's own work on a search without
 * snippets. An entry is found by the record's bytes, so a changed standard never meets its old
 * record.
 */
final class HitRecords {
  /**
   * As many as the embedded backend keeps: about 3 KB each as objects, key included, a few tens of
   * MB at most. Fewer and the hits of a few thousand different searches no longer fit, and their
   * records are read again (a twentieth of the service's CPU on 2,000 searches in turn).
   */
  static final int CAPACITY = 10_000;
  private static final ObjectReader READER = Documents.mapper().readerFor(StandardDetail.Metadata.class);

  private final RecentlyUsed<String, StandardDetail.Metadata> recent = new RecentlyUsed<>(CAPACITY);

  /** The record encoded in {@code base64}. */
  StandardDetail.Metadata of(String base64) {
    try {
      return recent.get(base64, HitRecords::decode);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable hit record", e);
    }
  }

  static StandardDetail.Metadata decode(String base64) throws IOException {
    return READER.readValue(Base64.getDecoder().decode(base64));
  }
}

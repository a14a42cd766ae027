package org.stdsearch.search.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.stdsearch.index.MetadataCodec;
import org.stdsearch.index.Schema;
import org.stdsearch.index.StandardMetadata;
import org.stdsearch.search.internal.RecentlyUsed;

/**
 * Decoded hit records ({@link Schema#HIT_JSON}), the most recently used kept per segment and
 * document: the same standards come back in the hits of many searches, and decoding their JSON
 * was a tenth of a search without snippets (docs/benchmarks.md). A segment never changes a
 * document's record (an update writes a new document), so an entry stays right as long as it
 * is kept; entries of merged-away segments age out.
 */
final class HitRecords {
  /** About 2 KB each as objects: a few tens of MB at most. */
  static final int CAPACITY = 10_000;

  private record Key(IndexReader.CacheKey segment, int doc) {}

  private final RecentlyUsed<Key, StandardMetadata> recent = new RecentlyUsed<>(CAPACITY);

  /** The hit record of a top-level doc id of {@code reader}. */
  StandardMetadata get(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
    if (core == null) {
      return decode(reader, doc);
    }
    return recent.get(new Key(core.getKey(), doc - leaf.docBase), key -> decode(reader, doc));
  }

  private static StandardMetadata decode(IndexReader reader, int doc) throws IOException {
    return MetadataCodec.read(Schema.binary(reader, doc, Schema.HIT_JSON));
  }
}

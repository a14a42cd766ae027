package org.stdsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class StdsearchCodecTest {
  /** One document in five has text, as standards among their term entries; several flushes, then merges. */
  private static void write(Directory dir, Codec codec) throws IOException {
    IndexWriterConfig iwc = new IndexWriterConfig(new StandardAnalyzer()).setCodec(codec).setMaxBufferedDocs(97);
    try (IndexWriter w = new IndexWriter(dir, iwc)) {
      for (int i = 0; i < 1000; i++) {
        Document d = new Document();
        d.add(new StringField("id", Integer.toString(i), Field.Store.YES));
        if (i % 5 == 4) {
          StringBuilder text = new StringBuilder();
          for (int k = 0; k <= i % 37; k++) {
            text.append(k % 3 == 0 ? "secure " : "transport ").append("w").append(i % 11).append(' ');
          }
          d.add(new TextField("text", text.toString(), Field.Store.NO));
        }
        w.addDocument(d);
      }
      w.forceMerge(2);
    }
  }

  @Test
  void everyDocumentHasANormAndTheFieldlessOnesAreZero() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      write(dir, new StdsearchCodec());
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        for (LeafReaderContext leaf : reader.leaves()) {
          NumericDocValues norms = leaf.reader().getNormValues("text");
          assertThat(norms.cost()).as("a value per document").isEqualTo(leaf.reader().maxDoc());
          var stored = leaf.reader().storedFields();
          for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
            assertThat(norms.advanceExact(doc)).isTrue();
            boolean hasText = Integer.parseInt(stored.document(doc).get("id")) % 5 == 4;
            if (hasText) {
              assertThat(norms.longValue()).isPositive();
            } else {
              assertThat(norms.longValue()).isZero();
            }
          }
        }
      }
      var check = new CheckIndex(dir);
      assertThat(check.checkIndex().clean).as("CheckIndex").isTrue();
    }
  }

  @Test
  void scoresAreThoseOfLucenesDefaultCodec() throws IOException {
    try (Directory ours = new ByteBuffersDirectory(); Directory lucene = new ByteBuffersDirectory()) {
      write(ours, new StdsearchCodec());
      write(lucene, Codec.getDefault());
      for (String word : new String[] {"secure", "transport", "w3"}) {
        assertThat(scores(ours, word)).as(word).isEqualTo(scores(lucene, word)).isNotEmpty();
      }
    }
  }

  /**
   * Segments written before the stored fields changed mode (schema 6: this codec's name, Lucene's
   * default stored fields) are read, and merged with new ones into the new mode, losing nothing.
   */
  @Test
  void segmentsOfTheEarlierStoredFormatAreReadAndMerged() throws IOException {
    Codec earlier = new FilterCodec(StdsearchCodec.NAME, new Lucene104Codec()) {};
    try (Directory dir = new ByteBuffersDirectory()) {
      write(dir, earlier);
      try (DirectoryReader reader = DirectoryReader.open(dir)) { // opened with StdsearchCodec, by name
        assertThat(ids(reader)).hasSize(1000);
      }
      IndexWriterConfig iwc = new IndexWriterConfig(new StandardAnalyzer()).setCodec(new StdsearchCodec());
      try (IndexWriter w = new IndexWriter(dir, iwc)) {
        for (int i = 1000; i < 1100; i++) {
          Document d = new Document();
          d.add(new StringField("id", Integer.toString(i), Field.Store.YES));
          w.addDocument(d);
        }
        w.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(ids(reader)).hasSize(1100).contains("0", "999", "1099");
      }
      assertThat(new CheckIndex(dir).checkIndex().clean).as("CheckIndex").isTrue();
    }
  }

  /**
   * Segments of each stored-fields mode (marked by their segment attribute) are read back exactly,
   * documents larger than a chunk (stored in slices) and multi-byte text included, and merge into
   * the codec's own mode.
   */
  @Test
  void segmentsOfEveryStoredModeAreReadExactlyAndMerged() throws IOException {
    Map<String, String> expected = new TreeMap<>();
    try (Directory dir = new ByteBuffersDirectory()) {
      int id = 0;
      for (StdsearchCodec.StoredMode mode : StdsearchCodec.StoredMode.values()) {
        Codec codec = new FilterCodec(StdsearchCodec.NAME, new StdsearchCodec()) {
          @Override
          public org.apache.lucene.codecs.StoredFieldsFormat storedFieldsFormat() {
            return StdsearchCodec.storedFieldsFormat(mode, 16 * 1024, 3);
          }
        };
        id = writeStoredSegment(dir, codec, id, 60, expected);
      }
      assertThat(storedBodies(dir)).isEqualTo(expected);
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer())
          .setCodec(new StdsearchCodec()))) {
        w.forceMerge(1);
      }
      assertThat(storedBodies(dir)).isEqualTo(expected);
      assertThat(org.apache.lucene.index.SegmentInfos.readLatestCommit(dir).info(0).info
          .getAttribute(StdsearchCodec.STORED_MODE_KEY)).isEqualTo(StdsearchCodec.STORED_MODE.name());
      assertThat(new CheckIndex(dir).checkIndex().clean).as("CheckIndex").isTrue();
    }
  }

  /**
   * A merge copies the segments' compressed chunks as they are (Lucene's bulk merge, which needs the
   * reader's compression mode to be the writer's very instance) instead of decompressing and
   * recompressing every document: the merged segment inherits each source's last, incomplete
   * chunk, where a recompressing merge leaves at most one.
   */
  @Test
  void mergesCopyTheCompressedChunksAsTheyAre() throws Exception {
    Map<String, String> expected = new TreeMap<>();
    try (Directory dir = new ByteBuffersDirectory()) {
      int id = 0;
      for (int segment = 0; segment < 3; segment++) {
        id = writeStoredSegment(dir, new StdsearchCodec(), id, 40, expected);
      }
      long dirtyBefore = dirtyChunks(dir);
      assertThat(dirtyBefore).as("incomplete chunks, one per segment ending mid-chunk").isGreaterThan(1);
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer())
          .setCodec(new StdsearchCodec()))) {
        w.forceMerge(1);
      }
      assertThat(dirtyChunks(dir)).as("chunks copied, not recompressed").isEqualTo(dirtyBefore);
      assertThat(storedBodies(dir)).isEqualTo(expected);
      assertThat(new CheckIndex(dir).checkIndex().clean).as("CheckIndex").isTrue();
    }
  }

  /**
   * One segment of {@code count} documents with ids from {@code firstId} and a stored {@link
   * #storedText}, recorded in {@code expected}; returns the next id.
   */
  private static int writeStoredSegment(Directory dir, Codec codec, int firstId, int count, Map<String, String> expected)
      throws IOException {
    int id = firstId;
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()).setCodec(codec))) {
      for (; id < firstId + count; id++) {
        String text = storedText(id);
        expected.put(Integer.toString(id), text);
        Document d = new Document();
        d.add(new StringField("id", Integer.toString(id), Field.Store.YES));
        d.add(new org.apache.lucene.document.StoredField("body", text));
        w.addDocument(d);
      }
    }
    return id;
  }

  /** Incomplete chunks over all segments, as Lucene's stored-fields reader counts them. */
  private static long dirtyChunks(Directory dir) throws Exception {
    var count = org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsReader.class
        .getDeclaredMethod("getNumDirtyChunks");
    count.setAccessible(true); // package-private in Lucene: read for this check only
    long dirty = 0;
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        dirty += (long) count.invoke(((org.apache.lucene.index.SegmentReader) leaf.reader()).getFieldsReader());
      }
    }
    return dirty;
  }

  /** Empty, short, and up to ~150 KB of mixed Chinese and English text. */
  private static String storedText(int id) {
    StringBuilder text = new StringBuilder();
    int words = id % 7 == 0 ? 0 : id % 10 == 3 ? 12_000 : id * 13;
    for (int k = 0; k < words; k++) {
      text.append(k % 4 == 0 ? "信息安全 " : "transport").append(k % (id + 3)).append(' ');
    }
    return text.toString();
  }

  private static Map<String, String> storedBodies(Directory dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        var stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          Document d = stored.document(doc);
          out.put(d.get("id"), d.get("body"));
        }
      }
    }
    return out;
  }

  private static java.util.Set<String> ids(DirectoryReader reader) throws IOException {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      var stored = leaf.reader().storedFields();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        ids.add(stored.document(doc).get("id"));
      }
    }
    return ids;
  }

  @Test
  void readersFindTheCodecByName() {
    assertThat(Codec.forName(StdsearchCodec.NAME)).isInstanceOf(StdsearchCodec.class);
  }

  /** Score per document, by its id (merges may order the two indexes' documents differently). */
  private static Map<String, Float> scores(Directory dir, String word) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Map<String, Float> out = new TreeMap<>();
      for (ScoreDoc hit : searcher.search(new TermQuery(new Term("text", word)), 1000).scoreDocs) {
        out.put(searcher.storedFields().document(hit.doc).get("id"), hit.score);
      }
      return out;
    }
  }
}

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

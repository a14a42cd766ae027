package org.stdsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The full text indexed through {@link Schema#addContent}: its pairs field, and its own terms unchanged. */
class TokenPairsTest {
  static final String TEXT = "Data security of cloud 数据中心 and the 链路层; IPv6 2024 数据，中心 云 计算 data security";

  /** Indexes {@code text} as one document; returns each field's terms with their frequencies. */
  private static Map<String, Map<String, Integer>> indexed(String text) throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Schema.indexAnalyzer()))) {
        Document doc = new Document();
        Schema.addContent(doc, text);
        w.addDocument(doc);
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        LeafReader leaf = r.leaves().get(0).reader();
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (String field : List.of(Schema.CONTENT, Schema.CONTENT_PAIRS)) {
          Map<String, Integer> terms = new LinkedHashMap<>();
          Terms t = leaf.terms(field);
          if (t != null) {
            TermsEnum te = t.iterator();
            for (BytesRef b = te.next(); b != null; b = te.next()) {
              var postings = te.postings(null);
              postings.nextDoc();
              terms.put(b.utf8ToString(), postings.freq());
            }
          }
          out.put(field, terms);
        }
        return out;
      }
    }
  }

  private static List<String> analysed(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = Schema.textIndexAnalyzer().tokenStream(Schema.CONTENT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void pairsAdjacentWordsAndOverlappingHanBigramsWithTheirFrequencies() throws IOException {
    Map<String, Integer> pairs = indexed(TEXT).get(Schema.CONTENT_PAIRS);
    assertThat(pairs).containsOnlyKeys("data secur", "secur of", "of cloud", "数据中", "据中心", "and the", "链路层",
        "ipv6 2024"); // not "2024 数据" (Latin with Han), not 数据心 from "数据，中心" (punctuation), not 云计 (lone 云)
    assertThat(pairs.get("data secur")).isEqualTo(2);
    assertThat(pairs.get("数据中")).isEqualTo(1);
  }

  @Test
  void theFullTextKeepsExactlyTheTermsOfTheIndexAnalyzer() throws IOException {
    Map<String, Integer> expected = new java.util.TreeMap<>();
    analysed(TEXT).forEach(t -> expected.merge(t, 1, Integer::sum));
    assertThat(indexed(TEXT).get(Schema.CONTENT)).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void noPairsWithoutTwoAdjacentTokensOfOneKind() throws IOException {
    assertThat(indexed("cloud").get(Schema.CONTENT_PAIRS)).isEmpty();
    assertThat(indexed("云 计 cloud 数").get(Schema.CONTENT_PAIRS)).isEmpty();
    assertThat(indexed("").get(Schema.CONTENT_PAIRS)).isEmpty();
  }

  @Test
  void phrasePairsAreThePairsTheIndexHolds() throws IOException {
    assertThat(Schema.phrasePairs("Terminology Sessions")).containsExactly("terminolog session");
    assertThat(Schema.phrasePairs("limits of sizes")).containsExactly("limit of", "of size");
    assertThat(Schema.phrasePairs("数据中心")).containsExactly("数据中", "据中心")
        .containsExactlyInAnyOrderElementsOf(indexed("数据中心").get(Schema.CONTENT_PAIRS).keySet());
    assertThat(Schema.phrasePairs("链路层")).containsExactly("链路层");
    // mixed kinds, one token, or a broken run: the pairs would not cover the phrase
    assertThat(Schema.phrasePairs("数据 center")).isEmpty();
    assertThat(Schema.phrasePairs("数据，中心")).isEmpty();
    assertThat(Schema.phrasePairs("云 计算")).isEmpty();
    assertThat(Schema.phrasePairs("cloud")).isEmpty();
    assertThat(Schema.phrasePairs("数据")).isEmpty();
  }
}

package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stdsearch.index.Schema;

/**
 * Passages placed by positions and the stored {@link Schema#CONTENT_OFFSETS} are exactly those
 * placed by offsets indexed in the postings (as schema 6 had them): the sample corpus's text files
 * indexed both ways, highlighted for words, phrases and mixed queries in Chinese and English.
 */
class SnippetsTest {
  static final List<String> QUERIES = List.of("个人信息", "信息安全技术", "数据", "安全 要求", "范围", "security",
      "information technology", "protocol", "the", "DNS 安全", "术语和定义", "规范性引用文件", "中");
  static Directory byPositions;
  static Directory byPostings;

  @BeforeAll
  static void indexSampleTextsBothWays() throws IOException {
    Path root = Path.of(System.getProperty("stdsearch.projectRoot", ".."));
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(root.resolve("corpus/standards"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        texts.add(Files.readString(p));
      }
    }
    assertThat(texts).hasSizeGreaterThan(3);
    FieldType withOffsets = new FieldType();
    withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    withOffsets.setTokenized(true);
    withOffsets.freeze();
    byPositions = new ByteBuffersDirectory();
    byPostings = new ByteBuffersDirectory();
    try (IndexWriter a = new IndexWriter(byPositions, new IndexWriterConfig(Schema.indexAnalyzer()));
        IndexWriter b = new IndexWriter(byPostings, new IndexWriterConfig(Schema.indexAnalyzer()))) {
      for (String text : texts) {
        Document doc = new Document();
        Schema.addContent(doc, text);
        a.addDocument(doc);
        Document old = new Document();
        old.add(new Field(Schema.CONTENT, text, withOffsets));
        old.add(new StoredField(Schema.CONTENT, text));
        b.addDocument(old);
      }
    }
  }

  @AfterAll
  static void close() throws IOException {
    byPositions.close();
    byPostings.close();
  }

  @Test
  void positionsGiveTheSamePassagesAsIndexedOffsets() throws IOException {
    QueryBuilder builder = new QueryBuilder(Schema.textAnalyzer());
    int highlighted = 0;
    try (DirectoryReader positions = DirectoryReader.open(byPositions);
        DirectoryReader postings = DirectoryReader.open(byPostings)) {
      for (String q : QUERIES) {
        for (Query query : List.of(builder.createBooleanQuery(Schema.CONTENT, q, Occur.SHOULD),
            builder.createPhraseQuery(Schema.CONTENT, q))) {
          List<List<Snippets.Raw>> expected = highlight(new IndexSearcher(postings), query);
          List<List<Snippets.Raw>> actual = highlight(new IndexSearcher(positions), query);
          assertThat(actual).as("passages for %s", query).isEqualTo(expected);
          highlighted += (int) actual.stream().filter(p -> !p.isEmpty()).count();
        }
      }
    }
    assertThat(highlighted).as("documents with passages, over all queries").isGreaterThan(50);
  }

  private static List<List<Snippets.Raw>> highlight(IndexSearcher searcher, Query query) throws IOException {
    ScoreDoc[] top = searcher.search(query, 10).scoreDocs;
    int[] docs = new int[top.length];
    for (int i = 0; i < top.length; i++) {
      docs[i] = top[i].doc;
    }
    return Snippets.highlight(searcher, query, docs, 3, "<mark>", "</mark>");
  }
}

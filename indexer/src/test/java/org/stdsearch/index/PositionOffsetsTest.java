package org.stdsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The offsets the stored {@link Schema#CONTENT_OFFSETS} give for a position are those of every
 * token the index analyzer puts there: checked token by token on the sample corpus's text files
 * and on text with the cases that break runs (a skipped overlong token, full-width forms, mixed
 * scripts, surrogate pairs), read in order and backwards.
 */
class PositionOffsetsTest {
  record Token(String term, int position, int length, int start, int end) {}

  static final String MIXED = "Data security of cloud 数据中心 and the 链路层; IPv6 2024 数据，中心 云 计算 ＡＢＣ１２３ "
      + "𠀀𠀁𠀂 han 漢字 " + "x".repeat(300) + " after the long token 长词之后 data's owners";

  @Test
  void givesEachTokenItsOffsetsOnMixedText() throws IOException {
    assertMatchesAnalysis(MIXED);
  }

  @Test
  void givesEachTokenItsOffsetsOnTheSampleCorpus() throws IOException {
    Path root = Path.of(System.getProperty("stdsearch.projectRoot", ".."));
    List<Path> texts;
    try (Stream<Path> files = Files.list(root.resolve("corpus/standards"))) {
      texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertThat(texts).isNotEmpty();
    for (Path text : texts) {
      assertMatchesAnalysis(Files.readString(text));
    }
  }

  @Test
  void emptyTextHasNoPositions() throws IOException {
    PositionOffsets offsets = stored("");
    assertThat(offsets.start(0)).isEqualTo(-1);
  }

  @Test
  void tellsBigramsFromOtherTerms() {
    assertThat(PositionOffsets.isBigram("数据")).isTrue();
    assertThat(PositionOffsets.isBigram("𠀀𠀁")).isTrue();
    assertThat(PositionOffsets.isBigram("数")).isFalse();
    assertThat(PositionOffsets.isBigram("ab")).isFalse();
    assertThat(PositionOffsets.isBigram("数据中")).isFalse();
  }

  private static void assertMatchesAnalysis(String text) throws IOException {
    List<Token> tokens = analyse(text);
    PositionOffsets offsets = stored(text);
    for (Token t : tokens) {
      check(offsets, t);
    }
    for (int i = tokens.size() - 1; i >= 0; i -= 7) { // backwards: from the checkpoints
      check(offsets, tokens.get(i));
    }
    if (!tokens.isEmpty()) {
      assertThat(offsets.start(tokens.getLast().position() + 1)).isEqualTo(-1);
    }
  }

  private static void check(PositionOffsets offsets, Token t) {
    assertThat(PositionOffsets.isBigram(t.term())).as("bigram %s", t).isEqualTo(t.length() == 2);
    assertThat(offsets.start(t.position())).as("start of %s", t).isEqualTo(t.start());
    assertThat(offsets.end(t.position() + t.length() - 1)).as("end of %s", t).isEqualTo(t.end());
  }

  private static List<Token> analyse(String text) throws IOException {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream ts = Schema.textIndexAnalyzer().tokenStream(Schema.CONTENT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        tokens.add(new Token(term.toString(), position, length.getPositionLength(), offset.startOffset(),
            offset.endOffset()));
      }
      ts.end();
    }
    return tokens;
  }

  /** Indexes {@code text} through {@link Schema#addContent} and reads its stored position offsets back. */
  private static PositionOffsets stored(String text) throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Schema.indexAnalyzer()))) {
        Document doc = new Document();
        Schema.addContent(doc, text);
        w.addDocument(doc);
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        Schema.StoredContent content = Schema.contentWithOffsets(r, 0);
        assertThat(content.text()).isEqualTo(text);
        assertThat(content.offsets()).isNotNull();
        return content.offsets();
      }
    }
  }
}

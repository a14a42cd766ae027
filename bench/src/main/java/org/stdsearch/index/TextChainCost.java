package org.stdsearch.index;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.jsoup.Jsoup;

/**
 * What each part of the full text's indexing costs in Lucene: the texts of a folder of synthetic
 * standards (TXT as they are, HTML through jsoup's text) indexed single-threaded by the indexer's
 * own analysis, token-pair recorder and codec, with parts of {@link Schema#addContent} left out,
 * each variant in turn and in rounds. Extraction, recognition and the other fields are not
 * indexed: this prices the full text alone, against itself. Prints one line per variant and round:
 * the process CPU time (JIT and collector included), the index size.
 *
 * <p>Variants, letters combined: {@code P} token pairs, {@code W} word pairs only (no Han pairs),
 * {@code U} Han unigrams beside the bigrams, {@code S} stored text and its position offsets. The
 * schema as shipped is {@code PUS}.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.stdsearch.index.TextChainCost DOCS N ROUNDS PUS US WUS PS</pre>
 */
public final class TextChainCost {
  private TextChainCost() {}

  private static final FieldType CONTENT = tokenized(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
  private static final FieldType PAIRS = tokenized(IndexOptions.DOCS_AND_FREQS);

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: TextChainCost DOCS N ROUNDS VARIANT...   (variants: letters of P W U S, e.g. PUS)");
      System.exit(2);
    }
    List<String> texts = texts(Path.of(args[0]), Integer.parseInt(args[1]));
    long chars = texts.stream().mapToLong(String::length).sum();
    System.out.printf(Locale.ROOT, "TEXTS n=%d chars=%,d%n", texts.size(), chars);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    int rounds = Integer.parseInt(args[2]);
    for (int round = 1; round <= rounds; round++) {
      for (int v = 3; v < args.length; v++) {
        String variant = args[v];
        Path dir = Files.createTempDirectory("textchain");
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        index(texts, dir, variant);
        cpu = os.getProcessCpuTime() - cpu;
        wall = System.nanoTime() - wall;
        long bytes;
        try (Stream<Path> files = Files.list(dir)) {
          bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        IOUtils.rm(dir);
        System.out.printf(Locale.ROOT, "CHAIN round=%d variant=%s cpu_s=%.1f wall_s=%.1f ms_per_doc=%.2f index_mb=%d%n",
            round, variant, cpu / 1e9, wall / 1e9, cpu / 1e6 / texts.size(), bytes >> 20);
      }
    }
  }

  /** The first {@code n} standards of a folder as text, in file-name order (sidecars skipped). */
  private static List<String> texts(Path root, int n) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path p : SyntheticStandards.files(root, n)) {
      String raw = Files.readString(p, StandardCharsets.UTF_8);
      out.add(p.toString().endsWith(".html") ? Jsoup.parse(raw).text() : raw);
    }
    return out;
  }

  private static void index(List<String> texts, Path dir, String variant) throws IOException {
    boolean pairs = variant.contains("P") || variant.contains("W");
    boolean hanPairs = variant.contains("P");
    boolean unigrams = variant.contains("U");
    boolean stored = variant.contains("S");
    IndexWriterConfig iwc = new IndexWriterConfig(Schema.indexAnalyzer())
        .setCodec(new StdsearchCodec()).setRAMBufferSizeMB(128).setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir), iwc)) {
      for (String text : texts) {
        TokenStream analysed = (unigrams ? Schema.textIndexAnalyzer() : Schema.textAnalyzer()).tokenStream(Schema.CONTENT, text);
        PositionOffsets.Recorder offsets = new PositionOffsets.Recorder(analysed);
        TokenPairs.Recorder content = new TokenPairs.Recorder(offsets);
        Document doc = new Document();
        doc.add(new Field(Schema.CONTENT, content, CONTENT));
        if (pairs) {
          doc.add(new Field(Schema.CONTENT_PAIRS, hanPairs ? content.pairs() : new WordPairs(content.pairs()), PAIRS));
        }
        if (stored) {
          doc.add(new StoredField(Schema.CONTENT, text));
          doc.add(offsets.storedField(Schema.CONTENT_OFFSETS));
        }
        writer.addDocument(doc);
      }
      writer.commit();
    }
  }

  /** The pairs of two words ({@code "data secur"}), without the Han pairs (three characters, no space). */
  private static final class WordPairs extends FilteringTokenFilter {
    private final TermToBytesRefAttribute term = addAttribute(TermToBytesRefAttribute.class);

    WordPairs(TokenStream in) {
      super(in);
    }

    @Override
    protected boolean accept() {
      BytesRef b = term.getBytesRef();
      for (int i = b.offset; i < b.offset + b.length; i++) {
        if (b.bytes[i] == ' ') {
          return true;
        }
      }
      return false;
    }
  }

  private static FieldType tokenized(IndexOptions options) {
    FieldType t = new FieldType();
    t.setIndexOptions(options);
    t.setTokenized(true);
    t.freeze();
    return t;
  }
}

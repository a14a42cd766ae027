package org.stdsearch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;
import org.stdsearch.extract.CachedExtraction;

/**
 * Chooses the analyzer for Chinese and English in one field by measurement (issue 2): the
 * judgments in {@code analyzer-queries.tsv} are run against one index per candidate chain over
 * the text-layer Chinese standards (plus the English documents the file lists), and the chosen
 * configuration's scores must match the expected values checked into that file (Anserini-style,
 * style guide §9). Runs only where the shared corpus is present.
 */
class AnalyzerComparisonTest {
  private static final String JUDGMENTS = "analyzer-queries.tsv";
  private static final Path PER_QUERY_REPORT = Path.of("target", "analyzer-comparison-per-query.tsv");
  private static final int DEPTH = 10;
  private static final List<String> METRICS = List.of("P", "R", "MRR@10", "R@10");

  /** As the production content field (positions for phrases, offsets for highlighting); not
   * stored, since stored text is the same for every candidate and would only blur the sizes. */
  private static final FieldType CONTENT_TYPE = contentType();

  record Judgment(String query, Set<String> relevant) {}

  /** The judgment file: English extras, chosen configuration, tolerance, expectations, queries. */
  record Judgments(List<String> extraDocuments, String chosen, double tolerance,
      int expectedDocuments, Map<String, double[]> expected, List<Judgment> queries) {}

  /**
   * A candidate: one or more fields, each with its index-time analyzer; queries go to all fields,
   * analyzed with {@code queryAnalyzers} where given (else the index-time one).
   */
  record Candidate(String name, Map<String, Supplier<Analyzer>> fields,
      Map<String, Supplier<Analyzer>> queryAnalyzers) {
    Candidate(String name, Map<String, Supplier<Analyzer>> fields) {
      this(name, fields, Map.of());
    }

    Analyzer queryAnalyzer(String field) {
      return queryAnalyzers.getOrDefault(field, fields.get(field)).get();
    }
  }

  /** How a query string becomes a Lucene query. */
  enum Mode { PHRASE, AND }

  record Measured(String config, double[] scores, Map<String, Double> reciprocalRanks) {}

  @Test
  void chosenAnalyzerKeepsItsRelevanceScores() throws Exception {
    String corpusProperty = System.getProperty("stdsearch.sharedCorpus", "");
    Path corpus = Path.of(corpusProperty);
    assumeTrue(!corpusProperty.isEmpty() && Files.isDirectory(corpus),
        "shared corpus not present: " + corpusProperty);

    Judgments judgments = readJudgments();
    List<String> documents = selectDocuments(corpus, judgments.extraDocuments());
    Map<String, String> texts = extractTexts(corpus, documents);
    assertThat(texts.size()).as("documents").isEqualTo(judgments.expectedDocuments());

    List<Measured> results = new ArrayList<>();
    System.out.printf(Locale.ROOT, "%-22s %9s %10s %9s%n", "analyzer", "size(KB)", "terms", "index(ms)");
    for (Candidate candidate : candidates()) {
      ByteBuffersDirectory dir = new ByteBuffersDirectory();
      long millis = index(dir, candidate, texts);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        long terms = 0;
        for (String field : candidate.fields().keySet()) {
          terms += MultiTerms.getTerms(reader, field).size();
        }
        System.out.printf(Locale.ROOT, "%-22s %9d %10d %9d%n",
            candidate.name(), sizeInBytes(dir) / 1024, terms, millis);
        for (Mode mode : Mode.values()) {
          results.add(measure(new IndexSearcher(reader), candidate, mode, judgments.queries()));
        }
      }
    }
    writePerQueryReport(results, judgments.queries());
    List<String> failures = printTable(results, judgments);
    assertThat(failures).as("drift of the chosen configuration " + judgments.chosen()).isEmpty();
  }

  // ---- candidates ---------------------------------------------------------------------------

  private static List<Candidate> candidates() {
    return List.of(
        // What production runs: Schema's index-time and query-time chains.
        new Candidate("a:current", Map.of("text", Schema::textIndexAnalyzer), Map.of("text", Schema::textAnalyzer)),
        new Candidate("a0:bigram", Map.of("bigram", () -> bigramChain(false, false))),
        new Candidate("b:smartcn", Map.of("smartcn", SmartChineseAnalyzer::new)),
        new Candidate("c:icu+bigram", Map.of("icu", () -> bigramChain(true, false))),
        // Unigrams at index time only: querying with them too expands every path through the
        // unigram/bigram lattice (over 1024 clauses for a 12-character run). The bigram query
        // chain still emits a lone character as a unigram, which now finds something.
        new Candidate("d:bigram+unigram", Map.of("biuni", () -> bigramChain(false, true)),
            Map.of("biuni", Schema::textAnalyzer)),
        new Candidate("e:smartcn|bigram",
            Map.of("smartcn", SmartChineseAnalyzer::new, "bigram", () -> bigramChain(false, false))));
  }

  /** The current Schema chain, with the ICU tokenizer instead or with unigrams kept as well. */
  private static Analyzer bigramChain(boolean icu, boolean unigrams) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        // cjkAsWords=false: Han characters one by one, so the bigram filter sees them (as Solr's
        // ICU + CJKBigram recipe); the default would hand it dictionary words.
        Tokenizer source = icu
            ? new ICUTokenizer(new DefaultICUTokenizerConfig(false, true))
            : new StandardTokenizer();
        TokenStream ts = new CJKWidthFilter(source);
        ts = new LowerCaseFilter(ts);
        ts = new CJKBigramFilter(ts, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
            | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams);
        ts = new EnglishPossessiveFilter(ts);
        ts = new PorterStemFilter(ts);
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  // ---- corpus and extraction ----------------------------------------------------------------

  /** The Chinese PDFs the manifest calls text-based, then the English extras the judgments list. */
  private static List<String> selectDocuments(Path corpus, List<String> extras) throws IOException {
    List<String> docs = new ArrayList<>();
    List<String> lines = Files.readAllLines(corpus.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t"));
    int path = header.indexOf("relative_path");
    int textLayer = header.indexOf("pdf_text_layer");
    for (String line : lines.subList(1, lines.size())) {
      String[] cols = line.split("\t", -1);
      if (cols[path].startsWith("cn/") && cols[textLayer].startsWith("text-based")) {
        docs.add(cols[path]);
      }
    }
    docs.addAll(extras);
    return docs;
  }

  /**
   * Text per document as production extracts it (TikaExtractor, no OCR), through the test cache
   * that the recognition corpus test shares: the shared corpus is parsed once per build.
   */
  private static Map<String, String> extractTexts(Path corpus, List<String> documents) {
    Map<String, String> texts = new java.util.concurrent.ConcurrentHashMap<>();
    documents.parallelStream().forEach(rel -> texts.put(rel, CachedExtraction.extract(corpus, corpus.resolve(rel)).text()));
    Map<String, String> ordered = new LinkedHashMap<>();
    documents.forEach(rel -> ordered.put(rel, texts.get(rel)));
    return ordered;
  }

  // ---- indexing -----------------------------------------------------------------------------

  private static FieldType contentType() {
    FieldType t = new FieldType();
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.setTokenized(true);
    t.freeze();
    return t;
  }

  /** Indexes every text into every field of the candidate; returns the wall time in ms. */
  private static long index(ByteBuffersDirectory dir, Candidate candidate, Map<String, String> texts)
      throws IOException {
    Map<String, Analyzer> perField = new LinkedHashMap<>();
    candidate.fields().forEach((field, analyzer) -> perField.put(field, analyzer.get()));
    Analyzer analyzer = new PerFieldAnalyzerWrapper(perField.values().iterator().next(), perField);
    warmUp(analyzer, perField.keySet()); // smartcn loads its dictionaries on first use
    IndexWriterConfig config = new IndexWriterConfig(analyzer)
        .setRAMBufferSizeMB(512) // one segment, so sizes compare chains rather than merges
        .setUseCompoundFile(false);
    long start = System.nanoTime();
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      for (Map.Entry<String, String> e : texts.entrySet()) {
        Document doc = new Document();
        doc.add(new KeywordField(Schema.PATH, e.getKey(), Field.Store.YES));
        for (String field : perField.keySet()) {
          doc.add(new Field(field, e.getValue(), CONTENT_TYPE));
        }
        writer.addDocument(doc);
      }
      writer.commit();
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void warmUp(Analyzer analyzer, Set<String> fields) throws IOException {
    for (String field : fields) {
      try (TokenStream ts = analyzer.tokenStream(field, "密码算法 warm up")) {
        ts.reset();
        while (ts.incrementToken()) {
          // consume
        }
        ts.end();
      }
    }
  }

  private static long sizeInBytes(ByteBuffersDirectory dir) throws IOException {
    long total = 0;
    for (String file : dir.listAll()) {
      total += dir.fileLength(file);
    }
    return total;
  }

  // ---- querying and metrics -----------------------------------------------------------------

  /**
   * PHRASE: each whitespace-separated chunk of the query is one phrase (a single term when it
   * analyzes to one token), chunks ANDed. AND: every token of the query must occur, anywhere.
   * With several fields, a document matches when the query matches in any field (scores add).
   */
  private static Query parse(Candidate candidate, Mode mode, String text) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    boolean hasClause = false;
    for (String field : candidate.fields().keySet()) {
      QueryBuilder builder = new QueryBuilder(candidate.queryAnalyzer(field));
      Query q;
      if (mode == Mode.AND) {
        q = builder.createBooleanQuery(field, text, Occur.MUST);
      } else {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean empty = true;
        for (String chunk : text.trim().split("\\s+")) {
          Query phrase = builder.createPhraseQuery(field, chunk);
          if (phrase != null) {
            all.add(phrase, Occur.MUST);
            empty = false;
          }
        }
        q = empty ? null : all.build();
      }
      if (q != null) {
        any.add(q, Occur.SHOULD);
        hasClause = true;
      }
    }
    return hasClause ? any.build() : null;
  }

  private static Measured measure(IndexSearcher searcher, Candidate candidate, Mode mode,
      List<Judgment> queries) throws IOException {
    double[] sums = new double[METRICS.size()];
    Map<String, Double> rr = new LinkedHashMap<>();
    int n = searcher.getIndexReader().maxDoc();
    for (Judgment j : queries) {
      Query q = parse(candidate, mode, j.query());
      List<String> ranked = new ArrayList<>();
      if (q != null) {
        for (ScoreDoc sd : searcher.search(q, n).scoreDocs) {
          ranked.add(searcher.storedFields().document(sd.doc).get(Schema.PATH));
        }
      }
      long hits = ranked.stream().filter(j.relevant()::contains).count();
      long hitsAtDepth = ranked.stream().limit(DEPTH).filter(j.relevant()::contains).count();
      double reciprocal = 0;
      for (int i = 0; i < Math.min(DEPTH, ranked.size()); i++) {
        if (j.relevant().contains(ranked.get(i))) {
          reciprocal = 1.0 / (i + 1);
          break;
        }
      }
      // Nothing retrieved counts as precision 0: the user is served no better than by wrong hits.
      sums[0] += ranked.isEmpty() ? 0 : (double) hits / ranked.size();
      sums[1] += (double) hits / j.relevant().size();
      sums[2] += reciprocal;
      sums[3] += (double) hitsAtDepth / j.relevant().size();
      rr.put(j.query(), reciprocal);
    }
    for (int i = 0; i < sums.length; i++) {
      sums[i] /= queries.size();
    }
    return new Measured(candidate.name() + "/" + mode.name().toLowerCase(Locale.ROOT), sums, rr);
  }

  // ---- judgments and report -----------------------------------------------------------------

  private static Judgments readJudgments() throws IOException {
    List<String> extras = new ArrayList<>();
    Map<String, double[]> expected = new LinkedHashMap<>();
    List<Judgment> queries = new ArrayList<>();
    String chosen = null;
    double tolerance = 0;
    int documents = -1;
    try (InputStream in = AnalyzerComparisonTest.class.getResourceAsStream(JUDGMENTS)) {
      assertThat(in).as(JUDGMENTS).isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] cols = line.split("\t");
        switch (cols[0]) {
          case "#extra" -> extras.add(cols[1]);
          case "#chosen" -> chosen = cols[1];
          case "#tolerance" -> tolerance = Double.parseDouble(cols[1]);
          case "#documents" -> documents = Integer.parseInt(cols[1]);
          case "#expected" -> expected.put(cols[1], Stream.of(cols).skip(2)
              .mapToDouble(Double::parseDouble).toArray());
          default -> {
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("query\t")) {
              queries.add(new Judgment(cols[0], new HashSet<>(List.of(cols[1].split(" ")))));
            }
          }
        }
      }
    }
    assertThat(chosen).as("#chosen in " + JUDGMENTS).isNotNull();
    return new Judgments(extras, chosen, tolerance, documents, expected, queries);
  }

  /** One line per configuration and metric, expected vs actual; returns the chosen one's drifts. */
  private static List<String> printTable(List<Measured> results, Judgments judgments) {
    List<String> failures = new ArrayList<>();
    System.out.printf(Locale.ROOT, "%n%d queries; tolerance %.4f; chosen %s%n",
        judgments.queries().size(), judgments.tolerance(), judgments.chosen());
    for (Measured m : results) {
      double[] expected = judgments.expected().get(m.config());
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", m.config()));
      boolean chosen = m.config().equals(judgments.chosen());
      for (int i = 0; i < METRICS.size(); i++) {
        double actual = m.scores()[i];
        boolean ok = expected != null && Math.abs(expected[i] - actual) <= judgments.tolerance() + 1e-9;
        String verdict = ok ? "OK" : chosen ? "FAIL" : "DRIFT";
        line.append(String.format(Locale.ROOT, " %s=%.4f", METRICS.get(i), actual));
        line.append(expected == null ? " [new]" : String.format(Locale.ROOT, " [%s exp %.4f]", verdict, expected[i]));
        if (chosen && !ok) {
          failures.add(METRICS.get(i) + " expected " + (expected == null ? "?" : expected[i]) + " got " + actual);
        }
      }
      System.out.println((chosen ? "* " : "  ") + line);
    }
    System.out.println("expected-value lines for " + JUDGMENTS + ":");
    for (Measured m : results) {
      StringBuilder line = new StringBuilder("#expected\t" + m.config());
      for (double v : m.scores()) {
        line.append(String.format(Locale.ROOT, "\t%.4f", v));
      }
      System.out.println(line);
    }
    return failures;
  }

  private static void writePerQueryReport(List<Measured> results, List<Judgment> queries)
      throws IOException {
    StringBuilder out = new StringBuilder("query");
    results.forEach(m -> out.append('\t').append(m.config()));
    out.append('\n');
    for (Judgment j : queries) {
      out.append(j.query());
      results.forEach(m -> out.append(String.format(Locale.ROOT, "\t%.2f", m.reciprocalRanks().get(j.query()))));
      out.append('\n');
    }
    Files.writeString(PER_QUERY_REPORT, out.toString());
  }
}

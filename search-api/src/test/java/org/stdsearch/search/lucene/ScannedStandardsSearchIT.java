package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.extract.ExtractionStatus;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.extract.ocr.Tesseract;
import org.stdsearch.index.IndexReport;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.recognise.RecognisedStandard;
import org.stdsearch.recognise.Sidecars;
import org.stdsearch.recognise.StandardRecogniser;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse.Hit;
import org.stdsearch.search.StandardDetail;

/**
 * Issue 6 measurement on the scanned Chinese standards of the shared corpus, through the real
 * pipeline (indexer with OCR, then {@link LuceneSearchService}): is the identifier and the Chinese
 * title on the cover recognised from the OCR text (target: 80% of the scans), and is each scan
 * found by a query of three words of its title? Prints {@code [OCR-SEARCH]} lines (in
 * target/failsafe-reports/*ScannedStandardsSearchIT-output.txt) and fails only on a crash, never
 * on a score. Runs when the corpus at {@code stdsearch.sharedCorpus} (set by the parent pom)
 * exists and tesseract with chi_sim+eng is installed:
 *
 * <pre>./mvnw -o -B -pl search-api -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=ScannedStandardsSearchIT verify</pre>
 *
 * <p><b>Bounded.</b> Only the cover (page 1) of each scan is indexed, as a one-page PDF under its
 * original file name: the cover carries the identifier and title, and OCR of every page would
 * take over ten minutes. About 1.5 minutes with 2 workers on a loaded 2-core machine.
 *
 * <p><b>Ground truth</b> comes from the MANIFEST {@code standard} column: identifier, Chinese
 * title, then an optional English gloss in parentheses (see {@link #parseStandard}).
 *
 * <p><b>Recognition.</b> The identifier matches loosely (NFKC, dashes unified, no spaces, upper
 * case); the title by character similarity, 1 − Levenshtein distance / longer length, over the
 * NFKC text without whitespace, matching at distance ≤ 0.2. Because the pipeline falls back on
 * the file name for the identifier, the identifier is also recognised a second time from the
 * indexed cover text alone, under a neutral file name and without PDF metadata: that share says
 * what OCR itself achieved.
 *
 * <p><b>Query rule</b> (three words of the ground-truth Chinese title, deterministic):
 * <ol>
 *   <li>Part markers ({@code 第1部分：}) go; the title is split into its elements at whitespace.
 *   <li>Leading elements ending in {@code 技术} (the GB/T 1.1 introductory element, e.g.
 *       {@code 信息安全技术}, {@code 信息技术 安全技术}) are dropped: many standards share them, so
 *       they say little about the one sought.
 *   <li>Words, in title order and distinct: Latin/number runs containing a letter and at least 2
 *       long (SM3, IPSec, VPN) as written; Han runs segmented by Lucene's SmartChineseAnalyzer
 *       (dictionary + HMM), keeping words of 2 to 4 Han characters.
 *   <li>If fewer than three words remain, the words of the whole title are used instead.
 *   <li>The query is the first, the middle ({@code (n-1)/2}) and the last word, joined by spaces
 *       (the service ANDs them).
 * </ol>
 * Each query runs as the default request (10 hits, glossary expansion on); the scan's rank is
 * found by its path. found@10 and MRR@10 are reported with every miss, its query, whether the
 * OCR text holds each query word, and what ranked first.
 *
 * <p><b>Distractors.</b> A few text-layer Chinese standards of the same domain are indexed whole
 * (not cut to their covers): their bodies cite the scanned standards' titles and use the same
 * vocabulary, which is the competition a title query meets in a real index; a cover-only
 * distractor would make the search easier than it is. Their text layer is read without OCR, so
 * they add seconds, not minutes.
 */
class ScannedStandardsSearchIT {
  /** Text-layer standards that share title words with the scans (series, domain, vocabulary). */
  private static final List<String> DISTRACTORS = List.of(
      "cn/GB_T_32918.2-2016.pdf",          // SM2 part 2: same series title as three scanned parts
      "cn/OSCCA_SM9_part3.pdf",            // 密钥交换协议, as the scanned GB/T 32918.3
      "cn/GB_T_38629-2020.pdf",            // 信息安全技术 ... 技术规范
      "cn/GM_T_0009-2012_SM2_usage.pdf",   // SM2密码算法使用规范
      "cn/GM_Z_0001-2013_terminology.pdf"); // defines the vocabulary of all of them
  private static final int HITS = SearchRequest.DEFAULT_SIZE;
  private static final double TITLE_MAX_DISTANCE = 0.2;
  private static final double TARGET = 0.8;
  private static final String TAG = "[OCR-SEARCH] ";

  @TempDir Path tmp;

  /** One scanned standard as the MANIFEST describes it. */
  record ScannedStandard(String relativePath, String identifier, String titleZh, String gloss) {
    String fileName() {
      return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }
  }

  /** What the pipeline recognised for one scan, compared with the ground truth. */
  record Recognition(ScannedStandard truth, String status, String identifier, String titleZh,
      String identifierFromTextAlone, double titleSimilarity, String coverText) {
    boolean identifierMatches() {
      return identifier != null && loose(identifier).equals(loose(truth.identifier()));
    }

    boolean identifierFromTextMatches() {
      return identifierFromTextAlone != null && loose(identifierFromTextAlone).equals(loose(truth.identifier()));
    }

    boolean titleMatches() {
      // A hair of tolerance: 2 edits in 10 characters is a distance of 0.2 exactly.
      return 1 - titleSimilarity <= TITLE_MAX_DISTANCE + 1e-9;
    }
  }

  /** A title query and where the scan ranked (0 when not in the first {@link #HITS}). */
  record QueryOutcome(ScannedStandard truth, List<String> words, int rank, Hit first) {
    String query() {
      return String.join(" ", words);
    }
  }

  @Test
  void coverIdentifierAndTitleAreRecognisedAndEachScanIsFoundByThreeWordsOfItsTitle() throws Exception {
    Path corpus = corpus();
    long start = System.nanoTime();
    List<ScannedStandard> scans = scannedChineseStandards(corpus);
    System.out.println();
    System.out.println(TAG + scans.size() + " scanned Chinese standards in MANIFEST.tsv (identifier | title | gloss):");
    scans.forEach(s -> System.out.println(TAG + "  " + s.identifier() + " | " + s.titleZh() + " | "
        + (s.gloss() == null ? "-" : s.gloss())));
    assertThat(scans).as("scanned cn/ rows in MANIFEST.tsv").isNotEmpty();

    Path docs = Files.createDirectories(tmp.resolve("docs"));
    for (ScannedStandard s : scans) {
      writeFirstPage(corpus.resolve(s.relativePath()), docs.resolve(s.fileName()));
    }
    List<String> distractors = DISTRACTORS.stream().filter(d -> Files.isRegularFile(corpus.resolve(d))).toList();
    for (String d : distractors) {
      Path source = corpus.resolve(d);
      Files.copy(source, docs.resolve(source.getFileName()));
    }
    System.out.println(TAG + "distractors, whole text-layer documents: " + distractors);

    Path index = tmp.resolve("index");
    IndexerConfig config = IndexerConfig.of(docs, index).withWorkers(2)
        .withOcr(OcrOptions.defaults().withCacheDir(tmp.resolve("ocr-cache")));
    long indexStart = System.nanoTime();
    IndexReport report = Indexer.indexFolder(config);
    double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
    System.out.printf(Locale.ROOT, "%sindexed %d files in %.1f s: per status %s; OCR %d documents, %d pages, %.1f s/page%n",
        TAG, report.indexed(), indexSeconds, report.perStatus(), report.ocr().documents(), report.ocr().pages(),
        report.ocr().secondsPerPage());
    report.failures().forEach(f -> System.out.println(TAG + "  not ok: " + f.path() + " " + f.status() + " " + f.reason()));

    try (LuceneSearchService service = LuceneSearchService.open(index, Taxonomy.loadOrBundled(null))) {
      Map<String, StandardDetail.Metadata> byPath = indexedByPath(service);
      for (ScannedStandard s : scans) {
        StandardDetail.Metadata m = byPath.get(s.fileName());
        assertThat(m).as("%s is in the index", s.fileName()).isNotNull();
        assertThat(m.extraction().status()).as("%s has a status after the OCR pass", s.fileName())
            .isNotNull().isNotEqualTo(ExtractionStatus.OCR_PENDING.id());
      }
      List<Recognition> recognitions = scans.stream().map(s -> recognition(service, s, byPath.get(s.fileName()))).toList();
      List<QueryOutcome> queries = scans.stream().map(s -> titleQuery(service, s, byPath.get(s.fileName()).id())).toList();
      reportRecognition(recognitions);
      reportSearch(queries, recognitions);
    }
    System.out.printf(Locale.ROOT, "%srun time %.1f s (indexing %.1f s)%n", TAG, (System.nanoTime() - start) / 1e9,
        indexSeconds);
  }

  // ---- ground truth -----------------------------------------------------------------------

  private static Path corpus() {
    String p = System.getProperty("stdsearch.sharedCorpus");
    assumeTrue(p != null && Files.isDirectory(Path.of(p)), "set -Dstdsearch.sharedCorpus to the shared corpus");
    assumeTrue(Tesseract.onPath().detect(OcrOptions.DEFAULT_LANGUAGES).available(), "tesseract not installed");
    return Path.of(p);
  }

  /** Rows under cn/ whose pdf_text_layer column starts with SCANNED, in MANIFEST order. */
  static List<ScannedStandard> scannedChineseStandards(Path corpus) throws IOException {
    List<String> rows = Files.readAllLines(corpus.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
    List<String> header = List.of(rows.get(0).split("\t", -1));
    int path = header.indexOf("relative_path");
    int standard = header.indexOf("standard");
    int layer = header.indexOf("pdf_text_layer");
    List<ScannedStandard> out = new ArrayList<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split("\t", -1);
      if (f.length > layer && f[path].startsWith("cn/") && f[layer].startsWith("SCANNED")) {
        out.add(parseStandard(f[path], f[standard]));
      }
    }
    return out;
  }

  private static final Pattern STANDARD = Pattern.compile("^([A-Z]+(?:/[A-Z]+)?\\s+\\d+(?:\\.\\d+)*-\\d{4})\\s+(.+)$");
  /** A trailing parenthesised gloss with no Han character in it, after a space. */
  private static final Pattern GLOSS = Pattern.compile("\\s+\\(([^()\\p{IsHan}]*)\\)$");

  /**
   * "GB/T 32918.1-2016 信息安全技术 SM2椭圆曲线公钥密码算法 第1部分：总则 (SM2 Part 1: general)":
   * identifier (family, number with parts, year), then the title; an English gloss closes the
   * column in parentheses, recognised by holding no Han character (a title's own brackets do).
   */
  static ScannedStandard parseStandard(String relativePath, String column) {
    Matcher m = STANDARD.matcher(column.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("no identifier at the start of the standard column: " + column);
    }
    String rest = m.group(2);
    Matcher gloss = GLOSS.matcher(rest);
    String glossText = null;
    if (gloss.find()) {
      glossText = gloss.group(1).strip();
      rest = rest.substring(0, gloss.start());
    }
    return new ScannedStandard(relativePath, m.group(1), rest.strip(), glossText);
  }

  /**
   * Page 1 of {@code pdf} written as a PDF of its own at {@code target}, without the outline:
   * removing pages keeps the bookmarks, and Tika reads their titles ("Page 1" ... "Page 20") as
   * text; on one page they pass for a text layer and the cover would never reach OCR, while on
   * the whole scan they are far below the per-page threshold.
   */
  private static void writeFirstPage(Path pdf, Path target) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      while (doc.getNumberOfPages() > 1) {
        doc.removePage(doc.getNumberOfPages() - 1);
      }
      doc.getDocumentCatalog().setDocumentOutline(null);
      doc.save(target.toFile());
    }
  }

  // ---- recognition ------------------------------------------------------------------------

  /** Every indexed standard's metadata by path (the docs folder is flat: the path is the file name). */
  private static Map<String, StandardDetail.Metadata> indexedByPath(LuceneSearchService service) {
    Map<String, StandardDetail.Metadata> byPath = new HashMap<>();
    for (Hit h : service.search(SearchRequest.of("").withPaging(1, SearchRequest.MAX_SIZE)).hits()) {
      StandardDetail.Metadata m = service.standard(h.id(), "zh").metadata();
      byPath.put(m.path(), m);
    }
    return byPath;
  }

  private static Recognition recognition(LuceneSearchService service, ScannedStandard truth, StandardDetail.Metadata m) {
    String text = service.text(m.id(), null);
    return new Recognition(truth, m.extraction().status(), m.identifier(), m.titleZh(),
        identifierFromTextAlone(text), similarity(flat(m.titleZh()), flat(truth.titleZh())), text);
  }

  /**
   * The identifier the recogniser reads from the cover text alone: a neutral file name and no PDF
   * metadata, so neither can stand in for what OCR missed.
   */
  private static String identifierFromTextAlone(String text) {
    ExtractedDocument cover = new ExtractedDocument("cover.pdf", "cover", text.length(), "application/pdf",
        ExtractionStatus.OCR, null, text, List.of(0), Map.of(), 0);
    RecognisedStandard r = new StandardRecogniser().recognise(cover, null, Sidecars.none());
    return r.identifier();
  }

  private static void reportRecognition(List<Recognition> recognitions) {
    System.out.println(TAG + "cover recognition (✓ match, ✗ miss; title similarity = 1 - edit distance / length):");
    for (Recognition r : recognitions) {
      System.out.printf(Locale.ROOT, "%s  %-18s %-4s id %s %-18s cover text alone %s %-18s title %s %.2f 「%s」%n",
          TAG, r.truth().identifier(), r.status(), mark(r.identifierMatches()), r.identifier(),
          mark(r.identifierFromTextMatches()), r.identifierFromTextAlone(), mark(r.titleMatches()),
          r.titleSimilarity(), r.titleZh());
      if (!r.identifierFromTextMatches() || !r.titleMatches()) {
        System.out.println(TAG + "      expected title 「" + r.truth().titleZh() + "」; OCR cover: "
            + head(r.coverText(), 160));
      }
    }
    int n = recognitions.size();
    long id = recognitions.stream().filter(Recognition::identifierMatches).count();
    long idText = recognitions.stream().filter(Recognition::identifierFromTextMatches).count();
    long title = recognitions.stream().filter(Recognition::titleMatches).count();
    long both = recognitions.stream().filter(r -> r.identifierFromTextMatches() && r.titleMatches()).count();
    double meanSimilarity = recognitions.stream().mapToDouble(Recognition::titleSimilarity).average().orElse(0);
    System.out.println(TAG + share("identifier as indexed (file-name fallback included)", id, n));
    System.out.println(TAG + share("identifier from the OCR cover text alone", idText, n));
    System.out.println(TAG + share("Chinese title (distance <= " + TITLE_MAX_DISTANCE + ")", title, n)
        + String.format(Locale.ROOT, ", mean similarity %.2f", meanSimilarity));
    System.out.println(TAG + share("identifier from the text and title both", both, n));
  }

  private static String share(String what, long count, int n) {
    double s = n == 0 ? 0 : (double) count / n;
    return String.format(Locale.ROOT, "%s: %d of %d = %.0f%% (target >= %.0f%%: %s)", what, count, n, s * 100,
        TARGET * 100, s >= TARGET ? "met" : "NOT met");
  }

  // ---- title queries ----------------------------------------------------------------------

  private static QueryOutcome titleQuery(LuceneSearchService service, ScannedStandard truth, String id) {
    List<String> words = queryWords(truth.titleZh());
    List<Hit> hits = service.search(SearchRequest.of(String.join(" ", words))).hits();
    int rank = 0;
    for (int i = 0; i < hits.size() && i < HITS; i++) {
      if (hits.get(i).id().equals(id)) {
        rank = i + 1;
        break;
      }
    }
    return new QueryOutcome(truth, words, rank, hits.isEmpty() ? null : hits.get(0));
  }

  private static final Pattern PART_MARKER = Pattern.compile("第\\s*\\d+\\s*部分\\s*[：:]?");
  private static final Pattern RUN = Pattern.compile("[A-Za-z0-9]+|\\p{IsHan}+");

  /** Three words of a title by the rule in the class comment. */
  static List<String> queryWords(String title) {
    List<String> elements = List.of(PART_MARKER.matcher(title).replaceAll(" ").strip().split("\\s+"));
    int lead = 0;
    while (lead < elements.size() - 1 && elements.get(lead).endsWith("技术")) {
      lead++;
    }
    List<String> words = words(String.join(" ", elements.subList(lead, elements.size())));
    if (words.size() < 3) {
      words = words(String.join(" ", elements));
    }
    if (words.size() <= 3) {
      return words;
    }
    int n = words.size();
    return List.of(words.get(0), words.get((n - 1) / 2), words.get(n - 1));
  }

  private static List<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    for (Matcher m = RUN.matcher(text); m.find(); ) {
      String run = m.group();
      if (Character.isLetterOrDigit(run.charAt(0)) && run.chars().allMatch(c -> c < 128)) {
        if (run.length() >= 2 && run.chars().anyMatch(Character::isLetter)) {
          words.add(run);
        }
      } else {
        segment(run).stream().filter(w -> w.length() >= 2 && w.length() <= 4).forEach(words::add);
      }
    }
    return List.copyOf(words);
  }

  /** Dictionary segmentation of a Han run (stop words off: every word of the title counts). */
  private static List<String> segment(String han) {
    List<String> out = new ArrayList<>();
    try (SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);
        TokenStream ts = analyzer.tokenStream("t", new StringReader(han))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new IllegalStateException("segmenting a string cannot fail on I/O", e);
    }
    return out;
  }

  private static void reportSearch(List<QueryOutcome> queries, List<Recognition> recognitions) {
    System.out.println(TAG + "title queries (three words of the title, default request, " + HITS + " hits):");
    double reciprocal = 0;
    int found = 0;
    List<String> notFirst = new ArrayList<>(); // misses @10, and ranks below the first
    for (int i = 0; i < queries.size(); i++) {
      QueryOutcome q = queries.get(i);
      Recognition r = recognitions.get(i);
      reciprocal += q.rank() == 0 ? 0 : 1.0 / q.rank();
      found += q.rank() > 0 ? 1 : 0;
      System.out.printf(Locale.ROOT, "%s  %-18s %-22s rank %s%n", TAG, q.truth().identifier(), q.query(),
          q.rank() == 0 ? "-" : Integer.toString(q.rank()));
      if (q.rank() == 0) {
        String text = flat(r.coverText()).toLowerCase(Locale.ROOT);
        List<String> missing = q.words().stream().filter(w -> !text.contains(w.toLowerCase(Locale.ROOT))).toList();
        String reason = missing.isEmpty() ? "all words are in the OCR text; outranked" : "OCR text lacks " + missing;
        notFirst.add(String.format("%s query \"%s\": %s; first: %s", q.truth().identifier(), q.query(), reason,
            q.first() == null ? "no hits" : q.first().identifier() + " 「" + q.first().title().zh() + "」"));
      } else if (q.rank() > 1) {
        notFirst.add(String.format("%s query \"%s\": rank %d behind %s (not a miss @10)", q.truth().identifier(),
            q.query(), q.rank(), q.first().identifier()));
      }
    }
    int n = queries.size();
    System.out.printf(Locale.ROOT, "%sfound@%d: %d of %d = %.0f%%, MRR@%d %.3f%n", TAG, HITS, found, n,
        n == 0 ? 0 : 100.0 * found / n, HITS, n == 0 ? 0 : reciprocal / n);
    notFirst.forEach(m -> System.out.println(TAG + "  " + m));
  }

  // ---- comparison helpers -----------------------------------------------------------------

  /** Loose identifier match: full-width forms folded (NFKC), dashes unified, no spaces, upper case. */
  static String loose(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC)
        .replaceAll("[\\u2010-\\u2015\\u2212\\u4E00\\uFF0D_~]", "-")
        .replaceAll("\\s+", "")
        .toUpperCase(Locale.ROOT);
  }

  /** NFKC without whitespace: Chinese titles break and space anywhere on a cover. */
  static String flat(String s) {
    return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
  }

  /** 1 − Levenshtein distance / the longer length; 1 for two empty strings. */
  static double similarity(String a, String b) {
    int longer = Math.max(a.length(), b.length());
    return longer == 0 ? 1 : 1 - (double) levenshtein(a, b) / longer;
  }

  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(substitution, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String mark(boolean ok) {
    return ok ? "✓" : "✗";
  }

  private static String head(String text, int max) {
    String s = text.replaceAll("\\s+", " ").strip();
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}

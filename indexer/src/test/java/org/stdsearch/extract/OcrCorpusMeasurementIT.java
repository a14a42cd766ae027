package org.stdsearch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.extract.ocr.Tesseract;

/**
 * Measures OCR on the shared corpus (issue 6) and prints the figures ({@code [OCR]} lines in
 * target/failsafe-reports/*OcrCorpusMeasurementIT-output.txt); fails only on a crash. Runs when
 * the corpus at {@code stdsearch.sharedCorpus} (set by the parent pom) exists and tesseract is
 * installed. Bounded: the six scanned RFCs (1-2 pages each) and the cover page of each scanned
 * Chinese standard, no cache. The default run OCRs each page once (2 workers for the covers); the
 * 1-worker throughput rerun and the Tika-parser comparison double that, so they run only with
 * {@code -Dstdsearch.ocr.full=true} (about 16 minutes on a loaded 2-core machine):
 *
 * <pre>./mvnw -o -B -pl indexer verify -Dtest=OcrCacheTest -Dit.test=OcrCorpusMeasurementIT -Dstdsearch.ocr.full=true</pre>
 */
class OcrCorpusMeasurementIT {
  private static final List<String> SCANNED_RFCS = List.of("145", "432", "551", "562", "574", "667");

  @TempDir Path tmp;

  private static Path corpus() {
    String p = System.getProperty("stdsearch.sharedCorpus");
    assumeTrue(p != null && Files.isDirectory(Path.of(p)), "set -Dstdsearch.sharedCorpus to the shared corpus");
    assumeTrue(Tesseract.onPath().detect(OcrOptions.DEFAULT_LANGUAGES).available(), "tesseract not installed");
    return Path.of(p);
  }

  private static ForkedExtractor extractor(int workers) {
    OcrOptions options = OcrOptions.defaults().withMode(OcrMode.FORCE);
    return new ForkedExtractor(workers, ExtractionLimits.defaults(), null, options);
  }

  @Test
  void characterErrorRateOnTheScannedRfcs() throws Exception {
    Path corpus = corpus();
    List<String> lines = new ArrayList<>();
    double oursTotal = 0;
    long chars = 0;
    try (ForkedExtractor extractor = extractor(1)) {
      for (String n : SCANNED_RFCS) {
        Path pdf = corpus.resolve("rfc/pdf/rfc" + n + ".pdf");
        String truth = normalise(Files.readString(corpus.resolve("rfc/txt/rfc" + n + ".txt"), StandardCharsets.UTF_8));
        ExtractedDocument layer = extractor.extract(corpus, pdf, "rfc" + n, Files.size(pdf), "application/pdf");
        ExtractedDocument ours = extractor.ocr(corpus, pdf, "rfc" + n, Files.size(pdf), "application/pdf");
        assertThat(ours.status()).as(ours.reason()).isEqualTo(ExtractionStatus.OCR);
        double cerOurs = cer(normalise(ours.text()), truth);
        double cerLayer = cer(normalise(layer.text()), truth);
        oursTotal += cerOurs * truth.length();
        chars += truth.length();
        lines.add(String.format(Locale.ROOT, "RFC %-4s pages %d  chars %5d  CER old layer %s  ours %5.1f%%  (%s s/page)",
            n, ours.pageCount(), truth.length(),
            layer.status() == ExtractionStatus.EMPTY ? "  none" : String.format(Locale.ROOT, "%5.1f%%", cerLayer * 100),
            cerOurs * 100, ours.firstMetadata("X-Stdsearch:ocr-seconds-per-page")));
      }
    }
    lines.add(String.format(Locale.ROOT, "RFC scans, ours, weighted by length: CER %.1f%% (target <= 5%%)",
        oursTotal / chars * 100));
    report(lines);
  }

  @Test
  void identifierOnTheCoverOfEachScannedChineseStandardAndThroughput() throws Exception {
    Path corpus = corpus();
    Map<Path, String> covers = new java.util.LinkedHashMap<>();
    for (String row : Files.readAllLines(corpus.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8)) {
      String[] f = row.split("\t", -1);
      if (f.length > 8 && f[0].startsWith("cn/") && f[8].startsWith("SCANNED")) {
        covers.put(coverPage(corpus.resolve(f[0])), identifier(f[5]));
      }
    }
    List<String> lines = new ArrayList<>();
    Map<Path, String> texts = new ConcurrentHashMap<>();
    boolean full = Boolean.getBoolean("stdsearch.ocr.full");
    double twoWorkers = ocrAll(covers.keySet(), 2, texts);
    int found = 0;
    for (var e : covers.entrySet()) {
      boolean hit = loose(texts.get(e.getKey())).contains(loose(e.getValue()));
      found += hit ? 1 : 0;
      String head = texts.get(e.getKey()).replaceAll("\\s+", " ");
      lines.add(String.format("%-18s %s  %s", e.getValue(), hit ? "found  " : "MISSING",
          head.substring(0, Math.min(70, head.length()))));
    }
    double oneWorker = full ? ocrAll(covers.keySet(), 1, new ConcurrentHashMap<>()) : Double.NaN;
    lines.add(String.format(Locale.ROOT, "Chinese scanned covers: identifier found on %d of %d (%.0f%%)",
        found, covers.size(), 100.0 * found / covers.size()));
    lines.add(String.format(Locale.ROOT, "throughput on %d cover pages: 1 worker %.3f pages/s, 2 workers %.3f pages/s",
        covers.size(), oneWorker, twoWorkers));
    report(lines);
  }

  /**
   * Tika's TesseractOCRParser against our direct call on the same page images and options: time
   * and CER (RFC 145) or identifier found (GB/T 32905 cover). Why Tesseract is called directly.
   */
  @Test
  void tikaTesseractParserAgainstTheDirectCall() throws Exception {
    Path corpus = corpus();
    assumeTrue(Boolean.getBoolean("stdsearch.ocr.full"), "full OCR measurement: -Dstdsearch.ocr.full=true");
    List<String> lines = new ArrayList<>();
    TesseractOCRParser tika = new TesseractOCRParser();
    tika.initialize(Map.of());
    Tesseract direct = Tesseract.onPath();
    String truth145 = normalise(Files.readString(corpus.resolve("rfc/txt/rfc145.txt"), StandardCharsets.UTF_8));
    record Page(String name, Path pdf) {}
    for (Page page : List.of(new Page("RFC 145 p1", corpus.resolve("rfc/pdf/rfc145.pdf")),
        new Page("GB/T 32905 cover", corpus.resolve("cn/GB_T_32905-2016_SM3.pdf")))) {
      var image = render(page.pdf(), 300);
      Path png = tmp.resolve("page.png");
      ImageIO.write(image, "png", png.toFile());

      long t0 = System.nanoTime();
      TesseractOCRConfig config = new TesseractOCRConfig();
      config.setLanguage(OcrOptions.DEFAULT_LANGUAGES);
      ParseContext context = new ParseContext();
      context.set(TesseractOCRConfig.class, config);
      BodyContentHandler handler = new BodyContentHandler(-1);
      try (InputStream in = Files.newInputStream(png)) {
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, "image/png");
        tika.parse(in, handler, metadata, context);
      }
      double tikaSeconds = (System.nanoTime() - t0) / 1e9;

      long t1 = System.nanoTime();
      String ours = direct.recognise(image, 300, OcrOptions.DEFAULT_LANGUAGES, Duration.ofMinutes(5), tmp);
      double directSeconds = (System.nanoTime() - t1) / 1e9;

      String quality = page.name().startsWith("RFC")
          ? String.format(Locale.ROOT, "CER tika %.1f%%, direct %.1f%%",
              cer(normalise(handler.toString()), truth145) * 100, cer(normalise(ours), truth145) * 100)
          : "identifier found: tika " + loose(handler.toString()).contains(loose("GB/T 32905-2016"))
              + ", direct " + loose(ours).contains(loose("GB/T 32905-2016"));
      lines.add(String.format(Locale.ROOT, "%-17s TesseractOCRParser %.1f s, direct %.1f s; %s",
          page.name(), tikaSeconds, directSeconds, quality));
    }
    report(lines);
  }

  private static double ocrAll(Iterable<Path> pdfs, int workers, Map<Path, String> texts) throws Exception {
    long start = System.nanoTime();
    int pages = 0;
    try (ForkedExtractor extractor = extractor(workers);
        var pool = Executors.newFixedThreadPool(workers)) {
      List<Future<ExtractedDocument>> jobs = new ArrayList<>();
      for (Path pdf : pdfs) {
        jobs.add(pool.submit(() -> {
          ExtractedDocument d = extractor.ocr(pdf.getParent(), pdf, "m" + pdf.getFileName(), Files.size(pdf),
              "application/pdf");
          texts.put(pdf, d.text());
          return d;
        }));
        pages++;
      }
      for (Future<ExtractedDocument> job : jobs) {
        ExtractedDocument d = job.get();
        assertThat(d.status()).as(d.relativePath() + ": " + d.reason()).isIn(ExtractionStatus.OCR, ExtractionStatus.EMPTY);
      }
    }
    return pages / ((System.nanoTime() - start) / 1e9);
  }

  /** Page 1 of a PDF as a PDF of its own: covers only keeps this measurement bounded. */
  private Path coverPage(Path pdf) throws Exception {
    Path cover = tmp.resolve(pdf.getFileName().toString().replaceAll("(?i)\\.pdf$", "") + "-cover.pdf");
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      while (doc.getNumberOfPages() > 1) {
        doc.removePage(doc.getNumberOfPages() - 1);
      }
      doc.save(cover.toFile());
    }
    return cover;
  }

  private static java.awt.image.BufferedImage render(Path pdf, int dpi) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.GRAY);
    }
  }

  /** "GB/T 32905-2016 信息安全技术 ..." → "GB/T 32905-2016": the identifier at the start of the standard column. */
  static String identifier(String standard) {
    var m = java.util.regex.Pattern.compile("^([A-Z]+(?:/[A-Z])?\\s*[0-9.]+-[0-9]{4})").matcher(standard);
    return m.find() ? m.group(1) : standard.split(" ")[0];
  }

  /** Loose identifier match: full-width forms folded (NFKC), dashes unified, no spaces, upper case. */
  static String loose(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC)
        .replaceAll("[\\u2010-\\u2015\\u2212\\u4E00\\uFF0D_~]", "-")
        .replaceAll("\\s+", "")
        .toUpperCase(Locale.ROOT);
  }

  /** Whitespace runs to one space, trimmed: layout is not what the CER measures. */
  static String normalise(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** Character error rate: Levenshtein distance over the reference length. */
  static double cer(String hypothesis, String reference) {
    int n = reference.length();
    int m = hypothesis.length();
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      char r = reference.charAt(i - 1);
      for (int j = 1; j <= m; j++) {
        int sub = prev[j - 1] + (r == hypothesis.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return n == 0 ? 0 : (double) prev[m] / n;
  }

  private static void report(List<String> lines) {
    System.err.println();
    lines.forEach(l -> System.err.println("[OCR] " + l));
  }
}

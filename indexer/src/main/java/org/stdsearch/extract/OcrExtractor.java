package org.stdsearch.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.stdsearch.extract.ocr.OcrCache;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.extract.ocr.OcrPages;
import org.stdsearch.extract.ocr.PageOcr;
import org.stdsearch.extract.ocr.Tesseract;
import org.stdsearch.extract.pdf.TextLayerPages;

/**
 * Recognises the text of a PDF or image file from its page images, in a worker process: the OCR
 * counterpart of {@link TikaExtractor}, which still supplies the document's type and metadata.
 */
final class OcrExtractor {
  static final String OCR_PAGES = "X-Stdsearch:ocr-pages";
  static final String OCR_SECONDS_PER_PAGE = "X-Stdsearch:ocr-seconds-per-page";
  static final String OCR_CACHE_HITS = "X-Stdsearch:ocr-cache-hits";
  static final String OCR_TESSERACT_CALLS = "X-Stdsearch:ocr-tesseract-calls";
  static final String OCR_ENGINE = "X-Stdsearch:ocr-engine";
  static final String OCR_LANGUAGES = "X-Stdsearch:ocr-languages";
  static final String OCR_DPI = "X-Stdsearch:ocr-dpi";
  /** The pages recognised from their images, as ranges ("2-20, 22-34"). */
  public static final String PAGES_OCR = "X-Stdsearch:pages-ocr";
  /** The pages read from the text layer in a document whose other pages were recognised, as ranges. */
  public static final String PAGES_TEXT_LAYER = "X-Stdsearch:pages-text-layer";
  static final String UNAVAILABLE = "no text layer; OCR unavailable: ";

  /** Image types Tesseract reads through ImageIO; one page per image, TIFF may hold several. */
  static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/tiff", "image/bmp", "image/gif");

  private final TikaExtractor tika;
  private final Tesseract tesseract;
  private final int maxChars;

  OcrExtractor(TikaExtractor tika, Tesseract tesseract, int maxChars) {
    this.tika = tika;
    this.tesseract = tesseract;
    this.maxChars = maxChars;
  }

  ParseOutcome ocr(Path file, String contentHash, OcrOptions options, PageOcr.PageListener listener) {
    // Tika first, for the type and the metadata (title, dates) the OCR text should travel with;
    // its own text is dropped. Tika's built-in OCR is off in TikaExtractor.
    ParseOutcome tikaOutcome = tika.parse(file);
    String mime = tikaOutcome.mimeType();
    boolean pdf = mime.equals("application/pdf");
    if (!pdf && !IMAGE_TYPES.contains(mime)) {
      return ParseOutcome.failed(mime, "OCR reads PDF and PNG, JPEG or TIFF images, not " + mime);
    }
    Tesseract.Installation installed = tesseract.detect(options.languages());
    if (!installed.available()) {
      return tikaOutcome.status() == ExtractionStatus.GARBLED
          ? new ParseOutcome(mime, ExtractionStatus.GARBLED, tikaOutcome.reason() + "; OCR unavailable: "
              + installed.problem(), tikaOutcome.text(), tikaOutcome.pageStarts(), tikaOutcome.metadata())
          : new ParseOutcome(mime, ExtractionStatus.EMPTY, UNAVAILABLE + installed.problem(), "", List.of(0),
              tikaOutcome.metadata());
    }
    OcrCache cache = options.cacheDir() == null ? null : new OcrCache(options.cacheDir());
    PageOcr engine = new PageOcr(tesseract, cache, installed.languages(), options);
    Set<Integer> only = pagesToRecognise(tikaOutcome, options);
    OcrPages pages;
    try {
      pages = pdf ? engine.recognisePdf(file, contentHash, only, listener)
          : engine.recogniseImage(file, contentHash, listener);
    } catch (IOException | RuntimeException e) {
      return ParseOutcome.failed(mime, "OCR could not read the " + (pdf ? "PDF" : "image") + ": "
          + TikaExtractor.describe(e));
    }
    return outcome(mime, pages, installed, options, tikaOutcome);
  }

  /**
   * The pages whose text layer is unreadable, when the others have a readable one and the mode
   * is not {@code force}: only those are recognised. Empty for all pages.
   */
  private static Set<Integer> pagesToRecognise(ParseOutcome tikaOutcome, OcrOptions options) {
    if (options.mode() == OcrMode.FORCE || tikaOutcome.status() != ExtractionStatus.GARBLED) {
      return Set.of();
    }
    List<String> unreadable = tikaOutcome.metadata().get(TextLayerPages.UNREADABLE_PAGES);
    return unreadable == null || unreadable.isEmpty() ? Set.of()
        : new TreeSet<>(TextLayerPages.parseRanges(unreadable.get(0)));
  }

  private ParseOutcome outcome(String mime, OcrPages pages, Tesseract.Installation installed, OcrOptions options,
      ParseOutcome tikaOutcome) {
    StringBuilder text = new StringBuilder();
    List<Integer> starts = new ArrayList<>();
    Set<Integer> recognised = new TreeSet<>(pages.selected());
    List<Integer> fromTextLayer = new ArrayList<>();
    for (int p = 1; p <= pages.pageCount(); p++) {
      String page = pages.texts().get(p - 1);
      if (!recognised.contains(p)) {
        page = pageText(tikaOutcome, p).strip();
        fromTextLayer.add(p);
      }
      starts.add(text.length());
      text.append(page);
      if (!page.isEmpty()) {
        text.append("\n\n"); // a paragraph break between pages, as Tika's page divs give
      }
    }
    String body = text.length() > maxChars ? text.substring(0, maxChars) : text.toString();
    starts.replaceAll(s -> Math.min(s, body.length()));
    Map<String, List<String>> metadata = new LinkedHashMap<>(tikaOutcome.metadata());
    int n = pages.selected().size();
    metadata.put(OCR_PAGES, List.of(pages.recognised() + "/" + n));
    metadata.put(PAGES_OCR, List.of(TextLayerPages.ranges(pages.selected())));
    if (!fromTextLayer.isEmpty()) {
      metadata.put(PAGES_TEXT_LAYER, List.of(TextLayerPages.ranges(fromTextLayer)));
    }
    metadata.put(OCR_SECONDS_PER_PAGE, List.of(String.format(Locale.ROOT, "%.2f", n == 0 ? 0 : pages.seconds() / n)));
    metadata.put(OCR_CACHE_HITS, List.of(Integer.toString(pages.fromCache())));
    metadata.put(OCR_TESSERACT_CALLS, List.of(Integer.toString(pages.tesseractCalls())));
    metadata.put(OCR_ENGINE, List.of(installed.version()));
    metadata.put(OCR_LANGUAGES, List.of(installed.languages()));
    metadata.put(OCR_DPI, List.of(Integer.toString(options.dpi())));
    if (pages.coverReading() != null && !pages.coverReading().isBlank()) {
      metadata.put(ExtractedDocument.OCR_COVER_READING, List.of(pages.coverReading()));
    }

    String failed = failures(pages.failures());
    if (pages.pageCount() == 0) {
      // A damaged PDF (a fuzzed one, say) can load with an empty page tree: there is nothing to
      // recognise, and "OCR failed on all 0 pages" said nothing useful.
      return new ParseOutcome(mime, ExtractionStatus.FAILED,
          "no text layer, and no page to recognise: the file lists no readable page (damaged or empty page tree)",
          "", List.of(0), metadata);
    }
    if (pages.recognised() == 0 && !fromTextLayer.isEmpty()) {
      // The readable pages still serve; the unreadable ones stay empty, and the status says so.
      return new ParseOutcome(mime, ExtractionStatus.GARBLED, tikaOutcome.reason() + "; OCR failed on all " + n
          + " of them" + failed, body, starts, metadata);
    }
    if (pages.recognised() == 0) {
      return new ParseOutcome(mime, ExtractionStatus.FAILED, "OCR failed on all " + n + " pages" + failed, "",
          List.of(0), metadata);
    }
    if (TextQuality.isEmpty(body, 1, false)) {
      return new ParseOutcome(mime, ExtractionStatus.EMPTY, "no text layer; OCR found no text on " + n + " pages"
          + failed, body, starts, metadata);
    }
    String reason = "text recognised from " + pages.recognised() + " of " + n + " page images" + failed
        + (fromTextLayer.isEmpty() ? "" : "; text layer on the other " + fromTextLayer.size() + " of "
            + pages.pageCount() + " pages (" + tikaOutcome.reason() + ")")
        + (body.length() < text.length() ? "; truncated at the cap of " + maxChars + " characters" : "");
    return new ParseOutcome(mime, ExtractionStatus.OCR, reason, body, starts, metadata);
  }

  private static String pageText(ParseOutcome o, int page) {
    List<Integer> starts = o.pageStarts();
    if (page > starts.size()) {
      return "";
    }
    int start = Math.min(starts.get(page - 1), o.text().length());
    int end = page < starts.size() ? Math.min(starts.get(page), o.text().length()) : o.text().length();
    return o.text().substring(start, Math.max(start, end));
  }

  /** The first few page failures: a scan whose every page times out must not make a reason of pages. */
  private static String failures(List<String> failures) {
    if (failures.isEmpty()) {
      return "";
    }
    String shown = String.join("; ", failures.subList(0, Math.min(3, failures.size())));
    return "; failed " + shown + (failures.size() > 3 ? " (and " + (failures.size() - 3) + " more pages)" : "");
  }
}

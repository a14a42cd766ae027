package org.stdsearch.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stdsearch.extract.ocr.OcrCache;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.extract.ocr.OcrPages;
import org.stdsearch.extract.ocr.PageOcr;
import org.stdsearch.extract.ocr.Tesseract;

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
      return new ParseOutcome(mime, ExtractionStatus.EMPTY, UNAVAILABLE + installed.problem(), "", List.of(0),
          tikaOutcome.metadata());
    }
    OcrCache cache = options.cacheDir() == null ? null : new OcrCache(options.cacheDir());
    PageOcr engine = new PageOcr(tesseract, cache, installed.languages(), options);
    OcrPages pages;
    try {
      pages = pdf ? engine.recognisePdf(file, contentHash, listener) : engine.recogniseImage(file, contentHash, listener);
    } catch (IOException | RuntimeException e) {
      return ParseOutcome.failed(mime, "OCR could not read the " + (pdf ? "PDF" : "image") + ": "
          + TikaExtractor.describe(e));
    }
    return outcome(mime, pages, installed, options, tikaOutcome.metadata());
  }

  private ParseOutcome outcome(String mime, OcrPages pages, Tesseract.Installation installed, OcrOptions options,
      Map<String, List<String>> tikaMetadata) {
    StringBuilder text = new StringBuilder();
    List<Integer> starts = new ArrayList<>();
    for (String page : pages.texts()) {
      starts.add(text.length());
      text.append(page);
      if (!page.isEmpty()) {
        text.append("\n\n"); // a paragraph break between pages, as Tika's page divs give
      }
    }
    String body = text.length() > maxChars ? text.substring(0, maxChars) : text.toString();
    starts.replaceAll(s -> Math.min(s, body.length()));
    Map<String, List<String>> metadata = new LinkedHashMap<>(tikaMetadata);
    int n = pages.pageCount();
    metadata.put(OCR_PAGES, List.of(pages.recognised() + "/" + n));
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
    if (n == 0) {
      // A damaged PDF (a fuzzed one, say) can load with an empty page tree: there is nothing to
      // recognise, and "OCR failed on all 0 pages" said nothing useful (issue 19).
      return new ParseOutcome(mime, ExtractionStatus.FAILED,
          "no text layer, and no page to recognise: the file lists no readable page (damaged or empty page tree)",
          "", List.of(0), metadata);
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
        + (body.length() < text.length() ? "; truncated at the cap of " + maxChars + " characters" : "");
    return new ParseOutcome(mime, ExtractionStatus.OCR, reason, body, starts, metadata);
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

package org.stdsearch.extract.ocr;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How pages are recognised: mode, Tesseract languages, rendering resolution, time limits and the
 * cache folder.
 *
 * @param mode when OCR runs
 * @param languages Tesseract language codes joined by '+', e.g. {@code chi_sim+eng}
 * @param dpi resolution PDF pages are rendered at before recognition
 * @param pageTimeout limit per page; Tesseract is killed past it and the page counts as failed
 * @param documentTimeout upper bound for a whole document, whatever its page count
 * @param cacheDir folder of the recognised-text cache, or null for no cache
 */
public record OcrOptions(
    OcrMode mode, String languages, int dpi, Duration pageTimeout, Duration documentTimeout, Path cacheDir) {

  /** Simplified Chinese and English: the languages of our corpus; Tesseract reads both at once. */
  public static final String DEFAULT_LANGUAGES = "chi_sim+eng";
  /**
   * The usual scan resolution, and body text at 300 dpi has the character heights Tesseract reads
   * best. Not tuned per corpus: on a synthetic 16 pt page 200 and 400 dpi were neither better nor
   * consistently worse, and 400 dpi took ~1.3x the time.
   */
  public static final int DEFAULT_DPI = 300;

  public OcrOptions {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(languages, "languages");
    if (!languages.matches("[A-Za-z0-9_]+(\\+[A-Za-z0-9_]+)*")) {
      throw new IllegalArgumentException("languages must be Tesseract codes joined by '+': " + languages);
    }
    if (dpi < 72 || dpi > 600) {
      throw new IllegalArgumentException("dpi must be in [72, 600]: " + dpi);
    }
    if (pageTimeout.isNegative() || pageTimeout.isZero()) {
      throw new IllegalArgumentException("pageTimeout must be positive: " + pageTimeout);
    }
    if (documentTimeout.compareTo(pageTimeout) < 0) {
      throw new IllegalArgumentException("documentTimeout must be at least pageTimeout: " + documentTimeout);
    }
  }

  /** Auto mode, {@code chi_sim+eng}, 300 dpi, 120 s per page, 2 h per document, no cache. */
  public static OcrOptions defaults() {
    return new OcrOptions(OcrMode.AUTO, DEFAULT_LANGUAGES, DEFAULT_DPI, Duration.ofSeconds(120), Duration.ofHours(2), null);
  }

  /**
   * The cache folder of an index: {@code <index>/ocr-cache}. Each index owns its cache: beside
   * the index folder, two indexes in one parent folder shared one and each full run dropped the
   * other's pages as no longer indexed (issue 19). Lucene ignores the folder.
   */
  public static Path cacheOf(Path indexDir) {
    return indexDir.toAbsolutePath().normalize().resolve("ocr-cache");
  }

  public OcrOptions withMode(OcrMode m) {
    return new OcrOptions(m, languages, dpi, pageTimeout, documentTimeout, cacheDir);
  }

  public OcrOptions withLanguages(String l) {
    return new OcrOptions(mode, l, dpi, pageTimeout, documentTimeout, cacheDir);
  }

  public OcrOptions withDpi(int d) {
    return new OcrOptions(mode, languages, d, pageTimeout, documentTimeout, cacheDir);
  }

  public OcrOptions withPageTimeout(Duration t) {
    return new OcrOptions(mode, languages, dpi, t, documentTimeout.compareTo(t) < 0 ? t : documentTimeout, cacheDir);
  }

  public OcrOptions withCacheDir(Path dir) {
    return new OcrOptions(mode, languages, dpi, pageTimeout, documentTimeout, dir);
  }
}

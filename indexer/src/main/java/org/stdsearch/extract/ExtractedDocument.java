package org.stdsearch.extract;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The text and metadata Tika read from one file, with the offsets where its pages start.
 *
 * @param relativePath path below the docs root, '/'-separated: the document's stable key
 * @param contentHash SHA-256 of the file bytes (hex): unchanged files are skipped on re-runs
 * @param sizeBytes file size
 * @param mimeType type detected from content and name
 * @param status what extraction made of the file
 * @param reason why the status is not {@code ok} (null when it is)
 * @param text the extracted plain text (empty when nothing was read)
 * @param pageStarts offset in {@code text} where each page starts (PDF pages; one entry for
 *     formats without pages)
 * @param metadata Tika metadata, name to values
 * @param extractMillis wall-clock time spent extracting
 */
public record ExtractedDocument(
    String relativePath,
    String contentHash,
    long sizeBytes,
    String mimeType,
    ExtractionStatus status,
    String reason,
    String text,
    List<Integer> pageStarts,
    Map<String, List<String>> metadata,
    long extractMillis) {

  /**
   * Metadata entry of a scanned PDF: its cover read a second time at a lower resolution, where the
   * large title type reads better (see {@code PageOcr.coverDpi}); the recogniser takes the title
   * from whichever reading has it cleaner.
   */
  public static final String OCR_COVER_READING = "X-Stdsearch:ocr-cover-reading";

  public ExtractedDocument {
    Objects.requireNonNull(relativePath, "relativePath");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(status, "status");
    text = text == null ? "" : text;
    pageStarts = List.copyOf(pageStarts == null || pageStarts.isEmpty() ? List.of(0) : pageStarts);
    metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
  }

  /** The same extraction with another status and reason (e.g. queued for OCR). */
  public ExtractedDocument withStatus(ExtractionStatus newStatus, String newReason) {
    return new ExtractedDocument(relativePath, contentHash, sizeBytes, mimeType, newStatus, newReason, text,
        pageStarts, metadata, extractMillis);
  }

  /** Number of pages (1 for formats without pages). */
  public int pageCount() {
    return pageStarts.size();
  }

  /** 1-based page on which the character at {@code offset} lies. */
  public int pageAt(int offset) {
    return PageOffsets.pageAt(pageStarts, offset);
  }

  /** First value of a metadata entry, or null. */
  public String firstMetadata(String name) {
    List<String> values = metadata.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Text of one 1-based page. */
  public String pageText(int page) {
    int start = pageStarts.get(page - 1);
    int end = page < pageStarts.size() ? pageStarts.get(page) : text.length();
    return text.substring(start, end);
  }
}

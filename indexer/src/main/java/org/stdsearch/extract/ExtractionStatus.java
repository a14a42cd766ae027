package org.stdsearch.extract;

import java.util.Locale;

/** What extraction made of one file; stored in the index and counted in the report. */
public enum ExtractionStatus {
  /** Text extracted in full. */
  OK,
  /** No usable text layer (typically a scanned PDF): kept in the index, found by metadata only. */
  EMPTY,
  /** The per-document character cap was reached: the indexed text is a prefix, and says so. */
  TRUNCATED,
  /**
   * Text recognised from page images (OCR of a scan or an image file); the share of pages
   * recognised is in the reason and in the {@code X-Stdsearch:ocr-pages} metadata entry.
   */
  OCR,
  /**
   * No usable text layer yet, and the document is queued for the OCR pass that follows the text
   * documents; indexed meanwhile by its metadata, replaced when OCR is done.
   */
  OCR_PENDING,
  /** Text extracted, but mostly replacement or private-use characters (fonts without ToUnicode). */
  GARBLED,
  /** Password protected: no text could be read. */
  ENCRYPTED,
  /** Parsing failed (corrupt file, timeout, out of memory, parser crash); the reason is recorded. */
  FAILED,
  /** Not a supported document type; listed in the report with its detected type, not indexed. */
  SKIPPED;

  /** The lower-case name used in the index, the report and the API. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ExtractionStatus fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}

package org.stdsearch.extract.ocr;

import java.util.Locale;

/** When the indexer recognises text from page images. */
public enum OcrMode {
  /** OCR the pages of PDFs without a usable text layer (empty or garbled) and image files, when Tesseract is installed. */
  AUTO,
  /** Never OCR: scans stay {@code empty}, found by metadata only. */
  OFF,
  /**
   * OCR every page of every PDF and image, even over a text layer: to compare with the hidden OCR
   * layers old scans carry (RFC 432 and others), or to replace a poor one.
   */
  FORCE;

  /** The lower-case name used on the command line and in configuration. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OcrMode fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}

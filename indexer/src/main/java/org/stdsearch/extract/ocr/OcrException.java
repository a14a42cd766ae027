package org.stdsearch.extract.ocr;

/** Recognition of one page failed; the message is the reason recorded for it. */
public final class OcrException extends Exception {
  public OcrException(String reason) {
    super(reason);
  }
}

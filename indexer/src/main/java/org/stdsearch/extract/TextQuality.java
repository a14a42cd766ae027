package org.stdsearch.extract;

/** Judges whether extracted text is usable: empty (no text layer) or garbled (broken fonts). */
final class TextQuality {
  /**
   * Below this many non-blank characters per page a PDF has no usable text layer. A real text
   * page carries hundreds; scans with a token text layer (page numbers, a stamp) carry a few.
   */
  static final int MIN_CHARS_PER_PAGE = 40;

  private TextQuality() {}

  static boolean isEmpty(String text, int pages, boolean paged) {
    return isEmpty(text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).count(),
        pages, paged);
  }

  /** As {@link #isEmpty(String, int, boolean)} from a count of visible characters. */
  static boolean isEmpty(long visible, int pages, boolean paged) {
    if (visible == 0) {
      return true;
    }
    return paged && visible < (long) MIN_CHARS_PER_PAGE * pages;
  }

  /**
   * Share of suspicious characters among visible ones: U+FFFD, private-use code points, control
   * characters, and Latin-1 supplement letters (the mojibake of CJK fonts without a ToUnicode
   * map, e.g. "¸ß¶È").
   */
  static double suspiciousShare(String text) {
    long visible = 0;
    long suspicious = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        continue;
      }
      visible++;
      int type = Character.getType(c);
      if (c == 0xFFFD
          || type == Character.PRIVATE_USE
          || type == Character.CONTROL
          || type == Character.UNASSIGNED
          || (c >= 0x80 && c <= 0xFF)) {
        suspicious++;
      }
    }
    return visible == 0 ? 0 : (double) suspicious / visible;
  }
}

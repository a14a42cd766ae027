package org.stdsearch.recognise;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.stdsearch.extract.pdf.FounderLatin;

/**
 * Repairs applied to extracted text before it is read: same-length folds for the whole text (so
 * offsets still point into the original), and stronger clean-ups for short cover lines.
 */
final class DocumentText {
  private static final Pattern SPLIT_DIGITS = Pattern.compile("(?<=\\d) (?=\\d)");
  /**
   * The spaces between two single Han characters ({@link #closeCjkSpacing}); package-private so that
   * DocumentTextTest checks the shortcut for lines without Han against it.
   */
  static final Pattern SPACED_HAN = Pattern.compile("(?<=(?:^|\\s)\\p{IsHan})\\s+(?=\\p{IsHan}(?:\\s|$))");
  /**
   * The dot of a part number as OCR reads it, between the number and a part before the year:
   * "GM/T0001。3—2012" is GM/T 0001.3-2012.
   */
  private static final Pattern PART_DOT = Pattern.compile("(?<=\\d)\\s*[。．·,，]\\s*(?=\\d{1,2}\\s*[-—–―－一]\\s*(?:19|20)\\d{2})");

  private DocumentText() {}

  /**
   * Folds full-width ASCII and the ideographic space to ASCII, repairs Founder Latin letters
   * ({@link FounderLatin}: extraction repairs them on pages that use the font, this fold also
   * catches a stray one) and writes dashes before a year as '-'. Keeps the length, so offsets
   * stay valid.
   */
  static String fold(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= '\uFF01' && c <= '\uFF5E') {
        chars[i] = (char) (c - 0xFEE0);
      } else if (c == '\u3000' || c == '\u00A0') {
        chars[i] = ' ';
      } else if (FounderLatin.latin(c) != 0) {
        chars[i] = FounderLatin.latin(c);
      }
    }
    return new String(dashesBeforeYears(chars));
  }

  /**
   * Writes as '-' each dash between a number and a year (a dash after a digit and before exactly
   * four digits), in place. The Han numeral 一 counts as a dash because OCR reads the dash of an
   * identifier as 一 ("GB/T 32905一2016": 5 of the 17 scanned covers of the shared corpus); between
   * two numbers it is never the numeral. A loop, not a pattern: a pattern tried at every position
   * of a whole text cost more than the rest of the fold.
   */
  private static char[] dashesBeforeYears(char[] chars) {
    for (int i = 1; i + 4 < chars.length; i++) {
      if (isDash(chars[i]) && isDigit(chars[i - 1]) && isDigit(chars[i + 1]) && isDigit(chars[i + 2])
          && isDigit(chars[i + 3]) && isDigit(chars[i + 4]) && (i + 5 == chars.length || !isDigit(chars[i + 5]))) {
        chars[i] = '-';
      }
    }
    return chars;
  }

  private static boolean isDash(char c) {
    return c == '—' || c == '–' || c == '―' || c == '－' || c == '‒' || c == 'ˉ' || c == '一';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * A cover line cleaned for reading identifiers and dates: compatibility forms of OCR digits
   * ("⒛ 12" is 2012), spaces inside numbers dropped, runs of spaces collapsed.
   */
  static String coverLine(String line) {
    String s = line.replace("⒛", "20").replace("⒈", "1").replace("⒉", "2");
    s = PART_DOT.matcher(s).replaceAll(".");
    s = Normalizer.normalize(fold(s), Normalizer.Form.NFKC);
    s = SPLIT_DIGITS.matcher(s.replaceAll("\\s+", " ").strip()).replaceAll("");
    // Closing up the digits can bring a dash next to a year.
    return new String(dashesBeforeYears(s.toCharArray()));
  }

  /**
   * Spaced-out CJK ("中 华 人 民", "发 布") closed up, so markers can be matched literally. Only
   * spaces between single characters go: the space between the elements of a title ("信息技术
   * 云计算") is part of it (GB/T 1.1).
   */
  static String closeCjkSpacing(String line) {
    // A line without a Han character (English text, numbers, identifiers) cannot match.
    if (line.codePoints().noneMatch(DocumentText::isHan)) {
      return line.strip();
    }
    return SPACED_HAN.matcher(line).replaceAll("").strip();
  }

  static boolean isHan(int codePoint) {
    // No script before U+2E80 is Han, and U+4E00..U+9FFF (the unified ideographs) all are: the
    // table look-up only for the rest.
    if (codePoint < 0x2E80) {
      return false;
    }
    if (codePoint >= 0x4E00 && codePoint <= 0x9FFF) {
      return true;
    }
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  /** Share of Han characters among letters: how Chinese a stretch of text is. */
  static double hanShare(CharSequence text) {
    int han = 0;
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (isHan(c)) {
          han++;
        }
      }
    }
    return letters == 0 ? 0 : (double) han / letters;
  }
}

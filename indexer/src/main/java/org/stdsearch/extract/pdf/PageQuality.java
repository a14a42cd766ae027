package org.stdsearch.extract.pdf;

import java.util.Arrays;
import java.util.Locale;

/**
 * Judges whether the text layer of one PDF page can be read: a font without a usable Unicode
 * mapping turns a page into "soup" that looks like text to every count of characters but says
 * nothing. Three kinds were seen in Chinese standards:
 *
 * <ul>
 *   <li>glyphs PDFBox could not map at all ({@code pdf:unmappedUnicodeCharsPerPage}): Han text
 *       that comes out as ASCII and Latin-1 codes, or as nothing (JT/T 808-2019, the SM9 parts);
 *   <li>mojibake: Latin-1 letters, replacement, control and private-use characters where a
 *       subset font's codes are taken for Latin-1 (GB/T 38636-2020, the ZUC-256 draft);
 *   <li>glyph numbers taken for Unicode: Han characters from Hangul, Yi, Canadian syllabics or
 *       CJK extension A, Latin letters shifted by 29 (GM/Z 0001-2013).
 * </ul>
 *
 * <p>Each kind is counted as a share of the page's visible characters (or glyphs); a page is
 * unreadable when that share passes the limit, which sits well above what the readable pages of
 * the shared corpus reach (see {@link #MAX_SOUP_SHARE}).
 */
public final class PageQuality {
  /**
   * Share of soup above which a page is unreadable. On the 2,900 readable PDF pages of the
   * shared corpus (cn, intl, w3c, rfc) the highest share is 0.04 (a few Chinese names without a
   * mapping on an English page), the next 0.015; the pages of broken fonts measure from 0.053
   * (a page of test vectors with two lines of Chinese soup) up to 1.
   */
  static final double MAX_SOUP_SHARE = 0.05;
  /** Fewer soup characters than this never make a page unreadable: a stray glyph is not a broken font. */
  static final int MIN_SOUP_CHARS = 12;
  /**
   * Symbol-font codes up to this share of a page are formula operators (the math pages of the
   * SM9 standard print up to 0.12 of them).
   */
  static final double MAX_SYMBOL_FONT_SHARE = 0.3;

  private PageQuality() {}

  /**
   * What a page's text layer is made of.
   *
   * @param visible visible characters of the extracted text
   * @param glyphs glyphs PDFBox placed on the page (0 when unknown)
   * @param unmapped glyphs PDFBox found no Unicode for
   * @param mojibake replacement, control, private-use and unassigned characters, and Latin-1
   *     supplement characters in clusters
   * @param implausible letters of scripts a Chinese or English standard does not print (Hangul,
   *     Yi, Canadian syllabics...) and rare Han extensions: glyph numbers read as Unicode
   * @param symbolFont private-use characters U+F020 to U+F0FF: the codes of a symbol font
   *     (Symbol, Wingdings) as Word writes operators and bullets, and as PDFBox reads a symbolic
   *     font without a Unicode map
   * @param han Han characters (unified ideographs)
   * @param asciiMarks ASCII punctuation and symbols
   * @param ascending characters that continue a run of three or more consecutive code points
   *     ("abcd", "!\"#$"): a subset font numbers its glyphs in order of first use
   */
  public record Counts(long visible, long glyphs, long unmapped, long mojibake, long implausible, long symbolFont,
      long han, long asciiMarks, long ascending) {
    /**
     * The share of the page that is soup: unmapped glyphs among the glyphs PDFBox placed, or
     * mojibake and implausible characters among the visible ones, whichever is larger. Unmapped
     * glyphs reach the text as mojibake or as nothing, so the two are not added. Symbol-font
     * codes count only where they fill a page: a few per page are the operators of a formula, a
     * page of them is a font read as symbols.
     */
    public double soupShare() {
      double ofGlyphs = glyphs == 0 ? 0 : (double) unmapped / glyphs;
      long symbols = symbolFont > MAX_SYMBOL_FONT_SHARE * visible ? symbolFont : 0;
      double ofText = visible == 0 ? 0 : (double) (mojibake + implausible + symbols) / visible;
      return Math.max(ofGlyphs, ofText);
    }

    long soup() {
      long symbols = symbolFont > MAX_SYMBOL_FONT_SHARE * visible ? symbolFont : 0;
      return Math.max(unmapped, mojibake + implausible + symbols);
    }

    /** True when the page's text layer is soup. */
    public boolean unreadable() {
      return soup() >= MIN_SOUP_CHARS && soupShare() > MAX_SOUP_SHARE;
    }

    /** The dominant kind of soup, for the status reason. */
    public String kind() {
      if (unmapped >= mojibake && unmapped >= implausible) {
        return "glyphs without Unicode mapping";
      }
      return mojibake >= implausible ? "mojibake (Latin-1, private-use or replacement characters)"
          : "glyph numbers read as characters (Hangul, Yi or rare Han)";
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "visible %d glyphs %d unmapped %d mojibake %d implausible %d symbol-font %d han %d ascii-marks %d"
              + " ascending %d soup %.2f",
          visible, glyphs, unmapped, mojibake, implausible, symbolFont, han, asciiMarks, ascending, soupShare());
    }
  }

  /**
   * Counts one page.
   *
   * @param text the page's extracted text
   * @param glyphs glyphs on the page per PDFBox, or 0 when unknown
   * @param unmapped glyphs without a Unicode mapping per PDFBox
   */
  public static Counts count(String text, long glyphs, long unmapped) {
    int[] marks = visibleMarks(text);
    long mojibake = 0;
    long implausible = 0;
    long symbolFont = 0;
    long han = 0;
    long asciiMarks = 0;
    long ascending = 0;
    for (int k = 0; k < marks.length; k++) {
      int c = marks[k];
      if (c > 0x20 && c < 0x7F && !Character.isLetterOrDigit(c)) {
        asciiMarks++;
      }
      if (k >= 2 && marks[k - 1] == c - 1 && marks[k - 2] == c - 2 && !Character.isDigit(c)) {
        ascending++;
      }
      if (c >= 0xF020 && c <= 0xF0FF) {
        symbolFont++;
      } else if (c >= 0xF8E5 && c <= 0xF8FF) {
        continue; // Adobe's code points for the pieces of Symbol brackets and arrows: real glyphs
      } else if (isBroken(c) || isLatin1(c) && isMojibake(marks, k)) {
        mojibake++;
      } else if (isImplausible(c)) {
        implausible++;
      } else if (c >= 0x4E00 && c <= 0x9FFF) {
        han++;
      }
    }
    return new Counts(marks.length, Math.max(0, glyphs), Math.max(0, Math.min(unmapped, glyphs)), mojibake,
        implausible, symbolFont, han, asciiMarks, ascending);
  }

  /**
   * The visible code points of a page, a run of one punctuation mark counted once: the leaders
   * of a contents page and drawn rules are one mark, not hundreds.
   */
  private static int[] visibleMarks(String text) {
    int[] out = new int[text.length()];
    int n = 0;
    int previous = -1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        continue;
      }
      if (c != previous || Character.isLetterOrDigit(c)) {
        out[n++] = c;
      }
      previous = c;
    }
    return Arrays.copyOf(out, n);
  }

  /** Replacement, control, private-use (but symbol-font) and unassigned code points. */
  static boolean isBroken(int c) {
    if (c == 0xFFFD) {
      return true;
    }
    if (c >= 0xF020 && c <= 0xF0FF || c >= 0xF8E5 && c <= 0xF8FF) {
      return false;
    }
    int type = Character.getType(c);
    return type == Character.PRIVATE_USE || type == Character.CONTROL || type == Character.UNASSIGNED
        || type == Character.SURROGATE;
  }

  /**
   * The Latin-1 supplement: mojibake where its characters come in clusters ("¸ß¶È", "ÂÃ、ÄÅÆ"),
   * a French or German word where one sits among ASCII letters ("électrique", "Prüfung").
   */
  static boolean isLatin1(int c) {
    return c >= 0xA0 && c <= 0xFF;
  }

  /**
   * A Latin-1 character among other suspect ones and not inside a word of ASCII letters:
   * "¸ß¶È" is mojibake, "größer" and "créée" are not.
   */
  private static boolean isMojibake(int[] marks, int k) {
    int before = k > 0 ? marks[k - 1] : ' ';
    int after = k + 1 < marks.length ? marks[k + 1] : ' ';
    if (isAsciiLetter(before) || isAsciiLetter(after)) {
      return false;
    }
    return isSuspect(before) || isSuspect(after);
  }

  private static boolean isAsciiLetter(int c) {
    return c < 0x80 && Character.isLetter(c);
  }

  /** A neighbour that makes a Latin-1 character mojibake: broken, or Latin-1 but for the signs standards print. */
  private static boolean isSuspect(int c) {
    return isBroken(c) || isLatin1(c) && "°±×÷§·µ©®²³¹¼½¾".indexOf(c) < 0;
  }

  /**
   * Characters of scripts that neither Chinese nor English standards print, and Han characters
   * of the rare extensions: where they fill a page, a font's glyph numbers were read as Unicode.
   * Latin, Greek, Cyrillic, kana and the common Han block are plausible, as are the symbols and
   * punctuation common to all scripts.
   */
  static boolean isImplausible(int c) {
    if (c >= 0x3400 && c <= 0x4DBF || c >= 0x20000 && c <= 0x3FFFF) {
      return true; // CJK extensions A to H
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return switch (script) {
      case LATIN, GREEK, CYRILLIC, HAN, HIRAGANA, KATAKANA, BOPOMOFO, COMMON, INHERITED -> false;
      default -> true;
    };
  }
}

package org.stdsearch.extract.pdf;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;

/**
 * The Latin letters of Founder-typeset PDFs. Founder's layout software (used for many GB
 * standards, e.g. GB/T 38636-2020) sets Latin letters and digits in a font whose codes PDFBox
 * reads as the GBK row 0xA0: "犌犅／犜" is "GB/T", "犜犔犆犘" is "TLCP". GBK 0xA0 0x80+c stands
 * for ASCII c. The characters of that row are rare Han characters outside GB 2312, so where
 * several of them share a page they are this font, not Chinese.
 */
public final class FounderLatin {
  private static final Map<Character, Character> TABLE = table();
  /** A page with fewer of these characters is left as it is: a rare character can be just that. */
  static final int MIN_PER_PAGE = 3;

  private FounderLatin() {}

  private static Map<Character, Character> table() {
    Map<Character, Character> table = new HashMap<>();
    Charset gbk = Charset.forName("GBK");
    for (int b = 0xA1; b <= 0xFE; b++) {
      String decoded = new String(new byte[] {(byte) 0xA0, (byte) b}, gbk);
      if (decoded.length() == 1 && decoded.charAt(0) > 0x2E80) {
        table.put(decoded.charAt(0), (char) (b - 0x80));
      }
    }
    return Map.copyOf(table);
  }

  /** The ASCII character a Founder Latin code stands for, or 0 when {@code c} is not one. */
  public static char latin(char c) {
    Character latin = c >= 0x7280 && c <= 0x7400 ? TABLE.get(c) : null;
    return latin == null ? 0 : latin;
  }

  /**
   * The page with its Founder Latin letters read as ASCII, when it holds at least {@link
   * #MIN_PER_PAGE} of them; else the page unchanged. Same length: offsets stay valid.
   */
  public static String repairPage(String page) {
    int found = 0;
    for (int i = 0; i < page.length() && found < MIN_PER_PAGE; i++) {
      if (latin(page.charAt(i)) != 0) {
        found++;
      }
    }
    if (found < MIN_PER_PAGE) {
      return page;
    }
    char[] chars = page.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char latin = latin(chars[i]);
      if (latin != 0) {
        chars[i] = latin;
      }
    }
    return new String(chars);
  }
}

package org.stdsearch.search.opensearch;

/**
 * How many tokens the text analysis makes of a word, and whether its tokens pair up, told without
 * analysing it (the analyzers run in the cluster): the word splitting of the standard tokenizer
 * (letters and digits, joined across {@code . ' :} between letters and {@code . ,} between digits,
 * and {@code _}), one token per Han, kana or Hangul character, and the CJK bigrams made of runs of
 * them. The count only chooses between equivalent query shapes (one term, or terms plus a phrase
 * for score), never what matches: matching is the cluster's analysis of the same text.
 *
 * @param tokens tokens the query-side analysis makes
 * @param pairable its tokens are two or more words (letters, digits), or one run of three or more
 *     Han characters: the shapes whose adjacent pairs the {@code content.pairs} field holds
 */
record TextShape(int tokens, boolean pairable) {

  static TextShape of(String raw) {
    // width folding first, as cjk_width does (half-width kana with their sound marks become one character)
    String text = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC);
    int words = 0;
    int runs = 0;
    int bigrams = 0;
    int longestRun = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int c = text.codePointAt(i);
      if (cjk(c)) {
        int run = 0;
        while (i < n && cjk(text.codePointAt(i))) {
          run++;
          i += Character.charCount(text.codePointAt(i));
        }
        runs++;
        bigrams += run == 1 ? 1 : run - 1;
        longestRun = Math.max(longestRun, run);
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        words++;
        i = wordEnd(text, i);
        continue;
      }
      i += Character.charCount(c);
    }
    int tokens = words + bigrams;
    boolean pairable = (runs == 0 && words >= 2) || (words == 0 && runs == 1 && longestRun >= 3);
    return new TextShape(tokens, pairable);
  }

  /** End of the word starting at {@code start}: letters and digits, with the joiners the tokenizer keeps inside. */
  private static int wordEnd(String text, int start) {
    int i = start;
    int n = text.length();
    while (i < n) {
      int c = text.codePointAt(i);
      if (Character.isLetterOrDigit(c) && !cjk(c)) {
        i += Character.charCount(c);
        continue;
      }
      if (c == '_' && i + 1 < n && Character.isLetterOrDigit(text.codePointAt(i + 1)) && !cjk(text.codePointAt(i + 1))) {
        i++;
        continue;
      }
      if (i > start && i + 1 < n && joins(text.codePointBefore(i), c, text.codePointAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    return i;
  }

  /** A mid-word character between two letters ({@code . ' :} and the like) or two digits ({@code . ,}). */
  private static boolean joins(int before, int mid, int after) {
    boolean letters = Character.isLetter(before) && Character.isLetter(after) && !cjk(before) && !cjk(after);
    boolean digits = Character.isDigit(before) && Character.isDigit(after);
    return switch (mid) {
      case '.', '\'', '\u2019' -> letters || digits;
      case ':', '\u00b7' -> letters;
      case ',', ';' -> digits;
      default -> false;
    };
  }

  /** Characters the tokenizer emits one by one and the bigram filter pairs: Han, kana, Hangul. */
  static boolean cjk(int c) {
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
  }
}

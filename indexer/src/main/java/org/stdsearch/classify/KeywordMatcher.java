package org.stdsearch.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts occurrences of many keywords in a text in one pass. Chinese keywords match as substrings
 * (Chinese has no spaces to anchor on); other keywords match whole words, with plurals folded and
 * a trailing {@code *} matching any word with that prefix.
 */
final class KeywordMatcher {

  /** Shortest prefix allowed before {@code *}: shorter ones would match half the dictionary. */
  static final int MIN_PREFIX = 3;

  /** A compiled keyword: CJK substring, or a sequence of word patterns. */
  private record Keyword(String text, boolean cjk, String[] words, boolean[] prefix) {}

  private final List<Keyword> keywords = new ArrayList<>();
  private final Map<String, Integer> ids = new LinkedHashMap<>();
  private final Map<Character, int[]> cjkByFirstChar = new HashMap<>();
  private final Map<String, int[]> wordsByFirstStem = new HashMap<>();
  private final Map<String, int[]> wordsByPrefixHead = new HashMap<>();

  /** Registers a keyword (as written in the taxonomy) and returns its id; equal keywords share one. */
  int add(String keyword) {
    String text = normalise(keyword).strip();
    Integer known = ids.get(text);
    if (known != null) {
      return known;
    }
    int id = keywords.size();
    if (containsCjk(text)) {
      keywords.add(new Keyword(text, true, null, null));
      cjkByFirstChar.merge(text.charAt(0), new int[] {id}, KeywordMatcher::concat);
    } else {
      List<String> raw = words(text);
      String[] words = new String[raw.size()];
      boolean[] prefix = new boolean[raw.size()];
      for (int i = 0; i < words.length; i++) {
        String w = raw.get(i);
        prefix[i] = w.endsWith("*");
        words[i] = prefix[i] ? w.substring(0, w.length() - 1) : stem(w);
      }
      keywords.add(new Keyword(text, false, words, prefix));
      if (prefix[0]) {
        wordsByPrefixHead.merge(words[0].substring(0, MIN_PREFIX), new int[] {id}, KeywordMatcher::concat);
      } else {
        wordsByFirstStem.merge(words[0], new int[] {id}, KeywordMatcher::concat);
      }
    }
    ids.put(text, id);
    return id;
  }

  /** The normalised text of keyword {@code id}, for explaining a score. */
  String keyword(int id) {
    return keywords.get(id).text;
  }

  int size() {
    return keywords.size();
  }

  /** Why {@code keyword} cannot be matched, or null if it is fine. Used to validate the file. */
  static String checkKeyword(String keyword) {
    String text = normalise(keyword).strip();
    if (text.isEmpty()) {
      return "empty keyword";
    }
    if (containsCjk(text)) {
      return null;
    }
    List<String> words = words(text);
    if (words.isEmpty()) {
      return "no letters or digits to match";
    }
    for (String w : words) {
      if (w.endsWith("*") && w.length() - 1 < MIN_PREFIX) {
        return "a prefix before * needs at least " + MIN_PREFIX + " letters";
      }
    }
    return null;
  }

  /** Adds to {@code counts[id]} the occurrences of each keyword in the (normalised) text. */
  void count(String text, int[] counts) {
    for (int i = 0; i < text.length(); i++) {
      int[] candidates = cjkByFirstChar.get(text.charAt(i));
      if (candidates != null) {
        for (int id : candidates) {
          if (text.startsWith(keywords.get(id).text, i)) {
            counts[id]++;
          }
        }
      }
    }
    List<String> raw = words(text);
    String[] stems = new String[raw.size()];
    for (int i = 0; i < stems.length; i++) {
      stems[i] = stem(raw.get(i));
    }
    for (int i = 0; i < stems.length; i++) {
      countAt(wordsByFirstStem.get(stems[i]), raw, stems, i, counts);
      if (raw.get(i).length() >= MIN_PREFIX) {
        countAt(wordsByPrefixHead.get(raw.get(i).substring(0, MIN_PREFIX)), raw, stems, i, counts);
      }
    }
  }

  private void countAt(int[] candidates, List<String> raw, String[] stems, int at, int[] counts) {
    if (candidates == null) {
      return;
    }
    for (int id : candidates) {
      Keyword k = keywords.get(id);
      if (at + k.words.length > stems.length) {
        continue;
      }
      boolean match = true;
      for (int j = 0; j < k.words.length && match; j++) {
        match = k.prefix[j] ? raw.get(at + j).startsWith(k.words[j]) : stems[at + j].equals(k.words[j]);
      }
      if (match) {
        counts[id]++;
      }
    }
  }

  /**
   * Folds case and full-width forms (NFKC), and drops spaces between Chinese characters: PDF text
   * often comes out as 信 息 安 全, which must still match 信息安全.
   */
  static String normalise(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isWhitespace(c)) {
        int next = i + 1;
        while (next < n.length() && Character.isWhitespace(n.charAt(next))) {
          next++;
        }
        boolean betweenCjk = out.length() > 0 && isCjk(out.charAt(out.length() - 1))
            && next < n.length() && isCjk(n.charAt(next));
        if (!betweenCjk) {
          out.append(' ');
        }
        i = next - 1;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Runs of letters and digits outside the CJK blocks; a trailing {@code *} is kept on a word. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      boolean word = Character.isLetterOrDigit(c) && !isCjk(c);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        boolean star = c == '*';
        out.add(text.substring(start, star ? i + 1 : i));
        start = -1;
      }
    }
    return out;
  }

  /** Plural folding only: chips/chip, policies/policy, boxes/box; analysis, access, status stay. */
  static String stem(String w) {
    int n = w.length();
    if (n <= 3 || w.charAt(n - 1) != 's' || hasDigit(w)) {
      return w;
    }
    if (w.endsWith("ies") && n > 4) {
      return w.substring(0, n - 3) + "y";
    }
    if (w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses")) {
      return w.substring(0, n - 2);
    }
    if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) {
      return w;
    }
    return w.substring(0, n - 1);
  }

  private static boolean hasDigit(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Character.isDigit(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean isCjk(char c) {
    return c >= '\u2e80' && (c <= '\u9fff' || (c >= '\uf900' && c <= '\ufaff') || (c >= '\uac00' && c <= '\ud7af'));
  }

  private static boolean containsCjk(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isCjk(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

package org.stdsearch.recognise;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs a title read from the damaged text layer of a scanned typewritten page with the
 * document's own words. Such a layer misreads a letter here and there ("Specjfication", "NaIl"),
 * and a typewritten memo may print its title twice (a journal line above the header and again
 * under it), each copy damaged in other places: of two aligned readings the word the document
 * uses elsewhere is taken, and a word found nowhere else becomes the one word, differing in one
 * letter, that the document uses often.
 */
final class ScannedTitleRepair {
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  /** A word is replaced only by one the document uses at least this often. */
  private static final int COMMON = 3;
  private static final int MIN_REPAIRED_LENGTH = 4;
  /** A capital after a small letter, as damage reads "FacIlity". */
  private static final Pattern MIXED_CASE = Pattern.compile("\\p{Ll}\\p{Lu}");

  private ScannedTitleRepair() {}

  /**
   * @param title the title as read
   * @param otherReadings lines that may be a second copy of the title, used when one aligns with it
   *     word for word
   * @param text the whole text, whose words are the vocabulary
   */
  static String repair(String title, List<String> otherReadings, String text) {
    Map<String, Integer> counts = vocabulary(text);
    String[] words = title.split(" ");
    String[] other = otherReadings.stream()
        .map(line -> line.strip().replaceAll("\\s+", " ").split(" "))
        .filter(candidate -> aligned(words, candidate))
        .findFirst().orElse(null);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      String word = other == null ? words[i] : better(words[i], other[i], counts);
      out.append(i == 0 ? "" : " ").append(corrected(word, counts));
    }
    return out.toString();
  }

  private static Map<String, Integer> vocabulary(String text) {
    Map<String, Integer> counts = new HashMap<>();
    for (Matcher m = WORD.matcher(text); m.find(); ) {
      counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    return counts;
  }

  /** Two readings of one line: as many words, differing in at most a third of their letters. */
  private static boolean aligned(String[] a, String[] b) {
    if (a.length < 2 || a.length != b.length) {
      return false;
    }
    int distance = 0;
    int letters = 0;
    for (int i = 0; i < a.length; i++) {
      distance += distance(a[i].toLowerCase(Locale.ROOT), b[i].toLowerCase(Locale.ROOT));
      letters += Math.max(a[i].length(), b[i].length());
    }
    return distance > 0 && distance * 3 <= letters;
  }

  /**
   * Of two readings of a word: the one the document uses elsewhere, else the one that repairs to
   * a common word, else the one made of letters; of equal ones, the one cased as words are.
   */
  private static String better(String first, String second, Map<String, Integer> counts) {
    int firstUses = isWord(first) ? counts.getOrDefault(first.toLowerCase(Locale.ROOT), 0) : 0;
    int secondUses = isWord(second) ? counts.getOrDefault(second.toLowerCase(Locale.ROOT), 0) : 0;
    if (firstUses >= 2 || secondUses >= 2) {
      if (firstUses == secondUses) {
        return MIXED_CASE.matcher(first).find() && !MIXED_CASE.matcher(second).find() ? second : first;
      }
      return secondUses > firstUses ? second : first;
    }
    if (!corrected(first, counts).equals(first)) {
      return first;
    }
    if (!corrected(second, counts).equals(second)) {
      return second;
    }
    return !isWord(first) && isWord(second) ? second : first;
  }

  /** A word the document uses nowhere else, replaced by the one common word one letter away. */
  private static String corrected(String word, Map<String, Integer> counts) {
    String folded = word.toLowerCase(Locale.ROOT);
    if (!isWord(word) || word.length() < MIN_REPAIRED_LENGTH || counts.getOrDefault(folded, 0) > 1) {
      return word;
    }
    String best = null;
    int bestUses = 0;
    boolean tie = false;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() >= COMMON && e.getKey().length() == folded.length() && distance(e.getKey(), folded) == 1) {
        tie = e.getValue() == bestUses;
        if (e.getValue() > bestUses) {
          best = e.getKey();
          bestUses = e.getValue();
        }
      }
    }
    if (best == null || tie) {
      return word;
    }
    if (word.equals(word.toUpperCase(Locale.ROOT))) {
      return best.toUpperCase(Locale.ROOT);
    }
    return Character.isUpperCase(word.charAt(0)) ? Character.toUpperCase(best.charAt(0)) + best.substring(1) : best;
  }

  private static boolean isWord(String s) {
    return WORD.matcher(s).matches();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

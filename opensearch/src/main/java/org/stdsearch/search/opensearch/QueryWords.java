package org.stdsearch.search.opensearch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The user query grammar's words, as the embedded parser reads them: {@code "phrases"},
 * {@code -exclusion}, {@code OR} and {@code |} between words, {@code title:}/{@code id:}/{@code
 * ics:} prefixes (also on a parenthesised group); anything else is text.
 */
final class QueryWords {
  private QueryWords() {}

  /** A word or phrase as typed, with its operator context. */
  record Word(String text, String prefix, boolean phrase, boolean negated, boolean orWithPrevious) {}

  /**
   * Every name the glossary could be asked about for {@code q}: each plain word and each run of
   * plain words, in both joinings; fetched in one request before the query is built.
   */
  static Set<String> glossaryCandidates(String q) {
    List<Word> words = tokenize(q);
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).prefix() == null) {
        out.add(words.get(i).text());
      }
      int end = i;
      while (end < words.size() && plain(words, end)) {
        end++;
      }
      for (int e = end; e > i + 1; e--) {
        out.addAll(runText(words, i, e));
      }
    }
    return out;
  }

  static boolean plain(List<Word> words, int i) {
    Word w = words.get(i);
    boolean nextOr = i + 1 < words.size() && words.get(i + 1).orWithPrevious();
    return !w.phrase() && w.prefix() == null && !w.negated() && !w.orWithPrevious() && !nextOr;
  }

  /** A run's texts: joined with spaces (English) and without (Chinese typed with spaces). */
  static List<String> runText(List<Word> words, int start, int end) {
    List<String> texts = words.subList(start, end).stream().map(Word::text).toList();
    return List.of(String.join(" ", texts), String.join("", texts));
  }

  /**
   * title:(personal information): every word of the group gets the prefix; the closing parenthesis
   * may still be missing while the query is being typed. Returns where reading goes on.
   */
  private static int group(String q, int open, String prefix, boolean negated, boolean or, List<Word> words) {
    int close = q.indexOf(')', open + 1);
    int end = close < 0 ? q.length() : close;
    List<Word> inner = tokenize(q.substring(open + 1, end));
    if (inner.isEmpty()) {
      words.add(new Word("", prefix, false, negated, or));
    }
    for (int k = 0; k < inner.size(); k++) {
      Word w = inner.get(k);
      words.add(new Word(w.text(), w.prefix() != null ? w.prefix() : prefix, w.phrase(), negated || w.negated(),
          k == 0 ? or : w.orWithPrevious()));
    }
    return close < 0 ? q.length() : close + 1;
  }

  static List<Word> tokenize(String q) {
    List<Word> words = new ArrayList<>();
    int i = 0;
    int n = q.length();
    boolean or = false;
    while (i < n) {
      char c = q.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '|') {
        or = !words.isEmpty();
        i++;
        continue;
      }
      boolean negated = false;
      if ((c == '-' || c == '+') && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))) {
        negated = c == '-';
        i++;
      }
      String prefix = null;
      for (String p : List.of("title", "id", "ics")) {
        if (q.regionMatches(true, i, p + ":", 0, p.length() + 1) && i + p.length() + 1 < n) {
          prefix = p;
          i += p.length() + 1;
          break;
        }
      }
      if (prefix != null && q.charAt(i) == '(') {
        i = group(q, i, prefix.toLowerCase(Locale.ROOT), negated, or, words);
        or = false;
        continue;
      }
      String text;
      boolean phrase = i < n && q.charAt(i) == '"';
      if (phrase) {
        int end = q.indexOf('"', i + 1);
        end = end < 0 ? n : end;
        text = q.substring(i + 1, end);
        i = Math.min(n, end + 1);
      } else {
        int end = i;
        while (end < n && !Character.isWhitespace(q.charAt(end))) {
          end++;
        }
        text = q.substring(i, end);
        i = end;
      }
      if (!phrase && prefix == null && !negated && text.equals("OR")) {
        or = !words.isEmpty();
        continue;
      }
      if (!text.isBlank()) {
        words.add(new Word(text, prefix == null ? null : prefix.toLowerCase(Locale.ROOT), phrase, negated, or));
      }
      or = false;
    }
    return words;
  }
}

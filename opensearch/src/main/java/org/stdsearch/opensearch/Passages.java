package org.stdsearch.opensearch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Cuts a standard's text into passages that each lie within one page and one clause, so that a
 * snippet highlighted in a passage says its page and clause exactly; long stretches are cut further
 * at line ends (or spaces, or sentence marks) so a passage stays a few hundred characters. The
 * passages cover the text without gaps or overlaps: in order, they are the text.
 */
public final class Passages {
  /** Longest passage; highlighting and re-analysis stay cheap, and a snippet stays local. */
  static final int MAX_CHARS = 1000;

  private Passages() {}

  /** A clause's number and its [start, end) offsets; end 0 or less when unknown. */
  public record ClauseSpan(String number, int start, int end) {}

  /** A passage: where it starts, its page (1-based, null without page starts), its clause (or null), its text. */
  public record Passage(int start, Integer page, String clause, String text) {}

  public static List<Passage> split(String text, List<Integer> pageStarts, List<ClauseSpan> clauses) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    TreeSet<Integer> cuts = new TreeSet<>();
    cuts.add(0);
    for (int p : pageStarts) {
      cuts.add(p);
    }
    for (ClauseSpan c : clauses) {
      cuts.add(c.start());
      if (c.end() > 0) {
        cuts.add(c.end());
      }
    }
    List<Integer> bounds = new ArrayList<>(cuts.subSet(0, true, text.length(), false));
    bounds.add(text.length());
    List<Passage> out = new ArrayList<>();
    for (int i = 0; i + 1 < bounds.size(); i++) {
      int from = bounds.get(i);
      int to = bounds.get(i + 1);
      Integer page = pageStarts.isEmpty() ? null : pageAt(pageStarts, from);
      String clause = clauseAt(clauses, from);
      while (from < to) {
        int end = to - from <= MAX_CHARS ? to : cutBefore(text, from, from + MAX_CHARS);
        out.add(new Passage(from, page, clause, text.substring(from, end)));
        from = end;
      }
    }
    return out;
  }

  /** Where to end a passage starting at {@code from} by {@code limit}: after a line end, else a space, else a mark. */
  private static int cutBefore(String text, int from, int limit) {
    int floor = from + MAX_CHARS / 2;
    for (String marks : List.of("\n", " \t", "。；;.!?！？")) {
      for (int i = limit - 1; i >= floor; i--) {
        if (marks.indexOf(text.charAt(i)) >= 0) {
          return i + 1;
        }
      }
    }
    // no break at all: cut at the limit, never between the halves of a surrogate pair
    return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
  }

  /** 1-based page of {@code offset}: the last page start at or before it (as the embedded snippets place it). */
  public static int pageAt(List<Integer> pageStarts, int offset) {
    int i = Collections.binarySearch(pageStarts, offset);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** Number of the innermost clause starting at or before {@code offset} and not ended there, or null. */
  public static String clauseAt(List<ClauseSpan> spans, int offset) {
    String found = null;
    for (ClauseSpan s : spans) {
      if (s.start() > offset) {
        break;
      }
      if (s.end() <= 0 || offset < s.end()) {
        found = s.number();
      }
    }
    return found;
  }
}

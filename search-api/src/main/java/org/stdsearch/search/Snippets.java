package org.stdsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.stdsearch.index.Schema;
import org.stdsearch.recognise.RecognisedStandard.Clause;

/**
 * Highlighted passages from {@link Schema#CONTENT}, each with its start offset so the hit can be
 * placed on a page and in a clause. Offsets come from the postings (indexed with offsets), so
 * no document is re-analyzed however long it is.
 */
final class Snippets {
  static final int PASSAGES = 3;
  static final int PASSAGE_CHARS = 200;
  /** Highest offset a passage may come from: our largest standards run to ~20M characters. */
  private static final int MAX_LENGTH = 64_000_000;

  /** A passage before page/clause placement. */
  record Raw(String html, int start) {}

  private Snippets() {}

  /** Passages per doc (same order as {@code docs}); empty lists where nothing matched. */
  static List<List<Raw>> highlight(IndexSearcher searcher, Query query, int[] docs, String pre, String post)
      throws IOException {
    if (docs.length == 0) {
      return List.of();
    }
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, Schema.textAnalyzer())
        .withMaxLength(MAX_LENGTH)
        // Passages from lines, merged to about PASSAGE_CHARS: the JDK's sentence BreakIterator
        // took ~65% of search CPU under load (docs/benchmarks.md); lines are what extraction
        // gives us anyway (PDF lines, paragraphs). Measured: mean 115 ms -> 23 ms per search.
        .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
            new CustomSeparatorBreakIterator('\n'), PASSAGE_CHARS, 0.5f))
        .withFormatter(new Formatter(pre, post))
        .withMaxNoHighlightPassages(0)
        .build();
    int[] max = new int[] {PASSAGES};
    String[] out = highlighter.highlightFields(new String[] {Schema.CONTENT}, query, docs, max).get(Schema.CONTENT);
    List<List<Raw>> result = new ArrayList<>();
    for (String o : out) {
      result.add(o == null ? List.of() : decode(o));
    }
    return result;
  }

  // The highlighter's public API hands back strings, so the formatter packs each passage's start
  // offset in front of its text: "start SEP1 html SEP2 start SEP1 html ...".
  private static final char SEP1 = '\u0000';
  private static final char SEP2 = '\u0001';

  private static List<Raw> decode(String packed) {
    List<Raw> out = new ArrayList<>();
    if (packed.isEmpty()) {
      return out;
    }
    for (String entry : packed.split(String.valueOf(SEP2))) {
      int cut = entry.indexOf(SEP1);
      out.add(new Raw(entry.substring(cut + 1), Integer.parseInt(entry.substring(0, cut))));
    }
    return out;
  }

  /** 1-based page of {@code offset}: the last page start at or before it. */
  static int pageAt(List<Integer> pageStarts, int offset) {
    int i = Collections.binarySearch(pageStarts, offset);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** Number of the innermost clause starting at or before {@code offset} and not ended, or null. */
  static String clauseAt(List<Clause> clauses, int offset) {
    String found = null;
    for (Clause c : clauses) {
      if (c.start() > offset) {
        break;
      }
      if (c.end() <= 0 || offset < c.end()) {
        found = c.number();
      }
    }
    return found;
  }

  /** Renders passages as HTML: text escaped, matches wrapped in the requested tags. */
  private static final class Formatter extends PassageFormatter {
    private final String pre;
    private final String post;

    Formatter(String pre, String post) {
      this.pre = pre;
      this.post = post;
    }

    @Override
    public Object format(Passage[] passages, String content) {
      StringBuilder out = new StringBuilder();
      for (Passage p : passages) {
        int start = p.getStartOffset();
        int end = Math.min(p.getEndOffset(), start + 2 * PASSAGE_CHARS);
        // A passage with no sentence break can be a whole page: centre it on its first match.
        if (p.getNumMatches() > 0 && p.getMatchStarts()[0] > end) {
          start = Math.max(p.getStartOffset(), p.getMatchStarts()[0] - PASSAGE_CHARS / 2);
          end = Math.min(p.getEndOffset(), start + 2 * PASSAGE_CHARS);
        }
        StringBuilder sb = new StringBuilder();
        int pos = start;
        int i = 0;
        while (i < p.getNumMatches()) {
          int ms = Math.max(p.getMatchStarts()[i], pos);
          int me = p.getMatchEnds()[i];
          // Han bigrams overlap (信息, 息安, 安全): one mark over the run, not a mark per bigram.
          while (i + 1 < p.getNumMatches() && p.getMatchStarts()[i + 1] <= me) {
            me = Math.max(me, p.getMatchEnds()[++i]);
          }
          i++;
          me = Math.min(me, end);
          if (ms >= end) {
            break;
          }
          if (me <= ms) {
            continue;
          }
          escape(sb, content, pos, ms);
          sb.append(pre);
          escape(sb, content, ms, me);
          sb.append(post);
          pos = me;
        }
        escape(sb, content, pos, end);
        if (!out.isEmpty()) {
          out.append(SEP2);
        }
        // Placed by its first match, not by where the passage starts: a passage of merged lines
        // can begin in the clause before the one the hit is in.
        int placedAt = p.getNumMatches() > 0 ? Math.max(start, p.getMatchStarts()[0]) : start;
        out.append(placedAt).append(SEP1).append(sb.toString().strip());
      }
      return out.toString();
    }

    private static void escape(StringBuilder sb, String s, int from, int to) {
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        switch (c) {
          case '<' -> sb.append("&lt;");
          case '>' -> sb.append("&gt;");
          case '&' -> sb.append("&amp;");
          case '"' -> sb.append("&quot;");
          case '\'' -> sb.append("&#39;");
          case '\n', '\r', '\t', '\f', SEP1, SEP2 -> sb.append(' ');
          default -> sb.append(c);
        }
      }
    }
  }
}

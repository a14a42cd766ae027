package org.stdsearch.search.lucene;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.stdsearch.index.PositionOffsets;
import org.stdsearch.index.Schema;

/**
 * Highlighted passages from {@link Schema#CONTENT}, each with its start offset so the hit can be
 * placed on a page and in a clause. Offsets come from the positions in the postings, mapped to
 * characters by the document's stored {@link Schema#CONTENT_OFFSETS} ({@link OffsetsFromPositions}),
 * so no document is re-analyzed however long it is.
 */
final class Snippets {
  static final int PASSAGE_CHARS = 200;
  /** Highest offset a passage may come from: our largest standards run to ~20M characters. */
  private static final int MAX_LENGTH = 64_000_000;

  /** A passage before page/clause placement. */
  record Raw(String html, int start) {}

  private Snippets() {}

  /** Passages per doc (same order as {@code docs}); empty lists where nothing matched. */
  static List<List<Raw>> highlight(IndexSearcher searcher, Query query, int[] docs, int passages, String pre,
      String post)
      throws IOException {
    if (docs.length == 0) {
      return List.of();
    }
    UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, Schema.textAnalyzer())
        .withMaxLength(MAX_LENGTH)
        // Passages from lines, merged to about PASSAGE_CHARS: the JDK's sentence BreakIterator
        // took ~65% of search CPU under load (docs/benchmarks.md); lines are what extraction
        // gives us anyway (PDF lines, paragraphs). Measured: mean 115 ms -> 23 ms per search.
        .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
            new CustomSeparatorBreakIterator('\n'), PASSAGE_CHARS, 0.5f))
        .withScorer(new PassageScores())
        .withFormatter(new Formatter(pre, post))
        .withMaxNoHighlightPassages(0);
    UnifiedHighlighter highlighter = new StoredTextHighlighter(builder);
    int[] max = new int[] {passages};
    String[] out = highlighter.highlightFields(new String[] {Schema.CONTENT}, query, docs, max).get(Schema.CONTENT);
    List<List<Raw>> result = new ArrayList<>();
    for (String o : out) {
      result.add(o == null ? List.of() : decode(o));
    }
    return result;
  }

  /**
   * Reads the text to highlight with {@link Schema#contentWithOffsets}: the stored text and its
   * position offsets, not the record before them; offsets are read through them.
   */
  private static final class StoredTextHighlighter extends UnifiedHighlighter {
    /** Position offsets of the documents whose text was loaded, by top-level doc id. */
    private final Map<Integer, PositionOffsets> offsetsByDoc = new HashMap<>();

    StoredTextHighlighter(Builder builder) {
      super(builder);
    }

    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
      if (source != OffsetSource.POSTINGS || !components.field().equals(Schema.CONTENT)) {
        return super.getOffsetStrategy(source, components);
      }
      return new PostingsOffsetStrategy(components) {
        @Override
        public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
          PositionOffsets offsets = offsetsByDoc.get(docBase(reader) + docId);
          // an index written before the offsets were stored has them in its postings
          return createOffsetsEnumFromReader(offsets == null ? reader : new OffsetsFromPositions(reader, offsets), docId);
        }
      };
    }

    private int docBase(LeafReader reader) {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        if (leaf.reader() == reader) {
          return leaf.docBase;
        }
      }
      throw new IllegalStateException("not a segment of the searcher's reader");
    }

    // Content has one value, so the separator-splitting wrapper Lucene puts around the break
    // iterator would only scan each whole text for a separator that is never there.
    @Override
    protected FieldHighlighter newFieldHighlighter(String field, FieldOffsetStrategy offsets, BreakIterator splitting,
        PassageScorer scorer, int maxPassages, int maxNoHighlightPassages, PassageFormatter formatter,
        Comparator<Passage> order) {
      return super.newFieldHighlighter(field, offsets, getBreakIterator(field), scorer, maxPassages,
          maxNoHighlightPassages, formatter, order);
    }

    // Offsets of content come through its postings (see getOffsetStrategy); asking the merged field
    // infos of the reader (built afresh for each highlighter) would pay, on every search, for an
    // answer known in advance.
    @Override
    protected OffsetSource getOffsetSource(String field) {
      return field.equals(Schema.CONTENT) ? OffsetSource.POSTINGS : super.getOffsetSource(field);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
        throws IOException {
      // As the default (stored-fields) implementation: one batch of documents up to the
      // threshold of characters, so a page of long standards is not all held in memory at once.
      List<CharSequence[]> out = new ArrayList<>();
      IndexReader reader = searcher.getIndexReader();
      long chars = 0;
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        CharSequence[] values = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          if (!fields[f].equals(Schema.CONTENT)) {
            throw new IllegalArgumentException("only " + Schema.CONTENT + " is highlighted, not " + fields[f]);
          }
          Schema.StoredContent stored = Schema.contentWithOffsets(reader, doc);
          values[f] = stored.text();
          if (stored.offsets() != null) {
            offsetsByDoc.put(doc, stored.offsets());
          }
          chars += values[f].length();
        }
        out.add(values);
        if (cacheCharsThreshold == 0 || chars > cacheCharsThreshold) {
          break;
        }
      }
      return out;
    }
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

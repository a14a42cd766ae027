package org.stdsearch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.BytesRefArray;
import org.apache.lucene.util.BytesRefIterator;
import org.apache.lucene.util.CharsRefBuilder;
import org.apache.lucene.util.Counter;

/**
 * Pairs of adjacent tokens of one kind, each pair one term of {@link Schema#CONTENT_PAIRS}: two
 * Latin words or numbers as {@code "first second"} (as analysed, so stemmed: {@code data
 * security} gives {@code "data secur"}), and two overlapping Han bigrams as the three characters
 * they cover ({@code 链路}, {@code 路层} give {@code 链路层}). Tokens of another kind, a gap in
 * positions, and punctuation between Han characters break a run; Latin never pairs with Han (no
 * phrase query asks for that, unlike Lucene's ShingleFilter, which pairs any two tokens).
 *
 * <p>Why: a phrase of two words or three Han characters becomes one term lookup, and longer ones
 * a conjunction of terms, instead of a positional match over the postings of their parts, which
 * for common words is nearly every document and every position (docs/benchmarks.md).
 *
 * <p>The pairs are taken from the full text's own token stream as it is indexed ({@link
 * Recorder}), not by analysing the text a second time. Indexing still costs about 1.4x the time
 * on text-only standards, most of it in Lucene's term hash for the many distinct pairs; a second
 * analysis cost a little more on top (docs/benchmarks.md).
 */
final class TokenPairs {
  private TokenPairs() {}

  private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];
  private static final String NUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];

  /** What pairs with what: a token pairs only with a neighbour of the same kind. */
  private enum Kind { WORD, HAN_BIGRAM }

  private static Kind kindOf(String type) {
    if (ALPHANUM.equals(type) || NUM.equals(type)) {
      return Kind.WORD;
    }
    return CJKBigramFilter.DOUBLE_TYPE.equals(type) ? Kind.HAN_BIGRAM : null;
  }

  /**
   * Follows a token stream and tells, token by token, whether a token pairs with the last one of a
   * pairing kind. Tokens of no kind (Han unigrams stacked beside the bigrams, lone characters) are
   * skipped, but they hold positions, so the position test breaks runs across them.
   */
  private static final class Tracker {
    private final CharTermAttribute term;
    private final TypeAttribute type;
    private final PositionIncrementAttribute increment;
    private final OffsetAttribute offset;
    private final CharsRefBuilder previous = new CharsRefBuilder();
    private Kind previousKind;
    private int previousPosition;
    private int previousEnd;
    private int position = -1;
    /** Whether the token just seen is of a pairing kind. */
    boolean pairable;

    Tracker(TokenStream ts) {
      term = ts.addAttribute(CharTermAttribute.class);
      type = ts.addAttribute(TypeAttribute.class);
      increment = ts.addAttribute(PositionIncrementAttribute.class);
      offset = ts.addAttribute(OffsetAttribute.class);
    }

    /** Sees the current token; when it pairs with the previous one, writes the pair into {@code pair}. */
    boolean next(CharsRefBuilder pair) {
      position += increment.getPositionIncrement();
      Kind kind = kindOf(type.type());
      pairable = kind != null;
      if (kind == null) {
        return false;
      }
      boolean pairs = kind == previousKind && position == previousPosition + 1
          && (kind == Kind.WORD || offset.startOffset() < previousEnd);
      if (pairs) {
        pair.copyChars(previous.chars(), 0, previous.length());
        if (kind == Kind.WORD) {
          pair.append(' ');
          pair.append(term.buffer(), 0, term.length());
        } else {
          int second = Character.charCount(Character.codePointAt(term.buffer(), 0, term.length()));
          pair.append(term.buffer(), second, term.length() - second);
        }
      }
      previous.copyChars(term.buffer(), 0, term.length());
      previousKind = kind;
      previousPosition = position;
      previousEnd = offset.endOffset();
      return pairs;
    }
  }

  /**
   * The pair terms of a phrase analysed by {@code ts} (the query-side chain, no Han unigrams), in
   * order; empty unless every token pairs with the one before it, so that the pairs cover the
   * whole phrase.
   */
  static List<String> ofPhrase(TokenStream ts) throws IOException {
    Tracker tracker = new Tracker(ts);
    CharsRefBuilder pair = new CharsRefBuilder();
    List<String> pairs = new ArrayList<>();
    int tokens = 0;
    ts.reset();
    while (ts.incrementToken()) {
      boolean paired = tracker.next(pair);
      if (!tracker.pairable || (tokens > 0 && !paired)) {
        return List.of();
      }
      if (paired) {
        pairs.add(pair.toString());
      }
      tokens++;
    }
    ts.end();
    return pairs;
  }

  /**
   * Passes the full text's tokens through unchanged and keeps their pairs in order; once the full
   * text is indexed, {@link #pairs()} replays them as the {@link Schema#CONTENT_PAIRS} field. The
   * pairs are appended to a flat buffer, not counted here: the indexing chain counts each term's
   * frequency anyway. Counting them per document first (each distinct pair then indexed once, with
   * its count as term frequency) costs more than it saves (docs/benchmarks.md): a pair repeated
   * within a document is still in the processor's cache when Lucene's term hash meets it again, so
   * the repeats it would save are cheap, and the document's own hash costs a look-up per pair.
   * Fields are indexed in the order they were added, so the pairs field must come after the full
   * text.
   */
  static final class Recorder extends TokenFilter {
    private final Tracker tracker = new Tracker(this);
    private final CharsRefBuilder pair = new CharsRefBuilder();
    private final BytesRefBuilder utf8 = new BytesRefBuilder();
    private final BytesRefArray recorded = new BytesRefArray(Counter.newCounter());

    Recorder(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (tracker.next(pair)) {
        utf8.copyChars(pair.chars(), 0, pair.length());
        recorded.append(utf8.get());
      }
      return true;
    }

    /** The recorded pairs as a token stream, one token per pair, in text order. */
    TokenStream pairs() {
      return new TokenStream() {
        private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
        private BytesRefIterator next;

        @Override
        public boolean incrementToken() throws IOException {
          BytesRef b = next.next();
          if (b == null) {
            return false;
          }
          clearAttributes();
          term.setBytesRef(b);
          return true;
        }

        @Override
        public void reset() {
          next = recorded.iterator();
        }
      };
    }
  }
}
